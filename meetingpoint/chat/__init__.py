"""Chat: each room's channel and direct conversations, readable and writable without JavaScript."""

from flask import Blueprint

bp = Blueprint("chat", __name__, url_prefix="/<lang:lang_code>")

from . import privacy, routes, sections  # noqa: E402,F401
