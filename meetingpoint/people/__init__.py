"""The people directory: find any participant, and meet the ones you share rooms with."""

from flask import Blueprint

bp = Blueprint("people", __name__, url_prefix="/<lang:lang_code>/people")

from . import routes  # noqa: E402,F401
