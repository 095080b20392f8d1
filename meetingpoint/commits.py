"""Work that must wait for the commit that made it: queued on the session, dropped on rollback."""

import logging
from collections.abc import Callable
from functools import partial

from sqlalchemy import event
from sqlalchemy.orm import Session

_PENDING, _READY = "after_commit_pending", "after_commit_ready"
log = logging.getLogger(__name__)

Action = Callable[[], object]


def on_commit(session: Session, prepare: Callable[[], Action | None]) -> None:
    """Run `prepare` just before `session` commits, then what it returns just after.

    `prepare` runs with the session flushed (new rows have their ids) and still able to
    query, so it can turn objects into the ids and payloads the action needs; the action
    runs once the commit has succeeded, when the session may no longer query. A rollback
    forgets both. Actions run in the order they were queued."""
    session.info.setdefault(_PENDING, []).append(prepare)


def after_commit(session: Session, fn: Callable, *args, **kwargs) -> None:
    """`fn(*args, **kwargs)` once `session` has committed; nothing if it rolls back."""
    action = partial(fn, *args, **kwargs)
    on_commit(session, lambda: action)


@event.listens_for(Session, "before_commit")
def _prepare(session: Session) -> None:
    # A preparation may queue more (a notification that mails): taken until none is left.
    while pending := session.info.pop(_PENDING, None):
        session.flush()
        ready = session.info.setdefault(_READY, [])
        ready.extend(action for action in (prepare() for prepare in pending) if action)


@event.listens_for(Session, "after_commit")
def _run(session: Session) -> None:
    for action in session.info.pop(_READY, ()):
        try:
            action()
        except Exception:  # the change is committed: one failed follow-up must not undo the rest
            log.exception("After-commit action %r failed", action)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_READY, None)
