"""Single-use, expiring secrets for the links we mail: issue one, then consume it once."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update

from ..accounts.models import AccountToken, User
from ..database import utcnow
from ..extensions import db


class TokenInvalid(Exception):
    """The link is unknown, expired or already used."""


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(user: User, purpose: str, hours: int) -> str:
    """Create a token (the caller commits) and return its raw value for the link."""
    raw = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.add(
        AccountToken(
            user=user,
            purpose=purpose,
            token_hash=_digest(raw),
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return raw


def peek_token(raw: str, purpose: str) -> AccountToken:
    """The live token for `raw`, without using it up (to show the reset form)."""
    token = db.session.scalar(
        select(AccountToken).where(
            AccountToken.token_hash == _digest(raw or ""), AccountToken.purpose == purpose
        )
    )
    if token is None or token.used_at is not None or token.expires_at <= utcnow():
        raise TokenInvalid
    return token


def consume_token(raw: str, purpose: str) -> User:
    """Mark the token used (the caller commits) and return its user.

    The UPDATE only matches an unused row, so two simultaneous clicks cannot both win.
    """
    token = peek_token(raw, purpose)
    result = db.session.execute(
        update(AccountToken)
        .where(AccountToken.id == token.id, AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
    )
    if result.rowcount != 1:
        raise TokenInvalid
    return token.user


def revoke_tokens(user: User, purpose: str) -> None:
    """Retire a user's unused tokens of one kind, e.g. older reset links after a reset."""
    db.session.execute(
        update(AccountToken)
        .where(
            AccountToken.user_id == user.id,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
        )
        .values(used_at=utcnow())
    )
