"""Command-line tasks: seed rooms and the demo community, create admins, set roles."""

import click
from flask import Flask

from .accounts.models import ROLE_ADMIN, ROLES


def register_commands(app: Flask) -> None:
    from .dashboard.cli import dashboard
    from .digests.cli import digest
    from .inbound.cli import mail
    from .jobs.cli import worker
    from .storage.cli import storage

    app.cli.add_command(seed)
    app.cli.add_command(users)
    app.cli.add_command(digest)
    app.cli.add_command(dashboard)
    app.cli.add_command(worker)
    app.cli.add_command(storage)
    app.cli.add_command(mail)


@click.group()
def seed():
    """Load standard or demo content (safe to run again)."""


@seed.command("rooms")
def seed_rooms_command():
    """Create the standard thematic rooms that are missing."""
    from .rooms.services import seed_rooms

    created = seed_rooms()
    click.echo(f"Rooms: {created} created.")


@seed.command("academy")
def seed_academy_command():
    """Create the example Academy (Turin, 2016) and its ten modules if missing."""
    from .academy.services import seed_academy
    from .rooms.services import seed_rooms

    seed_rooms()
    click.echo(f"Academies: {seed_academy()} created.")


@seed.command("demo")
def seed_demo_command():
    """Load a demo community: participants from many countries, writing in four languages."""
    from .rooms.services import seed_rooms
    from .seed.demo import DEMO_PASSWORD, load_demo
    from .seed.demo_forum import load_demo_forum
    from .seed.demo_library import load_demo_library

    seed_rooms()
    created = load_demo()
    click.echo(
        f"Demo: {created} participants created. Each signs in with password {DEMO_PASSWORD!r}."
    )
    click.echo(f"Demo: {load_demo_forum()} discussions opened.")
    click.echo(f"Demo: {load_demo_library()} library links shared.")


@click.group()
def users():
    """Manage accounts."""


@users.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--name", "display_name", prompt="Display name")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def create_admin(email, display_name, password):
    """Create a confirmed admin account, or make an existing account an admin."""
    from .accounts.admin import create_or_promote_admin

    try:
        user, created = create_or_promote_admin(email, display_name, password)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    verb = "Created" if created else "Promoted"
    click.echo(f"{verb} admin {user.email} (id {user.id}).")


@users.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def set_role(email, role):
    """Give an account the role member, moderator or admin."""
    from .accounts.admin import change_role

    try:
        user = change_role(email, role)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{user.email} is now {role}{' (full access)' if role == ROLE_ADMIN else ''}.")
