"""Pictures and files attached to posts and chat messages (docs/attachments.md)."""

from flask import Blueprint

bp = Blueprint("attachments", __name__)

from . import previews, privacy, routes  # noqa: E402,F401  (previews: its job; privacy: hooks)
from .forms import EXTENSIONS  # noqa: E402


@bp.app_context_processor
def attachable() -> dict:
    return {"attachable_extensions": EXTENSIONS}
