"""The scaled topology measured: PostgreSQL, Redis, gunicorn -k gevent -w 1 processes and
the nginx site from deploy/, with one process and with two, side by side in one run.

Forum pages go through nginx (pages are spread over the processes); chat clients connect
to the processes directly, as people's browsers would be spread by nginx's hash of
their routing cookies. Everything on loopback; the bench databases are made afresh and
dropped after.
"""

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import chat  # noqa: E402
import forum  # noqa: E402
import psycopg  # noqa: E402
import socketio_clients  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def fresh_database(name: str) -> str:
    """(Re)create database `name` on the server of ADMIN_URL; returns its URL."""
    admin = make_url(ADMIN_URL)
    plain = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return admin.set(database=name).render_as_string(hide_password=False)


def drop_database(name: str) -> None:
    plain = make_url(ADMIN_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def stop(servers) -> None:
    for process, _url in servers:
        process.send_signal(signal.SIGTERM)
    for process, _url in servers:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # connections still draining: the figures are in
            process.kill()
            process.wait()


def forum_pages(workdir: Path) -> None:
    from support.nginx_server import Nginx

    url = fresh_database("meetingpoint_bench_forum")
    began = time.monotonic()
    big_topic, room = forum.seed(url, workdir)
    seeded = time.monotonic() - began
    print(f"forum on PostgreSQL: {forum.POSTS:,} posts seeded in {seeded:.0f} s")
    print(f"{forum.CONNECTIONS} connections through nginx, {forum.SECONDS:.0f} s per page")
    print(f"{'page':24} {'processes':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    pages = [("room page", f"/en/rooms/{room}/"),
             ("topic, 1,000 replies", f"/en/rooms/{room}/topics/{big_topic}")]  # fmt: skip
    channel = f"mp-scaled-{uuid.uuid4().hex[:6]}"
    try:
        for count in (1, 2):
            servers = [chat.start_server(url, workdir, channel, TRUSTED_PROXIES=1)
                       for _ in range(count)]  # fmt: skip
            ports = [int(address.rsplit(":", 1)[1]) for _process, address in servers]
            proxy = Nginx(workdir, ports if count == 2 else ports * 2).start()
            try:
                for label, path in pages:
                    forum.load(proxy.port, path)  # warm up
                    rps, p50, p99, _size = forum.load(proxy.port, path)
                    print(f"{label:24} {count:9d} {rps:8.1f} {p50:8.1f} {p99:8.1f}")
            finally:
                proxy.stop()
                stop(servers)
    finally:
        drop_database("meetingpoint_bench_forum")


def chat_deliveries(workdir: Path) -> None:
    url = fresh_database("meetingpoint_bench_chat")
    try:
        _app, channel_id, cookies = chat.seed(url, workdir)
        # One process is measured beside the Socket.IO floor (chat_side_by_side.py); here,
        # two sharing Redis, as deploy/ runs them.
        print("chat on PostgreSQL + Redis, one room (gunicorn -k gevent -w 1 each)")
        print(f"{'setup':34} {'deliv/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        channel = f"mp-scaled-{uuid.uuid4().hex[:6]}"
        for count in (2,):
            servers = [chat.start_server(url, workdir, channel) for _ in range(count)]
            try:
                urls = [address for _process, address in servers]
                result = asyncio.run(socketio_clients.fan_out(urls, cookies, channel_id, 1000))
                socketio_clients.report(
                    f"{count} process{'es' if count > 1 else ''}, 1000 clients", result
                )
            finally:
                stop(servers)
    finally:
        drop_database("meetingpoint_bench_chat")


def main() -> None:
    if shutil.which("nginx") is None:
        print("scaled: skipped, nginx is not installed (apt-get install nginx)")
        return
    workdir = Path(tempfile.mkdtemp(prefix="mp-scaled-bench-"))
    forum_pages(workdir)
    chat_deliveries(workdir)


if __name__ == "__main__":
    main()
