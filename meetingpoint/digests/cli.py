"""`flask digest send --period daily|weekly`, for a scheduler (cron, a systemd timer)."""

import click
from flask import current_app

from ..notifications.models import DAILY, WEEKLY


@click.group()
def digest():
    """Email digests."""


@digest.command("send")
@click.option("--period", type=click.Choice([DAILY, WEEKLY]), required=True)
def send_command(period):
    """Send this period's digests; running it again in the same period sends nothing twice."""
    from .sending import send_digests

    # Links in the mail need the site's public address: there is no request to take it from.
    with current_app.test_request_context("/", base_url=current_app.config["PUBLIC_URL"]):
        sent = send_digests(period)
    click.echo(f"Digests sent: {sent}.")
