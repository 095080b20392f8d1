"""@mentions: `@**Display Name**` in a post links to that participant and notifies them."""

import re
from html import unescape

from markupsafe import escape
from sqlalchemy import func, select

from ..accounts.models import User
from ..extensions import db

MENTION = re.compile(r"@\*\*([^*\n]{1,80})\*\*")
MAX_MENTIONS = 20  # more is a broadcast, not a mention


def mentioned_users(source: str) -> dict[str, User]:
    """Active participants named in `source`, keyed by their name in lower case.

    When two participants share a name, the first to join is meant.
    """
    names = {m.strip().lower() for m in MENTION.findall(source or "")}
    names = set(sorted(names)[:MAX_MENTIONS])
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


def link_mentions(html: str, users: dict[str, User]) -> str:
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
