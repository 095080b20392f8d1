"""How many socket events of one process use the database at once; the others wait here."""

import threading

from flask import current_app


class EventGate:
    """A bounded number of places (a cooperative semaphore under gevent, whose threading
    module is patched). An event waits for a place before it touches the database, so a
    burst of sends into one busy conversation queues in memory instead of each holding a
    pooled connection while it waits for the conversation's lock: with every connection
    held, pages and the other conversations' events would fail for want of one."""

    def __init__(self, places: int, wait_seconds: float):
        self._places = threading.BoundedSemaphore(places)
        self._wait_seconds = wait_seconds

    def enter(self) -> bool:
        """A place, waiting up to the configured time; False when none came free."""
        return self._places.acquire(timeout=self._wait_seconds)

    def leave(self) -> None:
        self._places.release()


def event_gate() -> EventGate:
    """The running application's gate, made on first use from its settings."""
    gate = current_app.extensions.get("chat_event_gate")
    if gate is None:
        gate = EventGate(
            int(current_app.config["CHAT_EVENTS_AT_ONCE"]),
            float(current_app.config["CHAT_EVENT_WAIT_SECONDS"]),
        )
        current_app.extensions["chat_event_gate"] = gate
    return gate
