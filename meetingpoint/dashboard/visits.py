"""Counting visits ourselves, with no third party and no addresses kept: each page seen adds
one view, and each visitor is a salted hash whose salt changes every day (UTC) and is then
thrown away. Counting never holds up or breaks the page."""

import hashlib
import logging
import re
import secrets
import threading
import time
from collections import Counter
from datetime import UTC, date, datetime

from flask import current_app, g, request
from flask_login import current_user
from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..extensions import db
from ..i18n import current_language
from .models import DailyVisitor, PageViewCount, VisitSalt

log = logging.getLogger(__name__)
ROBOTS = re.compile(r"bot|crawl|spider|slurp|preview|monitor|curl|wget", re.IGNORECASE)
# Pages within a room or an Academy count there too: the first part of their path names it.
PLACES = re.compile(r"^/[a-z]{2}/(?:(rooms)/([\w-]+)/|(academy)/([\w-]+)/)")
_salts: dict[date, str] = {}


def init_app(app) -> None:
    @app.after_request
    def count_visit(response):
        if _counts(response):
            try:
                record(datetime.now(UTC).date(), _scopes(request.path))
            except SQLAlchemyError:  # the page is served all the same
                db.session.rollback()
                log.exception("a visit could not be counted")
        return response


class _Pending:
    """Counts kept in the process and written together every VISITS_FLUSH_SECONDS: a write
    and a commit per page view cost more than the page (a process that dies loses at most
    that many seconds of counts)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.views: Counter = Counter()
        self.visitors: dict[tuple, tuple] = {}
        self.since = time.monotonic()

    def take(self) -> tuple[Counter, dict]:
        with self.lock:
            taken = self.views, self.visitors
            self.views, self.visitors, self.since = Counter(), {}, time.monotonic()
            return taken


_pending = _Pending()


def record(day: date, scopes: list[str]) -> None:
    member = current_user.is_authenticated
    language = current_language()
    country = (current_user.country or "") if member else ""
    who = f"member:{current_user.id}" if member else f"{request.remote_addr}|{_agent()}"
    visitor = hashlib.sha256(f"{salt_of(day)}|{who}".encode()).hexdigest()[:32]
    with _pending.lock:
        for scope in scopes:
            _pending.views[(day, scope, language, country)] += 1
            _pending.visitors.setdefault((day, scope, visitor), (language, country))
        every = current_app.config["VISITS_FLUSH_SECONDS"]
        # 0 means at once, whatever the clock did (a test may have moved it and back).
        due = every <= 0 or time.monotonic() - _pending.since >= every
    if due:
        flush()


def flush() -> None:
    """Write the counts kept so far, in one transaction."""
    views, visitors = _pending.take()
    if not views:
        return
    insert = postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
    table = PageViewCount.__table__
    for (day, scope, language, country), count in views.items():
        key = {"day": day, "scope": scope, "language": language, "country": country}
        db.session.execute(
            insert(table)
            .values(**key, views=count)
            .on_conflict_do_update(index_elements=list(key), set_={"views": table.c.views + count})
        )
    rows = [
        {"day": day, "scope": scope, "visitor": visitor, "language": language, "country": country}
        for (day, scope, visitor), (language, country) in visitors.items()
    ]
    db.session.execute(insert(DailyVisitor.__table__).values(rows).on_conflict_do_nothing())
    db.session.commit()


def salt_of(day: date) -> str:
    """Today's salt, made on the first visit of the day; earlier days' are deleted."""
    if day in _salts:
        return _salts[day]
    salt = db.session.scalar(select(VisitSalt.salt).where(VisitSalt.day == day))
    if salt is None:
        db.session.execute(delete(VisitSalt).where(VisitSalt.day < day))
        db.session.add(VisitSalt(day=day, salt=secrets.token_hex(32)))
        try:
            db.session.commit()
        except IntegrityError:  # another process made it first
            db.session.rollback()
        salt = db.session.scalar(select(VisitSalt.salt).where(VisitSalt.day == day))
    _salts.clear()
    _salts[day] = salt
    return salt


def _counts(response) -> bool:
    """A page a person asked for and got: not an asset, a feed, a check or a robot."""
    return (
        request.method == "GET"
        and _a_page(response)
        and request.endpoint not in (None, "static")
        and not ROBOTS.search(_agent())
        and request.headers.get("Purpose") != "prefetch"
    )


def _a_page(response) -> bool:
    if response.status_code == 304:  # the browser's copy, confirmed (pagecache/revalidation.py)
        return g.get("page_unchanged", False)
    return response.status_code == 200 and response.mimetype == "text/html"


def _scopes(path: str) -> list[str]:
    place = PLACES.match(path)
    if place is None:
        return [""]
    kind, slug = (place.group(1), place.group(2)) if place.group(1) else place.group(3, 4)
    return ["", f"{'room' if kind == 'rooms' else 'academy'}:{slug}"]


def _agent() -> str:
    return request.headers.get("User-Agent", "")[:300]
