"""Chat history as it grows: a room's channel holding 10,000 messages, then 1,000,000; at
each size, the time to open it (the latest page), to page back from deep in its past, to
jump to a day, and to catch up 1,000 missed messages, through a real Socket.IO client and
a real `gunicorn -k gevent -w 1` process. Its `seed` and `start_server` also serve
chat_side_by_side.py (fan-out beside the Socket.IO floor).

Loopback only, bounded in time; servers are stopped at the end.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from progress import progress  # noqa: E402
from socketio_clients import catch_up, connect  # noqa: E402
from sqlalchemy import func, insert, select, text  # noqa: E402
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
BACKLOG = 1_000
SIZES = (10_000, 1_000_000)
TRIES = 20


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
        # One sender's back-to-back burst measures delivery, not the per-connection pace.
        MEETINGPOINT_CHAT_EVENT_BURST="100000",
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


def grow(app, channel_id: int, total: int) -> None:
    """Add messages to the channel until it holds `total`, with a progress bar."""
    with app.app_context():
        stored = db.session.scalar(
            select(func.count())
            .select_from(ChatMessage)
            .where(ChatMessage.conversation_id == channel_id)
        )
        senders = list(db.session.scalars(select(User.id).limit(50)))
        began, start = time.monotonic(), datetime(2025, 1, 1, tzinfo=UTC)
        while stored < total:
            rows = [
                {
                    "conversation_id": channel_id,
                    "sender_id": senders[n % len(senders)],
                    "client_id": f"grown-{n}",
                    "language": "en",
                    "body_source": f"Message {n} about the week's training",
                    "body_html": f"<p>Message {n} about the week's training</p>",
                    "created_at": start + timedelta(seconds=30 * n),
                }  # fmt: skip
                for n in range(stored, min(total, stored + 20_000))
            ]
            db.session.execute(insert(ChatMessage), rows)
            db.session.commit()
            stored += len(rows)
            progress(stored, total, began, "messages")
        channel = db.session.get(Conversation, channel_id)
        channel.last_message_id = db.session.scalar(select(func.max(ChatMessage.id)))
        db.session.execute(text("ANALYZE"))
        db.session.commit()


async def timed(client, event: str, payload: dict) -> tuple[float, dict]:
    began = time.perf_counter()
    reply = await client.call(event, payload, timeout=30)
    return (time.perf_counter() - began) * 1000, reply


async def history_figures(url: str, cookie: str, channel_id: int, last_id: int) -> dict:
    """Median ms of each way into the history, over TRIES."""
    client = await connect(url, cookie)
    channel = {"conversation_id": channel_id}
    asks = {
        "open": ("open", channel),
        "page_back": ("history", {**channel, "before_id": last_id // 2}),
        "jump_to_day": ("history", {**channel, "date": "2025-03-01"}),
    }
    found = {}
    for name, (event, payload) in asks.items():
        spent = []
        for _ in range(TRIES):
            ms, reply = await timed(client, event, payload)
            assert reply.get("messages"), reply
            spent.append(ms)
        found[name] = statistics.median(spent)
    await client.disconnect()
    spent = []
    for _ in range(TRIES // 4):
        elapsed, got = await catch_up(url, cookie, channel_id, last_id - BACKLOG)
        assert got == BACKLOG, got
        spent.append(elapsed * 1000)
    found["catch_up_1000"] = statistics.median(spent)
    return found


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-chat-bench-"))
    database = f"sqlite:///{workdir / 'bench.db'}"
    app, channel_id, cookies = seed(database, workdir)
    results = {}
    for size in SIZES:
        grow(app, channel_id, size)
        with app.app_context():
            last_id = db.session.get(Conversation, channel_id).last_message_id
        process, url = start_server(database, workdir, None)
        try:
            results[size] = asyncio.run(history_figures(url, cookies[1], channel_id, last_id))
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)
        figures = " ".join(f"{name}_ms={ms:.1f}" for name, ms in results[size].items())
        print(f"bench chat_history messages={size} {figures}")
    small, large = SIZES
    print(f"chat history, median ms of {TRIES} tries ({TRIES // 4} for catching up 1,000 missed)")
    heads = (format(small, ",") + " stored", format(large, ",") + " stored")
    print(f"{'request':16} {heads[0]:>16} {heads[1]:>18} {'×':>5}")
    for name in results[small]:
        before, after = results[small][name], results[large][name]
        print(f"{name:16} {before:16.1f} {after:18.1f} {after / before:5.2f}")


if __name__ == "__main__":
    main()
