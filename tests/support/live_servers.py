"""Real server processes for end-to-end chat tests: gunicorn with a gevent worker, as in
production, each on its own port, and clients signed in the way a browser is."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests
import socketio
from flask import current_app

from support.settings import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("MEETINGPOINT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_problem() -> str | None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
        return None
    except Exception as error:  # any failure means "not here"
        return str(error)


class LiveServer:
    """`gunicorn -k gevent -w 1 wsgi:app` on a free port, sharing the test database."""

    SECRET_KEY = "live-server-tests"  # what a test signs with to make the server's tokens

    def __init__(
        self,
        database_url: str,
        workdir: Path,
        redis_channel: str | None = None,
        settings: dict | None = None,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = workdir
        self.env = dict(
            os.environ,
            MEETINGPOINT_DATABASE_URL=database_url,
            MEETINGPOINT_SECRET_KEY=self.SECRET_KEY,
            MEETINGPOINT_INSTANCE_PATH=str(workdir),
            MEETINGPOINT_MAIL_OUTBOX=str(workdir / "outbox"),
            # These tests send fifty messages in a burst; the flood limit and the event budget
            # have their own tests.
            MEETINGPOINT_CHAT_MESSAGES_PER_MINUTE="10000",
            MEETINGPOINT_CHAT_EVENT_BURST="1000",
        )
        if redis_channel:
            self.env.update(
                MEETINGPOINT_REDIS_URL=REDIS_URL, MEETINGPOINT_SOCKETIO_CHANNEL=redis_channel
            )
        self.env.update(
            {f"MEETINGPOINT_{name}": str(value) for name, value in (settings or {}).items()}
        )
        self.process = None

    def start(self) -> "LiveServer":
        command = [
            sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1",
            "-b", f"127.0.0.1:{self.port}", "--graceful-timeout", "2", "wsgi:app",
        ]  # fmt: skip
        self.log = open(self.workdir / f"server-{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill() takes the worker too
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.close()
                raise RuntimeError(f"server exited: {self.read_log()}")
            try:
                if requests.get(self.url + "/healthz", timeout=2).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start: {self.read_log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()

    def kill(self) -> None:
        """Die at once, master and worker, as a crashed machine would: no goodbye."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def read_log(self) -> str:
        return (self.workdir / f"server-{self.port}.log").read_text(errors="replace")[-3000:]


def signed_in(server: LiveServer, email: str) -> requests.Session:
    """An HTTP session signed in through the sign-in form, CSRF token and all."""
    session = requests.Session()
    page = session.get(server.url + "/en/auth/login", timeout=10).text
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    response = session.post(
        server.url + "/en/auth/login",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:500]
    return session


class Participant:
    """A python-socketio client that records every event it receives, in order."""

    def __init__(self, server: LiveServer, email: str, transport: str = "websocket"):
        self.http = signed_in(server, email)
        self.server = server
        self.transport = transport
        self.received: list[tuple[str, dict]] = []
        self.arrived = threading.Condition()
        self.client = self._client()

    def _client(self):
        client = socketio.Client(http_session=self.http, reconnection=False)

        @client.on("*")
        def record(event, data=None):
            with self.arrived:
                self.received.append((event, data))
                self.arrived.notify_all()

        return client

    def connect(self, server: LiveServer | None = None) -> "Participant":
        if server is not None:  # the same person, on another (or a restarted) process
            self.server = server
            self.client = self._client()
        self.client.connect(self.server.url, transports=[self.transport], wait_timeout=10)
        return self

    def call(self, event: str, data: dict) -> dict:
        return self.client.call(event, data, timeout=10)

    def wait_for(self, event: str, count: int = 1, timeout: float = 10) -> list[dict]:
        """The first `count` events of this name (waiting for them), taken off the list."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                found = [data for name, data in self.received if name == event]
                if len(found) >= count:
                    self.received = [(n, d) for n, d in self.received if n != event]
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{event}: {len(found)} of {count} after {timeout}s")
                self.arrived.wait(remaining)

    def events(self, event: str) -> list[dict]:
        with self.arrived:
            return [data for name, data in self.received if name == event]

    def disconnect(self) -> None:
        if self.client.connected:
            self.client.disconnect()


@contextmanager
def signed_as_servers():
    """Within: tokens the test makes (links, unsubscribe tokens) are signed with the live
    servers' secret key, so those servers accept them."""
    config = current_app.config
    ours, config["SECRET_KEY"] = config["SECRET_KEY"], LiveServer.SECRET_KEY
    try:
        yield
    finally:
        config["SECRET_KEY"] = ours
