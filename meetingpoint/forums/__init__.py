"""Threaded forums: topics in each room, with replies nested to any depth."""

from flask import Blueprint

bp = Blueprint("forums", __name__, url_prefix="/<lang:lang_code>")

from . import (  # noqa: E402,F401
    by_email,
    drafts,
    feeds,
    moderation_routes,
    privacy,
    routes,
    search_routes,
    translations,
)
