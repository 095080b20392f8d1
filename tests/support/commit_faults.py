"""Commits that fail as they would with the database gone at that moment, for a while."""

from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session


def _refuse(session) -> None:
    raise OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))


@contextmanager
def commits_fail():
    """Every commit in the block fails before reaching the database; the change is lost
    and the caller rolls back, as after a connection cut during COMMIT."""
    event.listen(Session, "before_commit", _refuse)
    try:
        yield
    finally:
        event.remove(Session, "before_commit", _refuse)
