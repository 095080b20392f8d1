"""`flask dashboard backfill`: the interactions from before they were recorded."""

import click


@click.group()
def dashboard():
    """The coupling dashboard's figures."""


@dashboard.command("backfill")
def backfill_command():
    """Work out the interactions that happened before recording began (safe to run again)."""
    from .backfill import backfill

    click.echo(f"Interactions added: {backfill()}.")
