"""Muting and blocking people: their writing shown collapsed, their messages refused."""

from flask import Blueprint
from flask_login import current_user

bp = Blueprint("safety", __name__, url_prefix="/<lang:lang_code>")

from . import privacy, routes  # noqa: E402,F401
from .services import MutedPeople, state_towards  # noqa: E402


@bp.app_context_processor
def muted_people():
    # Looked up on first use only: most pages show nobody's writing.
    if current_user and current_user.is_authenticated:
        return {"muted_people": MutedPeople(current_user.id), "mute_state": state_towards}
    return {"muted_people": MutedPeople(None), "mute_state": state_towards}
