"""Thin view: the moderation log, paged and filtered by action, for moderators and admins."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.exceptions import Forbidden

from ..errors import BadRequestBecause
from ..inputs import page_arg
from . import bp, services


@bp.route("/log")
@login_required
def log():
    if not current_user.is_moderator:
        raise Forbidden
    action = request.args.get("action", "")
    if action and action not in services.ACTIONS:
        raise BadRequestBecause(_("Unknown action."))
    page = services.entries(action, page_arg())
    return render_template(
        "moderation_log/index.html",
        page=page,
        topics=services.topics_named(page.items),
        action=action,
        actions=services.ACTIONS,
    )
