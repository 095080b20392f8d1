"""The in-app notification centre: replies, mentions, and news from what you watch."""

from flask import Blueprint
from flask_login import current_user

bp = Blueprint("notifications", __name__, url_prefix="/<lang:lang_code>/notifications")

from . import mailing_list, privacy, push_routes, routes  # noqa: E402,F401
from .services import unread_count  # noqa: E402


@bp.app_context_processor
def unread_notifications():
    # One indexed count per page, for the number in the header.
    if current_user and current_user.is_authenticated:
        return {"unread_notifications": unread_count(current_user)}
    return {"unread_notifications": 0}
