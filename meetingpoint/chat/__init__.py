"""Chat: each room's channel and direct conversations, readable and writable without JavaScript."""

from flask import Blueprint
from flask_login import current_user

bp = Blueprint("chat", __name__, url_prefix="/<lang:lang_code>")

from . import by_email, group_routes, privacy, routes, sections, translations  # noqa: E402,F401
from .messages import unread_totals  # noqa: E402


@bp.app_context_processor
def unread_messages():
    # Unread direct and group messages, for the number beside "Messages" in the header.
    if current_user and current_user.is_authenticated:
        return {"unread_messages": unread_totals([current_user.id]).get(current_user.id, 0)}
    return {"unread_messages": 0}
