"""`flask dashboard backfill` and `flask dashboard refresh`: the figures' housekeeping."""

import time

import click


@click.group()
def dashboard():
    """The coupling dashboard's figures."""


@dashboard.command("backfill")
def backfill_command():
    """Work out the interactions that happened before recording began (safe to run again)."""
    from .backfill import backfill

    click.echo(f"Interactions added: {backfill()}.")


@dashboard.command("refresh")
@click.option("--zone", "zones", multiple=True, default=["UTC"], show_default=True,
              help="Time zone of the calendar (repeat for several).")  # fmt: skip
def refresh_command(zones):
    """Work out the current periods' figures for every place, so no reader waits for them
    (run it from cron every few minutes; periods that are over are kept once worked out)."""
    from .refresh import refresh

    began = time.monotonic()
    count = refresh(list(zones))
    click.echo(f"Periods worked out: {count}, in {time.monotonic() - began:.1f} s.")
