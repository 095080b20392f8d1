"""Running one job: in a fresh app and request context, once per key, and buried (kept
for an admin) when it fails for the last time or was interrupted."""

import json
import logging
import traceback

from flask import Flask
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from .models import DeadJob, JobClaim
from .registry import Job, named

log = logging.getLogger(__name__)
# Set in the environ of the request context a job runs in (see dispatch._can_wait).
IN_A_JOB = "meetingpoint.in_a_job"


class Interrupted(Exception):
    """An earlier run of this key started and never finished: it may or may not have done
    its work (a mail handed to the server just before the worker was killed), so it is not
    done again by itself."""

    def __init__(self, key: str):
        super().__init__(
            f"An earlier run of {key!r} was interrupted before it finished; it may or may "
            "not have done its work. Retry it only if it did not."
        )


def perform(app: Flask, name: str, args: list, base_url: str, attempt: int, last_attempt: bool):
    """Run the job `name`; its result, or None when its key was done already. An error
    propagates (for the queue to retry), unless this was the last attempt: then it is
    logged and the job is buried."""
    with (
        app.app_context(),
        app.test_request_context("/", base_url=base_url, environ_overrides={IN_A_JOB: True}),
    ):
        try:
            return run_once(named(name), args)
        except Interrupted as error:
            log.warning("Job %s%r: %s", name, tuple(args), error)
            bury(name, args, base_url, str(error), attempts=1)
        except Exception:
            if not last_attempt:
                raise
            log.exception("Job %s%r failed", name, tuple(args))
            bury(name, args, base_url, traceback.format_exc(limit=20), attempts=attempt)
    return None


def run_once(job: Job, args: list):
    """`job(*args)` between its claim and the claim's end. The claim is committed first:
    a run that dies half-way leaves it unfinished, and the next run of the key stops there
    rather than mail twice (at most once, and the admin told: see docs/jobs.md)."""
    if job.key is None:
        return job(*args)
    key = job.key(*args)
    if not _claim(key):
        claim = db.session.get(JobClaim, key)
        if claim is not None and claim.finished_at is None:
            raise Interrupted(key)
        return None  # done already
    try:
        result = job(*args)
    except BaseException:
        db.session.rollback()
        release(key)  # nothing was done: the next attempt may do it
        db.session.commit()
        raise
    db.session.execute(update(JobClaim).where(JobClaim.key == key).values(finished_at=utcnow()))
    db.session.commit()
    return result


def _claim(key: str) -> bool:
    db.session.add(JobClaim(key=key, started_at=utcnow()))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def release(key: str) -> None:
    """Forget an unfinished claim, so the key can run again (the caller commits)."""
    db.session.execute(delete(JobClaim).where(JobClaim.key == key, JobClaim.finished_at.is_(None)))


def bury(name: str, args: list, base_url: str, error: str, attempts: int) -> None:
    db.session.rollback()
    db.session.add(
        DeadJob(
            name=name,
            arguments=json.dumps(args),
            base_url=base_url,
            error=error[-20_000:],
            attempts=attempts,
            failed_at=utcnow(),
        )
    )
    db.session.commit()
