"""Growth: the topic page (101 posts as a tree) and the room page with 10,000 posts stored,
then with 1,000,000, the same pages and the same process; prints their latency and the ratio.

The measured topic and room are those of side_by_side.py, made through the services. The
rest is filler written in bulk (with a progress bar), older than them, spread over every
room, so the pages show the same thing at both sizes and only what is stored grows. Pages
are rendered for each request (the visitors' page cache is off), one connection at a time.
The search index is not filled for the filler: search is not measured here.
"""

import http.client
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from progress import progress  # noqa: E402
from side_by_side import ROOT, seed  # noqa: E402
from sqlalchemy import func, insert, select, text  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.accounts.models import User  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.forums.models import Post, Topic, path_segment  # noqa: E402
from meetingpoint.rooms.models import Room  # noqa: E402
from meetingpoint.text.profiles import render_post  # noqa: E402

SIZES = (10_000, 1_000_000)
POSTS_PER_TOPIC = 50
REQUESTS = int(os.environ.get("BENCH_GROWTH_REQUESTS", 150))
FILLER = [
    "Our **labour inspectorate** visited 40 farms this season; child labour fell again.",
    "Em Moçambique, a formação profissional chega agora às zonas rurais com *unidades móveis*.",
    "La négociation collective dans le secteur minier avance, mais lentement.",
    "Las cooperativas de reciclaje firmaron un acuerdo con la alcaldía para el año próximo.",
]


def grow(app, total: int) -> None:
    """Add filler topics of POSTS_PER_TOPIC posts until `total` posts are stored."""
    with app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(Post))
        people = list(db.session.scalars(select(User.id)))
        rooms = list(db.session.scalars(select(Room.id)))
        next_post = db.session.scalar(select(func.max(Post.id))) + 1
        next_topic = db.session.scalar(select(func.max(Topic.id))) + 1
        rendered = [render_post(text) for text in FILLER]
        long_ago = datetime(2024, 1, 1, tzinfo=UTC)
        began, goal = time.monotonic(), total
        while stored < goal:
            topics, posts = [], []
            for _ in range(min(400, (goal - stored + POSTS_PER_TOPIC - 1) // POSTS_PER_TOPIC)):
                count = min(POSTS_PER_TOPIC, goal - stored - len(posts))
                created = long_ago + timedelta(minutes=next_topic)
                first = next_post
                for n in range(count):
                    parent = None if n == 0 else first
                    path = path_segment(first) + (path_segment(next_post) if n else "")
                    posts.append(
                        {
                            "id": next_post,
                            "topic_id": next_topic,
                            "parent_id": parent,
                            "path": path,
                            "depth": 1 if n else 0,
                            "language": "en",
                            "author_id": people[next_post % len(people)],
                            "body_source": FILLER[next_post % 4],
                            "body_html": rendered[next_post % 4],
                            "created_at": created + timedelta(seconds=n),
                        }  # fmt: skip
                    )
                    next_post += 1
                topics.append(
                    {
                        "id": next_topic,
                        "room_id": rooms[next_topic % len(rooms)],
                        "author_id": people[first % len(people)],
                        "title": f"Filler {next_topic}",
                        "language": "en",
                        "created_at": created,
                        "reply_count": count - 1,
                        "last_post_id": next_post - 1,
                        "last_posted_at": created + timedelta(seconds=count),
                    }  # fmt: skip
                )
                next_topic += 1
            db.session.execute(insert(Topic), topics)
            db.session.execute(insert(Post), posts)
            db.session.commit()
            stored += len(posts)
            progress(stored, goal, began, "posts")
        db.session.execute(text("ANALYZE"))
        db.session.commit()


def start(url: str, workdir: Path) -> tuple[subprocess.Popen, int]:
    from support.live_servers import free_port

    port = free_port()
    env = dict(os.environ, MEETINGPOINT_DATABASE_URL=url, MEETINGPOINT_SECRET_KEY="g" * 64,
               MEETINGPOINT_MAIL_OUTBOX=str(workdir / "outbox"),
               MEETINGPOINT_PAGE_CACHE_SECONDS="0")  # fmt: skip
    command = [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1",
               "-b", f"127.0.0.1:{port}", "wsgi:app"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            timings(port, "/healthz", 1)
            return process, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def timings(port: int, path: str, count: int) -> list[float]:
    """`count` requests one after another on one keep-alive connection, in ms."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    spent = []
    for _ in range(count):
        began = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        spent.append((time.perf_counter() - began) * 1000)
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
    connection.close()
    return spent


def measure(url: str, workdir: Path, paths: dict) -> dict:
    process, port = start(url, workdir)
    try:
        found = {}
        for page in ("topic", "room"):
            timings(port, paths[page], 20)  # warm: templates compiled, pages in the OS cache
            spent = sorted(timings(port, paths[page], REQUESTS))
            found[page] = (statistics.median(spent), spent[int(len(spent) * 0.99) - 1])
        return found
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-bench-growth-"))
    url = f"sqlite:///{workdir / 'growth.db'}"
    paths = seed(url, workdir)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "MAIL_OUTBOX": workdir / "outbox"})
    results = {}
    for size in SIZES:
        grow(app, size)
        results[size] = measure(url, workdir, paths)
        megabytes = (workdir / "growth.db").stat().st_size / 2**20
        for page, (p50, p99) in results[size].items():
            print(f"bench growth posts={size} page={page} p50_ms={p50:.1f} p99_ms={p99:.1f} "
                  f"database_mb={megabytes:.0f}")  # fmt: skip
    small, large = SIZES
    print(f"{'page':6} {'p50 ms at ' + format(small, ','):>18} {'at ' + format(large, ','):>14} "
          f"{'×':>5}")  # fmt: skip
    for page in ("topic", "room"):
        before, after = results[small][page][0], results[large][page][0]
        print(f"bench growth_ratio page={page} p50_times={after / before:.2f}")
        print(f"{page:6} {before:18.1f} {after:14.1f} {after / before:5.2f}")


if __name__ == "__main__":
    main()
