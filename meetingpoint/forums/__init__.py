"""Threaded forums: topics in each room, with replies nested to any depth."""

from flask import Blueprint

bp = Blueprint("forums", __name__, url_prefix="/<lang:lang_code>")

from . import feeds, moderation_routes, privacy, routes, search_routes  # noqa: E402,F401
from .access import can_edit, can_read  # noqa: E402


@bp.app_context_processor
def permission_helpers():
    # Post templates are included from several pages: the checks travel with them.
    return {"can_edit": can_edit, "can_read": can_read}
