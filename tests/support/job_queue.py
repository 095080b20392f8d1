"""Jobs through a real Redis and real `flask worker` processes (a pytest plugin): a queue
of the test's own, workers, and an SMTP server that can hold or refuse mail."""

import asyncio
import email
import email.policy
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import redis
from aiosmtpd.controller import Controller
from flask import current_app

from support.live_servers import REDIS_URL, ROOT, free_port, redis_problem
from support.redis_server import RedisServer
from support.settings import IN_CI

# What a worker in these tests is told: retry soon, and take a silent worker for dead soon.
FAST = {
    "JOBS_HEARTBEAT_SECONDS": 2,
    "JOBS_MAINTENANCE_PER_MILLION": 1_000_000,
    "JOBS_MIN_BACKOFF_SECONDS": 0.2,
    "JOBS_MAX_BACKOFF_SECONDS": 1,
    "JOBS_MAX_RETRIES": 2,
}


class Inbox:
    """What the SMTP server received, parsed. `refuse` answers every mail with that reply;
    `hold` cleared keeps each mail's answer back (the mail counts as received)."""

    def __init__(self):
        self.messages: list = []
        self.refuse: str | None = None
        self.hold = threading.Event()
        self.hold.set()
        self.arrived = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        self.arrived.set()
        while not self.hold.is_set():
            await asyncio.sleep(0.05)
        return "250 OK"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]


class Queue:
    """A namespace of the test's own on a Redis server, which the test's apps use."""

    def __init__(self, url: str):
        self.url = url
        self.namespace = f"meetingpoint-test-jobs-{uuid.uuid4().hex[:8]}"

    def settings(self) -> dict:
        return {"JOBS_REDIS_URL": self.url, "JOBS_NAMESPACE": self.namespace}

    def forget(self) -> None:
        client = redis.Redis.from_url(self.url, socket_connect_timeout=2)
        try:
            keys = list(client.scan_iter(f"{self.namespace}:*", count=1000))
            if keys:
                client.delete(*keys)
        except redis.RedisError:
            pass  # the test's own server, already stopped


class Worker:
    """`flask worker` on the test database, in a process group of its own."""

    def __init__(self, database_url: str, workdir: Path, settings: dict):
        self.workdir = workdir
        self.log_path = workdir / f"worker-{uuid.uuid4().hex[:6]}.log"
        self.env = dict(
            os.environ,
            MEETINGPOINT_DATABASE_URL=database_url,
            MEETINGPOINT_SECRET_KEY="worker-tests",
            MEETINGPOINT_INSTANCE_PATH=str(workdir),
            MEETINGPOINT_MAIL_OUTBOX=str(workdir / "outbox"),
        )
        self.env.pop("MEETINGPOINT_REDIS_URL", None)  # jobs only: no Socket.IO queue here
        self.env.update({f"MEETINGPOINT_{k}": str(v) for k, v in settings.items()})
        self.process = None

    def start(self) -> "Worker":
        self.log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "worker"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while "Worker:" not in self.read_log():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker did not start: {self.read_log()}")
            time.sleep(0.1)
        return self

    def kill(self) -> None:
        """SIGKILL: no goodbye, the jobs it holds are left as they are."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process:
            self.log.close()

    def read_log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


def _use(app, settings: dict) -> None:
    app.config.update(settings)  # requests to the served app
    current_app.config.update(settings)  # services called from the test itself


def _redis_or_skip() -> None:
    problem = redis_problem()
    if problem:
        if IN_CI:
            pytest.fail(f"Redis is required under CI=true: {problem}")
        pytest.skip(f"Redis not available: {problem}")


@pytest.fixture
def job_queue(app):
    """The test's apps hand their jobs to a namespace of their own on the local Redis."""
    _redis_or_skip()
    queue = Queue(REDIS_URL)
    _use(app, queue.settings())
    yield queue
    queue.forget()


@pytest.fixture
def durable_queue(app, tmp_path):
    """A queue on a Redis server of the test's own, with every write in its append-only
    file before it answers: the test may kill and restart it."""
    if not RedisServer.available():
        if IN_CI:
            pytest.fail("redis-server is required under CI=true")
        pytest.skip("redis-server is not installed")
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisServer(folder, durable=True).start()
    queue = Queue(server.url)
    queue.server = server
    _use(app, queue.settings())
    yield queue
    server.stop()


@pytest.fixture
def mail_server(app):
    """A real SMTP server on a loopback port, which every app and worker of the test uses."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.settings = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": controller.port, "SMTP_TLS": "0"}
    _use(app, {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": controller.port, "MAIL_USE_TLS": False})
    yield inbox
    inbox.hold.set()
    controller.stop()


@pytest.fixture
def workers(database_url, tmp_path):
    """`start(queue, inbox, **settings)`: a `flask worker` for that queue and SMTP server;
    all are stopped after the test."""
    started = []

    def start(queue: Queue, inbox: Inbox, **settings) -> Worker:
        worker = Worker(
            database_url, tmp_path, {**FAST, **queue.settings(), **inbox.settings, **settings}
        )
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.stop()


def wait_for(check, seconds: float = 30, what: str = "it"):
    """Poll `check()` until it returns something true; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {seconds} s")
