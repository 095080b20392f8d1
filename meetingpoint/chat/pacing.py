"""Each live connection's pace: a token bucket per connection, in the process that holds it."""

import threading
import time
from dataclasses import dataclass

from flask import current_app

ALLOW, REFUSE, DROP = "allow", "refuse", "drop"
# A connection refused this many times its burst within DROP_WINDOW seconds is not waiting
# for its answers (a page would): it is dropped.
DROP_AFTER_BURSTS = 3
DROP_WINDOW = 10.0


@dataclass
class _Bucket:
    tokens: float
    checked: float
    refused: float = 0.0  # recent refusals, leaking away over DROP_WINDOW


class EventBudget:
    """Token buckets by connection id: `burst` events at once, then `rate` a second.

    Kept in memory, not in the database or Redis: a connection lives in one process, and
    its events are counted where they arrive, at no cost to anything shared."""

    def __init__(self, clock=time.monotonic):
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def take(self, sid: str, burst: int, rate: float) -> str:
        """ALLOW (and spend a token), REFUSE, or DROP for a connection far over its budget."""
        now = self._clock()
        limit = DROP_AFTER_BURSTS * burst
        with self._lock:
            bucket = self._buckets.get(sid)
            if bucket is None:
                bucket = self._buckets[sid] = _Bucket(tokens=burst, checked=now)
            elapsed, bucket.checked = now - bucket.checked, now
            bucket.tokens = min(burst, bucket.tokens + elapsed * rate)
            bucket.refused = max(0.0, bucket.refused - elapsed * limit / DROP_WINDOW)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return ALLOW
            bucket.refused += 1
            return DROP if bucket.refused >= limit else REFUSE

    def forget(self, sid: str) -> None:
        with self._lock:
            self._buckets.pop(sid, None)

    def __len__(self) -> int:
        return len(self._buckets)


budget = EventBudget()


def pace(sid: str) -> str:
    """This event's verdict under the CHAT_EVENT_BURST and CHAT_EVENTS_PER_SECOND settings."""
    config = current_app.config
    return budget.take(
        sid, int(config["CHAT_EVENT_BURST"]), float(config["CHAT_EVENTS_PER_SECOND"])
    )


def forget(sid: str) -> None:
    """The connection is gone: its bucket with it."""
    budget.forget(sid)
