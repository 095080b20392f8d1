"""A chat page's live steps, as static/js/chat.js takes them, for the fault tests: open with
the last id held, keep the unbroken run by previous_id, catch up on a gap, on every
(re)connection and when a heartbeat shows a newer id; send with a client id, again until
answered. Events are handled one at a time on a thread of the reader's own."""

import queue
import threading
import time
import uuid
from types import SimpleNamespace

import socketio

from support.live_servers import signed_in


class FaithfulReader:
    def __init__(self, url: str, email: str, conversation_id: int, heartbeat: float = 2.0):
        self.url, self.conversation_id, self.heartbeat = url, conversation_id, heartbeat
        self.http = signed_in(SimpleNamespace(url=url), email)  # signed_in reads .url
        self.held: set[int] = set()
        self.contiguous = 0
        self.acknowledged: dict[str, int] = {}  # client id -> stored id
        self.unanswered = 0  # sends that got no answer in time (then sent again)
        self.inbox: queue.Queue = queue.Queue()
        self.stopping = threading.Event()
        self.client = socketio.Client(
            http_session=self.http, reconnection=True, reconnection_delay=0.5,
            reconnection_delay_max=2, randomization_factor=0.2,
        )  # fmt: skip
        self.client.on("connect", lambda: self.inbox.put(("connect", None)))
        self.client.on("new_message", lambda m: self.inbox.put(("new_message", m)))
        self.worker = threading.Thread(target=self._work, daemon=True)

    def start(self, within: float = 60) -> "FaithfulReader":
        """Connect; a refusal ("unavailable": the server busy or its database away) is
        tried again a moment later, as live.js does."""
        self.worker.start()
        give_up = time.monotonic() + within
        while True:
            try:
                self.client.connect(self.url, transports=["websocket"], wait_timeout=10)
                return self
            except socketio.exceptions.ConnectionError:
                if time.monotonic() > give_up:
                    raise
                time.sleep(1)

    def stop(self) -> None:
        self.stopping.set()
        self.inbox.put(("stop", None))
        self.worker.join(10)
        self.client.disconnect()

    def _work(self) -> None:
        next_beat = time.monotonic() + self.heartbeat
        while not self.stopping.is_set():
            try:
                kind, data = self.inbox.get(timeout=max(0.05, next_beat - time.monotonic()))
            except queue.Empty:
                kind, data = "beat", None
            if kind == "beat" or time.monotonic() >= next_beat:
                next_beat = time.monotonic() + self.heartbeat
                self._beat()
            if kind == "connect":
                self._catch_up()
            elif kind == "new_message":
                self._arrived(data)

    def _call(self, event: str, data: dict, timeout: float = 15) -> dict | None:
        try:
            return self.client.call(event, data, timeout=timeout)
        except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
            return None  # not answered in time, or not connected: tried again later

    def _arrived(self, message: dict) -> None:
        if message["conversation_id"] != self.conversation_id:
            return
        self.held.add(message["id"])
        if message.get("previous_id") == self.contiguous:
            self.contiguous = message["id"]
        elif message["id"] > self.contiguous:
            self._catch_up()

    def _catch_up(self) -> None:
        while not self.stopping.is_set():
            asked = {"conversation_id": self.conversation_id, "after_id": self.contiguous}
            reply = self._call("open", asked)
            if not reply or not reply["ok"]:
                return
            found = [m["id"] for m in reply["messages"]]
            self.held.update(found)
            if found:
                self.contiguous = found[-1]
            if not (reply["more"] or (found and max(self.held) > self.contiguous)):
                return

    def _beat(self) -> None:
        if not self.client.connected:
            return
        reply = self._call("here", {"conversation_id": self.conversation_id})
        if reply and reply["ok"] and reply["last_id"] > self.contiguous:
            self._catch_up()

    def send(self, body: str, deadline: float = 60) -> int:
        """Send as the page does (from the test's thread): the same client id until an
        answer that is not "try again"; returns the stored id."""
        client_id, pause = uuid.uuid4().hex, 0.5
        draft = {"conversation_id": self.conversation_id, "body": body, "language": "en",
                 "client_id": client_id}  # fmt: skip
        give_up = time.monotonic() + deadline
        while time.monotonic() < give_up:
            reply = self._call("send", draft)
            if reply is None:
                self.unanswered += 1
            elif reply["ok"]:
                self.acknowledged[client_id] = reply["message"]["id"]
                return reply["message"]["id"]
            elif not reply.get("retry"):
                raise AssertionError(f"send refused: {reply}")
            time.sleep(pause)
            pause = min(pause * 2, 4)
        raise AssertionError(f"send not acknowledged in {deadline}s")


def wait_until_exact(readers, stored: set[int], timeout: float = 45) -> None:
    """Every reader ends holding exactly the stored messages (its heartbeats catch up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(reader.held == stored for reader in readers):
            return
        time.sleep(0.5)
    report = [
        (n, len(stored - r.held), len(r.held - stored))
        for n, r in enumerate(readers)
        if r.held != stored
    ]
    raise AssertionError(f"readers not exact after {timeout}s (reader, missing, extra): {report}")
