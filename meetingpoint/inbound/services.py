"""What admins read of the mail received: newest first, with what became of each."""

from sqlalchemy import select

from ..extensions import db
from ..inputs import LARGEST_PAGE
from .models import InboundMail

PER_PAGE = 50


def received(page: int):
    """A page of the mail received, newest first (its text is not kept, only its fate)."""
    query = select(InboundMail).order_by(InboundMail.id.desc())
    return db.paginate(query, page=min(max(page, 1), LARGEST_PAGE), per_page=PER_PAGE,
                       error_out=False)  # fmt: skip


def outcome_link(outcome: str) -> tuple[str, int] | None:
    """("post", 12) for "post:12": what a posted mail became, for a link to it."""
    kind, _colon, number = outcome.partition(":")
    if kind in ("post", "topic", "message") and number.isdigit():
        return kind, int(number)
    return None
