"""One counter that every committed change to what visitors can see moves on."""

import re

from sqlalchemy import Delete, Insert, TextClause, Update, event, text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db
from .models import ContentGeneration

TABLE = ContentGeneration.__tablename__
# Rows no page kept for visitors ever shows: private, per-reader or bookkeeping. A change to
# any other table moves the counter on, so a table added later is safe by default.
UNSEEN_BY_VISITORS = frozenset(
    {
        TABLE,
        "alembic_version",
        "account_tokens",
        "topic_visits",
        "topic_watches",
        "room_watches",
        "post_reports",
        "drafts",
        "conversations",
        "conversation_members",
        "chat_messages",
        "chat_connections",
        "notifications",
        "notification_preferences",
        "digest_subscriptions",
        "digest_deliveries",
        "translations",
        "academy_survey_responses",
        "academy_survey_answers",
        "academy_survey_completions",
        "academy_module_visits",
        "academy_readings",
        "interactions",
        "visit_salts",
        "page_view_counts",
        "daily_visitors",
        "dashboard_period_figures",
    }
)
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE
)
_BUMPED = "content_generation_bumped"


def current() -> int | None:
    """The counter as committed, or None where the table is missing (then nothing is kept)."""
    try:
        return db.session.execute(text(f"SELECT value FROM {TABLE} WHERE id = 1")).scalar()
    except SQLAlchemyError:
        db.session.rollback()
        return None


def watch_changes() -> None:
    """Move the counter on inside the transaction that makes a visible change, so the two
    commit (or roll back) together: no page can be kept under a number that outlived it."""
    if event.contains(db.session, "after_flush", _after_flush):
        return
    event.listen(db.session, "after_flush", _after_flush)
    event.listen(db.session, "do_orm_execute", _before_statement)
    for name in ("after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(db.session, name, _forget_bump)


def _after_flush(session, _flush_context) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(_visible(obj.__table__.name) for obj in changed if hasattr(obj, "__table__")):
        _bump(session)


def _before_statement(state) -> None:
    """Writes that skip the unit of work: `session.execute(update(...))`, `text("DELETE...")`."""
    table = _written_table(state.statement)
    if table is not None and _visible(table):
        _bump(state.session)


def _written_table(statement) -> str | None:
    if isinstance(statement, Insert | Update | Delete):
        return statement.table.name
    if isinstance(statement, TextClause):
        match = _WRITE.match(statement.text)
        return match.group(1) if match else None
    return None


def _visible(table: str) -> bool:
    return table not in UNSEEN_BY_VISITORS


def _bump(session) -> None:
    if session.info.get(_BUMPED):
        return
    session.info[_BUMPED] = True
    session.connection().execute(text(f"UPDATE {TABLE} SET value = value + 1 WHERE id = 1"))


def _forget_bump(session, *_args) -> None:
    session.info.pop(_BUMPED, None)
