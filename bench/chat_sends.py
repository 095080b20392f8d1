"""Sends into one busy room, every one answered and nothing lost: PostgreSQL, Redis and two
`gunicorn -k gevent -w 1` processes, listeners spread over both, twenty senders offering a
rising rate. Each send is made as chat.js makes it (the same client id again after a
time-out or a "try again" answer). Per rate: sends acknowledged per second, the time to
the acknowledgement, how many first tries went unanswered or were answered "try again",
and at the end whether every listener holds exactly what was stored.

Loopback only, bounded in time; the bench database is made afresh and dropped after.
"""

import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import chat  # noqa: E402
import socketio  # noqa: E402
from scaled import drop_database, fresh_database, stop  # noqa: E402
from socketio_clients import connect  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

DATABASE = "meetingpoint_bench_sends"
SENDERS = 20
SECONDS = 10
ACK_TIMEOUT = 15  # chat.js waits this long for an answer before sending again
# (listeners, offered sends/s); the seeded room has 1,001 members, twenty of them senders.
RUNS = ((200, (20, 50, 100, 200)), (980, (20, 50)))
if os.environ.get("BENCH_SENDS_QUICK"):  # a first look, in a few seconds
    RUNS = ((50, (20,)),)


class Listener:
    """A tab with the room's chat open: keeps the ids it received live."""

    def __init__(self):
        self.held: set[int] = set()

    async def on_message(self, data):
        self.held.add(data["id"])


async def send_until_answered(client, channel_id: int, tally: dict) -> None:
    draft = {"conversation_id": channel_id, "client_id": uuid.uuid4().hex, "language": "en",
             "body": "Benchmark send"}  # fmt: skip
    began, pause, first = time.perf_counter(), 0.5, True
    while True:
        try:
            reply = await client.call("send", draft, timeout=ACK_TIMEOUT)
        except socketio.exceptions.TimeoutError:
            reply = None
        if reply and reply["ok"]:
            tally["acks"].append(time.perf_counter() - began)
            tally["ids"].add(reply["message"]["id"])
            return
        if first:
            tally["unanswered" if reply is None else "retried"] += 1
            first = False
        if reply is not None and not reply.get("retry"):
            raise RuntimeError(f"send refused: {reply}")
        await asyncio.sleep(pause)
        pause = min(pause * 2, 8)


async def offer(senders, channel_id: int, rate: int) -> dict:
    """`rate` sends a second for SECONDS, spread over the senders, each awaited apart."""
    tally = {"acks": [], "ids": set(), "unanswered": 0, "retried": 0}
    tasks, began = [], time.perf_counter()
    for n in range(rate * SECONDS):
        await asyncio.sleep(max(0.0, began + n / rate - time.perf_counter()))
        sender = senders[n % len(senders)]
        tasks.append(asyncio.create_task(send_until_answered(sender, channel_id, tally)))
    await asyncio.gather(*tasks)
    tally["elapsed"] = time.perf_counter() - began
    return tally


async def measure(urls, cookies, channel_id: int, listeners: int, rates) -> list[dict]:
    tabs = [Listener() for _ in range(listeners)]
    clients = []
    for start in range(0, listeners, 50):  # connect in waves, as people arrive
        clients += await asyncio.gather(
            *(
                connect(urls[n % len(urls)], cookies[SENDERS + n], tabs[n].on_message, channel_id)
                for n in range(start, min(start + 50, listeners))
            )
        )
    senders = [await connect(urls[n % len(urls)], cookies[n]) for n in range(SENDERS)]
    results = []
    for rate in rates:
        results.append({"rate": rate, **await offer(senders, channel_id, rate)})
    await asyncio.sleep(2)  # the last live events on their way
    results[-1]["live_missing"] = [len(results_ids(results) - tab.held) for tab in tabs]
    for client in clients + senders:
        await client.disconnect()
    return results


def results_ids(results) -> set[int]:
    return set().union(*(r["ids"] for r in results))


def report(listeners: int, results, stored: set[int]) -> None:
    """`stored`: the ids the room gained during the run."""
    for r in results:
        acks = sorted(r["acks"])
        p99 = acks[min(len(acks) - 1, int(len(acks) * 0.99))]
        print(
            f"{listeners:9d} {r['rate']:8d} {len(acks) / r['elapsed']:8.1f} "
            f"{statistics.median(acks) * 1000:8.1f} {p99 * 1000:8.1f} "
            f"{r['unanswered']:10d} {r['retried']:7d}"
        )
    acknowledged = results_ids(results)
    missing = results[-1]["live_missing"]
    print(
        f"  acknowledged {len(acknowledged):,}, stored {len(stored):,}, acknowledged but not "
        f"stored {len(acknowledged - stored)}, stored twice {len(stored) - len(acknowledged)};"
        f" listeners missing a live message: "
        f"{sum(1 for m in missing if m)} of {listeners} (most {max(missing)}, fetched by "
        "their next heartbeat)"
    )


def stored_ids(url: str, channel_id: int) -> set[int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        query = text("SELECT id FROM chat_messages WHERE conversation_id = :c")
        found = set(connection.scalars(query, {"c": channel_id}))
    engine.dispose()
    return found


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-sends-bench-"))
    url = fresh_database(DATABASE)
    try:
        _app, channel_id, cookies = chat.seed(url, workdir)
        print("chat sends into one room: PostgreSQL, Redis, 2 processes, 20 senders")
        print(f"{'listeners':>9} {'offered':>8} {'acked/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'unanswered':>10} {'retried':>7}")  # fmt: skip
        channel = f"mp-sends-{uuid.uuid4().hex[:6]}"
        for listeners, rates in RUNS:
            before = stored_ids(url, channel_id)
            servers = [chat.start_server(url, workdir, channel) for _ in range(2)]
            try:
                urls = [address for _process, address in servers]
                results = asyncio.run(measure(urls, cookies, channel_id, listeners, rates))
            finally:
                stop(servers)
            report(listeners, results, stored_ids(url, channel_id) - before)
    finally:
        drop_database(DATABASE)


if __name__ == "__main__":
    main()
