"""`flask storage migrate --to s3`: move the local files into the object store."""

import click
from flask import current_app


@click.group()
def storage():
    """Where uploaded files are kept (docs/storage.md)."""


@storage.command("migrate")
@click.option(
    "--to",
    "to",
    type=click.Choice(["s3"]),
    required=True,
    help="The storage to copy into, as the STORAGE_S3_* settings describe it.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="Copy at most this many files in this run; run again for the rest.",
)
@click.option("--delete-local", is_flag=True,
              help="Remove each local file once its copy is read back whole.")  # fmt: skip
def migrate_command(to, limit, delete_local):
    """Copy every local file (the Library's, attachments) into the object store, read each
    back and compare SHA-256. Safe to interrupt and run again: what is there is skipped."""
    from . import local_storage, make_storage
    from .migrate import COPIED, DAMAGED, FAILED, PRESENT, migrate

    if not current_app.config.get("STORAGE_S3_BUCKET"):
        raise click.ClickException("Set MEETINGPOINT_STORAGE_S3_BUCKET (see docs/storage.md).")

    def report(key: str, outcome: str) -> None:
        click.echo(f"{outcome:8} {key}")

    tally = migrate(
        local_storage(current_app),
        make_storage(current_app, "s3"),  # type: ignore[arg-type]
        limit=limit,
        delete_local=delete_local,
        report=report,
    )
    counts = tally.counts
    click.echo(
        f"Copied {counts[COPIED]}, already there {counts[PRESENT]}, "
        f"damaged locally {counts[DAMAGED]}, failed {counts[FAILED]}, "
        f"left for the next run {tally.left}, deleted locally {tally.deleted}."
    )
    if not tally.ok:
        raise click.ClickException("Some files were not copied: see the lines above.")
