"""The queue when Redis is set: Dramatiq's Redis broker, one actor that runs any job by
name, retries with exponential back-off, and workers (`flask worker`)."""

import signal
import threading

from dramatiq import Actor, Worker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import CurrentMessage, Retries, default_middleware
from flask import Flask

from .running import perform

QUEUE, ACTOR = "jobs", "run"


def broker_for(app: Flask) -> RedisBroker | None:
    """The app's broker, or None without Redis (jobs then run in the app's process)."""
    url = app.config.get("JOBS_REDIS_URL")
    if not url:
        return None
    # Made on first use: tests point an app at a Redis and a namespace of their own.
    brokers = app.extensions.setdefault("meetingpoint.jobs", {})
    key = (url, app.config["JOBS_NAMESPACE"])
    if key not in brokers:
        brokers[key] = _broker(app, url)
    return brokers[key]


def _broker(app: Flask, url: str) -> RedisBroker:
    config = app.config
    retries = Retries(
        max_retries=config["JOBS_MAX_RETRIES"],
        min_backoff=int(config["JOBS_MIN_BACKOFF_SECONDS"] * 1000),
        max_backoff=int(config["JOBS_MAX_BACKOFF_SECONDS"] * 1000),
    )
    middleware = [m() for m in default_middleware if m is not Retries] + [retries]
    broker = RedisBroker(
        url=url,
        namespace=config["JOBS_NAMESPACE"],
        middleware=[*middleware, CurrentMessage()],
        # A worker silent this long is taken for dead, and the jobs it had taken go back to
        # the queue; the check runs on this share (per million) of the broker's commands.
        heartbeat_timeout=int(config["JOBS_HEARTBEAT_SECONDS"] * 1000),
        maintenance_chance=config["JOBS_MAINTENANCE_PER_MILLION"],
        socket_timeout=10,
        socket_connect_timeout=5,
    )
    max_retries = config["JOBS_MAX_RETRIES"]

    def run(name: str, args: list, base_url: str) -> None:
        message = CurrentMessage.get_current_message()
        tries = message.options.get("retries", 0) if message else 0
        perform(app, name, args, base_url, attempt=tries + 1, last_attempt=tries >= max_retries)

    run.__module__ = __name__
    Actor(run, broker=broker, actor_name=ACTOR, queue_name=QUEUE, priority=0, options={})
    return broker


def send(broker: RedisBroker, name: str, args: list, base_url: str) -> None:
    broker.get_actor(ACTOR).send(name, args, base_url)


def work(app: Flask, threads: int) -> None:
    """Run jobs until SIGTERM or SIGINT; then finish the running ones (a job taken but not
    started goes back to the queue)."""
    broker = broker_for(app)
    assert broker is not None, "no Redis: see jobs/cli.py"
    stop = threading.Event()
    for each in (signal.SIGTERM, signal.SIGINT):
        signal.signal(each, lambda *_: stop.set())
    worker = Worker(broker, worker_threads=threads, queues={QUEUE})
    worker.start()
    try:
        stop.wait()
    finally:
        worker.stop(timeout=int(app.config["JOBS_STOP_SECONDS"] * 1000))
        broker.close()


def through_queue() -> bool:
    """Whether jobs handed over now go to the Redis queue (else they run in this process)."""
    from flask import current_app

    return broker_for(current_app._get_current_object()) is not None
