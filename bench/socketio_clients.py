"""Chat clients made with python-socketio (asyncio): a participant's tab, fan-out to many
tabs spread over several processes, and catching up after a cut. Used by chat.py and
scaled.py; chat_side_by_side.py uses the peers harness's leaner client instead.
"""

import asyncio
import statistics
import time
import uuid

import socketio

PACED, PACE = 10, 1.0  # latency: a lively room, one message a second
BURST = 30  # throughput: back to back


async def connect(url: str, cookie: str, on_message=None, channel_id=None):
    """A participant's tab; with a channel, the room's chat page is open (as `open` does)."""
    client = socketio.AsyncClient(reconnection=False)
    if on_message is not None:
        client.on("new_message", on_message)
    await client.connect(
        url, headers={"Cookie": f"session={cookie}"}, transports=["websocket"], wait_timeout=30
    )
    if channel_id is not None:
        reply = await client.call("open", {"conversation_id": channel_id}, timeout=60)
        assert reply["ok"], reply
    return client


async def fan_out(urls: list[str], cookies: list[str], channel_id: int, listeners: int):
    """`listeners` clients spread over the servers, one sender on the first server.

    Two phases: PACED messages one every PACE seconds (latency of a lively room), then a
    BURST sent back to back (how many deliveries per second the servers sustain).
    """
    sent_at: dict[str, float] = {}
    received: dict[str, list[float]] = {}
    arrived = asyncio.Condition()

    async def receiver(data):
        received.setdefault(data["client_id"], []).append(time.perf_counter())
        async with arrived:
            arrived.notify_all()

    clients = []
    for start in range(0, listeners, 50):  # connect in waves, as people arrive
        wave = [
            connect(urls[n % len(urls)], cookies[n + 1], receiver, channel_id)
            for n in range(start, min(start + 50, listeners))
        ]
        clients += await asyncio.gather(*wave)
    sender = await connect(urls[0], cookies[0])
    await asyncio.sleep(1)  # let the connect bookkeeping settle

    async def send(ids: list[str], pause: float) -> None:
        for client_id in ids:
            sent_at[client_id] = time.perf_counter()
            await sender.emit(
                "send",
                {
                    "conversation_id": channel_id,
                    "client_id": client_id,
                    "body": f"Benchmark message {client_id[:6]}",
                    "language": "en",
                },
            )
            await asyncio.sleep(pause)

    async def all_delivered(ids: list[str]) -> None:
        async with arrived:
            await arrived.wait_for(lambda: all(len(received.get(i, ())) >= listeners for i in ids))

    paced = [uuid.uuid4().hex for _ in range(PACED)]
    await send(paced, PACE)
    await asyncio.wait_for(all_delivered(paced), timeout=120)
    burst = [uuid.uuid4().hex for _ in range(BURST)]
    began = time.perf_counter()
    await send(burst, 0)
    await asyncio.wait_for(all_delivered(burst), timeout=300)
    rate = BURST * listeners / (time.perf_counter() - began)
    for client in clients + [sender]:
        await client.disconnect()
    latencies = sorted(t - sent_at[i] for i in paced for t in received[i])
    return rate, latencies


async def catch_up(url: str, cookie: str, channel_id: int, after: int) -> tuple[float, int]:
    """A tab back after a cut: the time from asking to holding every missed message."""
    client = await connect(url, cookie)
    began = time.perf_counter()
    got = 0
    while True:
        reply = await client.call(
            "open", {"conversation_id": channel_id, "after_id": after}, timeout=30
        )
        got += len(reply["messages"])
        if not reply["more"]:
            break
        after = reply["messages"][-1]["id"]
    elapsed = time.perf_counter() - began
    await client.disconnect()
    return elapsed, got


def report(label: str, result) -> None:
    rate, latencies = result
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(
        f"{label:34} {rate:9.0f} {statistics.median(latencies) * 1000:8.1f} "
        f"{p99 * 1000:8.1f} {latencies[-1] * 1000:8.1f}"
    )
