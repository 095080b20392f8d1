"""Handing a job over: after the commit that made it, to the Redis queue when there is
one, else to this process once the response has gone (or at once outside a request)."""

import logging
from functools import partial

from flask import after_this_request, current_app, has_request_context, request
from redis.exceptions import RedisError

from ..commits import after_commit
from ..extensions import db
from . import queue
from .registry import Job
from .running import IN_A_JOB, perform

log = logging.getLogger(__name__)
_PENDING = "meetingpoint.jobs_after_response"


def later(job: Job, *args) -> None:
    """Hand `job(*args)` over once the current transaction commits; a rollback drops it.
    Arguments must be JSON: ids and plain values, read again by the job."""
    after_commit(db.session, dispatch, job, *args)


def dispatch(job: Job, *args, base_url: str | None = None) -> None:
    """Hand `job(*args)` over now (no transaction to wait for). Links in its mail are made
    on `base_url`: the address this request came to, else PUBLIC_URL."""
    app = current_app._get_current_object()
    if base_url is None:
        base_url = request.host_url if has_request_context() else app.config["PUBLIC_URL"]
    payload = (job.name, list(args), base_url)
    broker = queue.broker_for(app)
    if broker is not None:
        try:
            queue.send(broker, *payload)
            return
        except RedisError:  # the work is not lost: this process does it instead
            log.exception("Could not queue job %s; running it in this process", job.name)
    _in_this_process(app, payload)


def run_now(job: Job, *args):
    """Run `job(*args)` here and now (once per key, buried on failure); its result."""
    app = current_app._get_current_object()
    return perform(app, job.name, list(args), app.config["PUBLIC_URL"], 1, last_attempt=True)


def _in_this_process(app, payload: tuple) -> None:
    run = partial(perform, app, *payload, 1, last_attempt=True)
    if not (app.config["JOBS_AFTER_RESPONSE"] and _can_wait()):
        run()
        return
    pending = request.environ.get(_PENDING)
    if pending is None:
        # Kept with the request itself (an app context, and its g, may outlive a request).
        pending = request.environ[_PENDING] = []

        @after_this_request
        def when_sent(response):
            response.call_on_close(partial(_run_all, pending))
            return response

    pending.append(run)


def _can_wait() -> bool:
    """Whether this is a page request, whose response will be closed: not a socket event
    (Flask-SocketIO sets `sid`), nor a job's own context."""
    return (
        has_request_context()
        and getattr(request, "sid", None) is None
        and not request.environ.get(IN_A_JOB)
    )


def _run_all(pending: list) -> None:
    for run in pending:
        try:
            run()
        except Exception:  # perform buries what fails; this is a failure to bury
            log.exception("A job run after the response failed")
