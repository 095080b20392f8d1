"""Forum benchmark: 100,000 posts in 1,000 topics (one with 1,000 replies), served by a real
gunicorn process; prints requests per second and p50/p99 latency for the busiest pages.

Loopback only, bounded in time; the server is stopped at the end.
"""

import http.client
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.accounts.models import User  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.forums.models import Post, Topic, path_segment  # noqa: E402
from meetingpoint.rooms.models import Room  # noqa: E402
from meetingpoint.rooms.services import seed_rooms  # noqa: E402
from meetingpoint.seed.demo import load_demo  # noqa: E402
from meetingpoint.text.profiles import render_post  # noqa: E402

TOPICS, POSTS, BIG_TOPIC_REPLIES = 1_000, 100_000, 1_000
SECONDS, CONNECTIONS = float(os.environ.get("BENCH_SECONDS", 5)), 8
BODIES = [
    "Our **labour inspectorate** visited 40 farms this season; child labour fell again.",
    "Em Moçambique, a formação profissional chega agora às zonas rurais com *unidades móveis*.",
    "La négociation collective dans le secteur minier avance, mais lentement.",
    "Las cooperativas de reciclaje de Belo Horizonte firmaron un acuerdo con la alcaldía.",
    "Portable social security for migrant workers is the topic of our next meeting.",
]


def seed(url: str, workdir: Path) -> tuple[int, str]:
    """Fill the fresh database at `url`; returns the id of the topic with 1,000 replies
    and the slug of its room. Search is indexed on SQLite only (not benchmarked elsewhere)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "MAIL_OUTBOX": workdir / "outbox"})
    with app.app_context():
        upgrade()
        seed_rooms()
        load_demo()
        users = list(db.session.scalars(select(User.id)))
        rooms = list(db.session.scalars(select(Room.id)))
        rendered = [render_post(body) for body in BODIES]
        rng = random.Random(2016)
        start = datetime(2026, 1, 1, tzinfo=UTC)
        topic_rows, post_rows = [], []
        post_id = 0
        per_topic = [BIG_TOPIC_REPLIES + 1] + [(POSTS - BIG_TOPIC_REPLIES - 1) // (TOPICS - 1)] * (
            TOPICS - 1
        )
        per_topic[-1] += POSTS - sum(per_topic)
        for topic_id, count in enumerate(per_topic, start=1):
            created = start + timedelta(minutes=topic_id * 7)
            ids_in_topic: list[tuple[int, str, int]] = []
            for n in range(count):
                post_id += 1
                if n == 0:
                    parent, path, depth = None, path_segment(post_id), 0
                else:
                    # Replies branch: half answer the opening, the rest a random earlier post.
                    parent_id, parent_path, parent_depth = (
                        ids_in_topic[0] if rng.random() < 0.5 else rng.choice(ids_in_topic)
                    )
                    parent, path, depth = (
                        parent_id,
                        parent_path + path_segment(post_id),
                        parent_depth + 1,
                    )
                ids_in_topic.append((post_id, path, depth))
                variant = post_id % len(BODIES)
                post_rows.append(
                    {
                        "id": post_id,
                        "topic_id": topic_id,
                        "author_id": rng.choice(users),
                        "parent_id": parent,
                        "path": path,
                        "depth": depth,
                        "language": "en",
                        "body_source": BODIES[variant],
                        "body_html": rendered[variant],
                        "created_at": created + timedelta(seconds=n),
                    }
                )
            topic_rows.append(
                {
                    "id": topic_id,
                    "room_id": rooms[topic_id % len(rooms)],
                    "author_id": post_rows[-count]["author_id"],
                    "title": f"Discussion {topic_id}",
                    "language": "en",
                    "created_at": created,
                    "reply_count": count - 1,
                    "last_post_id": post_id,
                    "last_posted_at": created + timedelta(seconds=count),
                }
            )
        db.session.execute(insert(Topic), topic_rows)
        for chunk in range(0, len(post_rows), 5_000):
            db.session.execute(insert(Post), post_rows[chunk : chunk + 5_000])
        if db.engine.dialect.name == "sqlite":
            db.session.execute(
                text(
                    "INSERT INTO search_posts (rowid, title, body) SELECT p.id, "
                    "CASE WHEN p.parent_id IS NULL THEN t.title ELSE '' END, p.body_source "
                    "FROM posts p JOIN topics t ON t.id = p.topic_id"
                )
            )
        db.session.commit()
        big_room = db.session.get(Room, rooms[1 % len(rooms)]).slug
    return 1, big_room


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(port: int, path: str) -> tuple[float, float, float, int]:
    """`CONNECTIONS` keep-alive clients for `SECONDS`: (rps, p50 ms, p99 ms, bytes)."""
    latencies: list[float] = []
    size = [0]
    deadline = time.monotonic() + SECONDS
    lock = threading.Lock()

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.monotonic() < deadline:
            begun = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            mine.append((time.perf_counter() - begun) * 1000)
            assert response.status == 200, (path, response.status)
            size[0] = len(body)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / elapsed, statistics.median(latencies), p99, size[0]


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-forum-bench-"))
    database = workdir / "bench.db"
    began = time.monotonic()
    big_topic, room = seed(f"sqlite:///{database}", workdir)
    print(f"seeded {POSTS:,} posts in {TOPICS:,} topics in {time.monotonic() - began:.0f} s")
    port = free_port()
    env = dict(
        os.environ,
        MEETINGPOINT_DATABASE_URL=f"sqlite:///{database}",
        MEETINGPOINT_SECRET_KEY="bench",
        MEETINGPOINT_MAIL_OUTBOX=str(workdir / "outbox"),
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        pages = [
            ("topic, 1,000 replies", f"/en/rooms/{room}/topics/{big_topic}"),
            ("topic, 1,000 flat", f"/en/rooms/{room}/topics/{big_topic}?view=flat"),
            ("room page", f"/en/rooms/{room}/"),
            ("search", "/en/search?q=inspectorate"),
        ]
        print(f"gunicorn -w 2 (sync), {CONNECTIONS} connections, {SECONDS:.0f} s per page")
        print(f"{'page':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'KB':>8}")
        for label, path in pages:
            load(port, path)  # warm up caches and both workers
            rps, p50, p99, size = load(port, path)
            print(f"{label:24} {rps:8.1f} {p50:8.1f} {p99:8.1f} {size / 1024:8.1f}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
