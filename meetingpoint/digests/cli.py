"""`flask digest send --period daily|weekly`, for a scheduler (cron, a systemd timer)."""

import click

from ..notifications.models import DAILY, WEEKLY


@click.group()
def digest():
    """Email digests."""


@digest.command("send")
@click.option("--period", type=click.Choice([DAILY, WEEKLY]), required=True)
def send_command(period):
    """Send this period's digests (through the queue when there is one); running it again
    in the same period sends nothing twice."""
    from .sending import send_digests

    count, queued = send_digests(period)
    click.echo(f"Digests queued: {count}." if queued else f"Digests sent: {count}.")
