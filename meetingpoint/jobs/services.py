"""The dead jobs an admin sees, and sending one again."""

import json

from sqlalchemy import select
from werkzeug.exceptions import NotFound

from ..commits import after_commit
from ..extensions import db
from .dispatch import dispatch
from .models import DeadJob
from .registry import known, named
from .running import release

SHOWN = 200


def dead_jobs() -> list[DeadJob]:
    """The most recent dead jobs, newest first."""
    return list(db.session.scalars(select(DeadJob).order_by(DeadJob.id.desc()).limit(SHOWN)))


def retry(dead_id: int) -> None:
    """Queue the dead job again (once this change commits) and take it off the list. An
    interrupted run's claim is released, so its work is done again."""
    dead = _access(dead_id)
    job, args = named(dead.name), json.loads(dead.arguments)
    if job.key is not None:
        release(job.key(*args))
    db.session.delete(dead)
    after_commit(db.session, dispatch, job, *args, base_url=dead.base_url)
    db.session.commit()


def discard(dead_id: int) -> None:
    """Take the dead job off the list without running it (its work was done by hand)."""
    db.session.delete(_access(dead_id))
    db.session.commit()


def _access(dead_id: int) -> DeadJob:
    dead = db.session.get(DeadJob, dead_id)
    if dead is None or not known(dead.name):
        raise NotFound
    return dead
