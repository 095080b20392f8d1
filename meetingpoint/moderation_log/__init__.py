"""The moderation log: who did what to whom, and when, for moderators and admins to read."""

from flask import Blueprint

bp = Blueprint("moderation_log", __name__, url_prefix="/<lang:lang_code>/moderation")

from . import routes  # noqa: E402,F401
