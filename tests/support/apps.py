"""The apps built once per test database, made new for each test; a PostgreSQL database per run."""

import contextlib
import os
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from meetingpoint.extensions import db, limiter, socketio
from meetingpoint.pagecache.pages import PageStore

# Made on first use within a process, so a test that reads them finds them missing.
_LAZY_EXTENSIONS = ("translation_provider", "chat_event_gate", "health_redis")
# The counter kept pages are checked against has one row, made by its migration.
_KEPT_TABLES = {"content_generation"}


class SessionApps:
    """The served app and its twin, and what each test must find as if they were new: the
    settings, the page store, the extensions' lazily made parts, and empty tables."""

    def __init__(self, served, twin):
        self.served, self.twin = served, twin
        self._settings = {app: dict(app.config) for app in (served, twin)}
        self._extensions = {app: set(app.extensions) for app in (served, twin)}
        # create_app binds these module-level objects to the app it builds last; a test
        # that builds an app of its own (production settings, say) must not leave its own.
        self._bound = {ext: dict(vars(ext)) for ext in (socketio, limiter)}
        self._tables: list[str] | None = None
        self._sequences: dict[str, str] = {}

    def begin_test(self, tmp_path: Path):
        outbox = tmp_path / "outbox"
        for app in (self.served, self.twin):
            app.config.update(
                MAIL_OUTBOX=outbox,
                LIBRARY_PATH=tmp_path / "library",
                STORAGE_PATH=tmp_path / "files",
            )
        for ext, state in self._bound.items():
            vars(ext).clear()
            vars(ext).update(state)
        return self.served, self.twin

    def end_test(self) -> None:
        for app in (self.served, self.twin):
            app.config.clear()
            app.config.update(self._settings[app])
            for name in set(app.extensions) - self._extensions[app]:
                del app.extensions[name]
            for name in _LAZY_EXTENSIONS:
                app.extensions.pop(name, None)
            app.extensions["page_store"] = PageStore(app.config["PAGE_CACHE_BYTES"])

    def empty_tables(self) -> None:
        """DELETE from the tables the last test wrote to, children first, and start their
        ids at 1 again; one query finds them (TRUNCATE of every table cost 150-900 ms)."""
        if self._tables is None:
            self._find_tables()
        found = " UNION ALL ".join(
            f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM {name})" for name in self._tables
        )
        written = {row[0] for row in db.session.execute(text(found))}
        for name in self._tables:
            if name in written:
                db.session.execute(text(f"DELETE FROM {name}"))
                if name in self._sequences:
                    db.session.execute(text(f"ALTER SEQUENCE {self._sequences[name]} RESTART"))
        db.session.commit()

    def _find_tables(self) -> None:
        ordered = [t.name for t in reversed(db.metadata.sorted_tables)]
        self._tables = [name for name in ordered if name not in _KEPT_TABLES]
        if db.engine.dialect.name == "postgresql":
            owned = db.session.execute(
                text(
                    "SELECT table_name, pg_get_serial_sequence(table_name, column_name)"
                    " FROM information_schema.columns WHERE table_schema = current_schema()"
                    " AND (column_default LIKE 'nextval%' OR is_identity = 'YES')"
                )
            )
            self._sequences = {table: sequence for table, sequence in owned if sequence}
        else:
            # The search index is not a model (nor a foreign key's child, as on PostgreSQL):
            # left, a test's posts would turn up in the next test's searches.
            self._tables.append("search_posts")
        db.session.rollback()

    def dispose(self) -> None:
        for app in (self.served, self.twin):
            with app.app_context():
                db.engine.dispose()


@contextlib.contextmanager
def own_postgres_database(server_url: str, worker: str | None = None):
    """A new database on the server of `server_url`, named for this run and worker, dropped
    afterwards; yields its URL."""
    worker = worker or os.environ.get("PYTEST_XDIST_WORKER", "main")
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
    base = make_url(server_url)
    name = f"{base.database or 'test'}_{run[:8]}_{worker}".lower()
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
