"""@mentions: `@**Display Name**` in a post or a message links to that person and tells them."""

import re
from collections.abc import Mapping
from html import unescape
from typing import Protocol

from markupsafe import escape
from sqlalchemy import func, select

from ..accounts.models import User
from ..extensions import db

MENTION = re.compile(r"@\*\*([^*\n]{1,80})\*\*")
MAX_MENTIONS = 20  # more is a broadcast, not a mention


class Named(Protocol):
    """Who a mention links to: a User, or anything with its id and name."""

    @property
    def id(self) -> int: ...

    @property
    def display_name(self) -> str: ...


def mentioned_names(source: str | None) -> set[str]:
    """The names `source` mentions, in lower case: at most MAX_MENTIONS, the first in
    alphabetical order."""
    names = {m.strip().lower() for m in MENTION.findall(source or "")}
    return set(sorted(names)[:MAX_MENTIONS])


def mentioned_users(source: str | None) -> dict[str, User]:
    """Active participants named in `source`, keyed by their name in lower case.

    When two participants share a name, the first to join is meant.
    """
    names = mentioned_names(source)
    if not names:
        return {}
    query = (
        select(User)
        .where(
            func.lower(User.display_name).in_(names),
            User.deleted_at.is_(None),
            User.email_verified_at.is_not(None),
        )
        .order_by(User.id.desc())
    )
    return {user.display_name.lower(): user for user in db.session.scalars(query)}


def link_mentions(html: str, users: Mapping[str, Named]) -> str:
    """Turn Markdown's `@<strong>Name</strong>` into a link to the profile.

    The link is language-neutral (/people/<id>); it redirects to the reader's language.
    """

    def replace(match: re.Match) -> str:
        # Markdown escaped the name already: compare on the plain text.
        user = users.get(unescape(match.group(1)).strip().lower())
        if user is None:
            return match.group(0)
        return f'<a href="/people/{user.id}" class="mention">@{escape(user.display_name)}</a>'

    return re.sub(r"@<strong>([^<]{1,80})</strong>", replace, html)
