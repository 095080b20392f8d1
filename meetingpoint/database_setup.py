"""Binding the database: SQLite in WAL mode with foreign keys on, or PostgreSQL."""

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db, migrate

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def configure_database(app: Flask) -> None:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri in ("sqlite://", "sqlite:///:memory:"):
        # One connection shared by everything (SQLAlchemy's StaticPool): no pool to size.
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        for sizing in ("pool_size", "max_overflow", "pool_timeout"):
            options.pop(sizing, None)
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    elif uri.startswith("sqlite:///"):
        Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    elif uri.startswith("postgresql://"):
        # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
        app.config["SQLALCHEMY_DATABASE_URI"] = uri.replace(
            "postgresql://", "postgresql+psycopg://", 1
        )
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    # WAL lets readers and one writer work at once; SQLite ignores foreign keys unless asked.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
