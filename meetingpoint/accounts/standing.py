"""What a suspended participant may still do: read, and look after their own account."""

from flask import request
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import ForbiddenBecause

# A suspension stops someone taking part until a date. Until then they may:
# - read whatever they could read before (every GET, and the read positions and presence
#   that reading keeps: a chat's `open`, `history`, `read` and `here` events);
# - sign in and out, and use the ways back into an account, which act as nobody yet;
# - look after their own account: change their password (a suspended account whose password
#   has leaked must still be made safe, and changing it ends every other session), export
#   their data (a GET) and delete the account (nobody may be kept here against their will);
# - choose what reaches them: notification settings, unsubscribing from the digest or a
#   room's list mail, and marking their notifications read change nothing anyone else
#   sees, and let them quiet a place they cannot answer in;
# - mute and block people, and undo it: it protects them, and nobody else sees it.
# Nothing else: no posts, messages, reactions, reports, drafts, groups, enrolments, profile
# changes (their name and bio are seen by others), room or Academy memberships. Their role
# gives no powers meanwhile: `User.is_moderator` and `User.is_admin` ask `in_good_standing`,
# so a suspended moderator or admin moderates, sees the queue and suspends nobody, and an
# Academy's suspended facilitators run nothing (academy/staff.py).
#
# Every HTTP request that is not a GET goes through `refuse_writes_while_suspended` below.
# Live chat events never pass through a request hook: the chat services refuse a suspended
# sender (chat/messages.py `check_may_write`), and `typing` asks the same question.

WRITES_ALLOWED = frozenset(
    {
        "auth.login",
        "auth.logout",
        "auth.register",
        "auth.resend_verification",
        "auth.reset_request",
        "auth.reset_password",
        "accounts.change_password",
        "accounts.delete",
        "notifications.settings",
        "notifications.unsubscribe",
        "notifications.list_unsubscribe",
        "notifications.read_all",
        "safety.change",
    }
)
_READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Suspended(ForbiddenBecause):
    """A write refused because the account is suspended: a 403 page giving the reason."""


def in_good_standing(user) -> bool:
    """Whether `user` may take part, and whatever role they hold applies (a visitor, who
    holds none, is not suspended either)."""
    return not (user.is_authenticated and user.is_suspended)


def refusal(user) -> str | None:
    """Why `user` may not take part now (translated, saying until when), or None."""
    if in_good_standing(user):
        return None
    return _(
        "Your account is suspended until %(date)s.",
        date=format_datetime(user.suspended_until, "medium"),
    )


def require_good_standing(user) -> None:
    """Raise Suspended (a 403 page with the reason) unless `user` may take part."""
    reason = refusal(user)
    if reason is not None:
        raise Suspended(reason)


def refuse_writes_while_suspended() -> None:
    """Before every request: a suspended person's write is refused before its view runs,
    so nothing is changed, unless its endpoint is in WRITES_ALLOWED."""
    if request.method in _READING_METHODS or request.endpoint in WRITES_ALLOWED:
        return
    if request.endpoint is None:  # no such address or method: its own 404 or 405
        return
    if current_user.is_authenticated:
        require_good_standing(current_user)


def init_app(app) -> None:
    app.before_request(refuse_writes_while_suspended)
