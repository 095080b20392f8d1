"""`flask worker`: run the queued jobs, for a systemd unit (deploy/systemd)."""

import click
from flask import current_app


@click.command("worker")
@click.option("--threads", type=int, default=None, help="Jobs run at once (JOBS_WORKER_THREADS).")
def worker(threads):
    """Run queued jobs until stopped (SIGTERM lets the running ones finish)."""
    from .queue import broker_for, work

    app = current_app._get_current_object()
    if broker_for(app) is None:
        raise click.ClickException(
            "MEETINGPOINT_REDIS_URL is not set: without Redis, jobs run in the app's process."
        )
    threads = threads or app.config["JOBS_WORKER_THREADS"]
    click.echo(f"Worker: {threads} threads on {app.config['JOBS_NAMESPACE']}.")
    work(app, threads)
