"""Chat benchmark: 200 and 1,000 clients connected over websockets to one room's channel of
real `gunicorn -k gevent -w 1` processes, one sender; prints deliveries per second and
p50/p99/max latency from send to receipt, for one process and for two sharing Redis. Then
the time one client takes to catch up 1,000 missed messages.

Loopback only, bounded in time; servers are stopped at the end. Clients run in one asyncio
process on the same two cores as the servers, so the figures include their cost too.
"""

import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import socketio  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.accounts.models import User  # noqa: E402
from meetingpoint.chat.models import ChatMessage, Conversation  # noqa: E402
from meetingpoint.database import utcnow  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.rooms.models import Room, RoomMembership  # noqa: E402
from meetingpoint.rooms.services import seed_rooms  # noqa: E402

SECRET = "chat-bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
PEOPLE = 1_001  # 1,000 listeners and one sender
PACED, PACE = 10, 1.0  # latency: a lively room, one message a second
BURST = int(os.environ.get("BENCH_CHAT_BURST", 30))  # throughput: back to back
BACKLOG = 1_000


def seed(url: str, workdir: Path) -> tuple[object, int, list[str]]:
    """A room with PEOPLE members, its channel holding BACKLOG earlier messages, in the
    (fresh) database at `url`. Returns the app, the channel's id and each member's signed
    session cookie."""
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET, "MAIL_OUTBOX": workdir / "outbox"}
    )
    with app.app_context():
        upgrade()
        seed_rooms()
        room = db.session.scalars(select(Room)).first()
        password = generate_password_hash("not used: sessions are signed below")
        now = utcnow()
        db.session.execute(
            insert(User),
            [
                {
                    "email": f"bench{n}@example.org",
                    "display_name": f"Listener {n}",
                    "password_hash": password,
                    "email_verified_at": now,
                    "country": "SN",
                    "organisation": "Bench",
                    "constituency": "workers",
                    "auth_version": 1,
                }
                for n in range(PEOPLE)
            ],
        )
        users = list(db.session.scalars(select(User).order_by(User.id)))
        db.session.execute(
            insert(RoomMembership), [{"room_id": room.id, "user_id": u.id} for u in users]
        )
        channel = Conversation(kind="room", room_id=room.id)
        db.session.add(channel)
        db.session.flush()
        db.session.execute(
            insert(ChatMessage),
            [
                {
                    "conversation_id": channel.id,
                    "sender_id": users[0].id,
                    "client_id": f"backlog-{n}",
                    "language": "en",
                    "body_source": f"Earlier message {n}",
                    "body_html": f"<p>Earlier message {n}</p>",
                    "created_at": now,
                }
                for n in range(BACKLOG)
            ],
        )
        channel.last_message_id = BACKLOG
        db.session.commit()
        channel_id = channel.id
        # Sessions signed the way Flask signs them: signing in 1,001 times would measure
        # the password hash instead of the chat.
        signer = app.session_interface.get_signing_serializer(app)
        cookies = [signer.dumps({"_user_id": f"{u.id}:1", "_fresh": True}) for u in users]
    return app, channel_id, cookies


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(url: str, workdir: Path, redis_channel: str | None, **settings):
    port = free_port()
    env = dict(
        os.environ,
        MEETINGPOINT_DATABASE_URL=url,
        MEETINGPOINT_SECRET_KEY=SECRET,
        MEETINGPOINT_MAIL_OUTBOX=str(workdir / "outbox"),
        MEETINGPOINT_CHAT_MESSAGES_PER_MINUTE="100000",
    )
    if redis_channel:
        env.update(MEETINGPOINT_REDIS_URL=REDIS_URL, MEETINGPOINT_SOCKETIO_CHANNEL=redis_channel)
    env.update({f"MEETINGPOINT_{name}": str(value) for name, value in settings.items()})
    command = [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1"]
    command += ["--worker-connections", "4000", "-b", f"127.0.0.1:{port}", "wsgi:app"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


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


async def catch_up(url: str, cookie: str, channel_id: int) -> tuple[float, int]:
    client = await connect(url, cookie)
    began = time.perf_counter()
    got, after = 0, 0
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


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-chat-bench-"))
    database = f"sqlite:///{workdir / 'bench.db'}"
    _app, channel_id, cookies = seed(database, workdir)
    print(f"chat, one room: latency over {PACED} messages one a second; deliveries per second")
    print(f"over a burst of {BURST} messages sent back to back (gunicorn -k gevent -w 1 each)")
    print(f"{'setup':34} {'deliv/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    setups = [("1 process", None), ("2 processes + Redis", f"mp-bench-{uuid.uuid4().hex[:6]}")]
    for label, redis_channel in setups:
        servers = [start_server(database, workdir, redis_channel)]
        if redis_channel:
            servers.append(start_server(database, workdir, redis_channel))
        urls = [url for _process, url in servers]
        try:
            if not redis_channel:  # before any live message: exactly the backlog is missed
                elapsed, got = asyncio.run(catch_up(urls[0], cookies[1], channel_id))
                catch_up_line = f"catch-up: {got:,} missed messages in {elapsed * 1000:.0f} ms"
            for listeners in (200, 1000):
                result = asyncio.run(fan_out(urls, cookies, channel_id, listeners))
                report(f"{label}, {listeners} clients", result)
        finally:
            for process, _url in servers:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=20)
    print(catch_up_line + " (pages of 200, one client, 1 process)")


if __name__ == "__main__":
    main()
