"""The peers harness's Socket.IO load client, speaking Meeting Point's chat protocol.

    python bench/fanout_client.py --port P --n 200 --cookies FILE --conversation-id C \
        [--lat-messages 100] [--tput-messages 1000] [--windows 4,16,64] [--server-pid PID]

Same client, same phases and same printed lines as the floor's (`../shared/peers/
socketio_floor/loadclient.py`), so the two figures compare like for like. Only the
protocol differs, as a participant's tab uses it:
- client i connects with participant i's session cookie (the server refuses strangers);
- each opens the room's channel (`open`, acknowledged) before any message is sent;
- the sender emits `send` with a fresh client id and a 120-character body, which the server
  checks, sanitises, stores and commits before it broadcasts `new_message`;
- a delivery is matched to its send through that client id, echoed in the broadcast (our
  server does not echo fields it does not know, such as the floor's `seq` and `t`).
"""

import argparse
import asyncio
import itertools
import json
import os
import struct
import sys
from pathlib import Path

PEERS = Path(os.environ.get("PEERS_DIR", Path(__file__).resolve().parents[2] / "shared/peers"))
sys.path.insert(0, str(PEERS / "socketio_floor"))

import loadclient  # noqa: E402

RUN = os.urandom(4).hex()  # client ids are unique per sender and never reused


class Tab(loadclient.Client):
    """One participant's tab: their own cookie, and our event names."""

    cookies: list[str] = []
    stamps: dict[str, tuple[int, float]] = {}  # client id -> (seq in its phase, send time)
    numbers = itertools.count()
    opened = 0
    all_opened: asyncio.Event | None = None

    def connection_made(self, transport):
        loadclient.Client.extra_headers = f"Cookie: session={Tab.cookies[self.idx]}\r\n"
        super().connection_made(transport)

    def send_text(self, s: str) -> None:
        if s.startswith('42["send",'):  # the sender's message: give it its own client id
            payload = json.loads(s[2:])[1]
            client_id = f"{RUN}-{next(Tab.numbers)}"
            Tab.stamps[client_id] = (payload.pop("seq"), payload.pop("t"))
            s = "42" + json.dumps(["send", {**payload, "client_id": client_id}])
        super().send_text(s)

    def on_eio(self, p: bytes, now: float):
        if p.startswith(b'42["new_message"'):
            phase = Tab.phase
            start = p.find(b'"client_id":') + 12
            start = p.find(b'"', start) + 1
            stamp = Tab.stamps.get(p[start : p.find(b'"', start)].decode())
            if phase is not None and stamp is not None:
                phase.on_delivery(stamp[0], stamp[1], now)
        elif p.startswith(b"431"):  # the acknowledgement of `open`
            Tab.opened += 1
            if Tab.opened == Tab.count:
                Tab.all_opened.set()
        else:
            super().on_eio(p, now)


def resident_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def run(args) -> int:
    Tab.all_opened, Tab.count = asyncio.Event(), args.n
    loop = asyncio.get_running_loop()
    before = resident_kb(args.server_pid)
    try:
        clients, seconds = await loadclient.connect_all(args, loop)
    except Exception as error:  # noqa: BLE001 - reported as the harness reports it
        print(f"{args.label} N={args.n} phase=connect error={type(error).__name__}", flush=True)
        return 2
    opening = "421" + json.dumps(["open", {"conversation_id": args.conversation_id}])
    for client in clients:
        client.send_text(opening)
    await asyncio.wait_for(Tab.all_opened.wait(), 120)
    # The server's memory for N tabs with the channel open, before any message is sent.
    per_client = (resident_kb(args.server_pid) - before) / args.n
    print(
        f"{args.label} N={args.n} phase=connect connect_s={seconds:.2f} "
        f"server_rss_mb={resident_kb(args.server_pid) / 1024:.0f} "
        f"memory_per_client_kb={per_client:.0f}",
        flush=True,
    )
    sender, lost = clients[0], 0
    await loadclient.run_phase_quiet(sender, args)
    if args.lat_messages:
        lost += await loadclient.run_phase("latency", sender, args, args.lat_messages, 1)
    for window in [int(w) for w in args.windows.split(",") if w]:
        lost += await loadclient.run_phase("throughput", sender, args, args.tput_messages, window)
    for client in clients:
        if not client.closed:
            client.transport.write(loadclient.mask_frame(0x8, struct.pack("!H", 1000)))
            client.transport.close()
    await asyncio.sleep(0.3)
    return 0 if lost == 0 else 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--cookies", required=True, help="one session cookie a line")
    parser.add_argument("--conversation-id", type=int, required=True)
    parser.add_argument("--lat-messages", type=int, default=100)
    parser.add_argument("--tput-messages", type=int, default=1000)
    parser.add_argument("--windows", default="4,16,64")
    parser.add_argument("--server-pid", type=int, default=0)
    parser.add_argument("--label", default="chat_fanout server=meetingpoint")
    args = parser.parse_args()
    # What the harness's own client reads from its command line.
    args.host, args.path, args.connect_concurrency = "127.0.0.1", "/socket.io/", 20
    args.dump = os.environ.get("BENCH_FANOUT_DUMP")  # per-message rows, as the harness writes
    args.connect_timeout, args.phase_timeout = 120.0, 60.0
    Tab.cookies = Path(args.cookies).read_text().split()
    body = "x" * 120
    loadclient.SEND_FMT = (
        '42["send",{"seq":%d,"t":%r,"conversation_id":' + str(args.conversation_id)
    ) + f',"language":"en","body":"{body}"}}]'
    loadclient.Client = Tab  # the harness builds its clients from this name
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
