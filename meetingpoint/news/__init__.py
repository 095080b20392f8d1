"""News from the moderators: for the whole site or one room, in one or several languages."""

from flask import Blueprint

bp = Blueprint("news", __name__)

from . import privacy, routes, sections  # noqa: E402,F401
