"""Thematic rooms: one per decent-work area, joined by participants."""

from flask import Blueprint

bp = Blueprint("rooms", __name__, url_prefix="/<lang:lang_code>/rooms")

from . import privacy, routes  # noqa: E402,F401
