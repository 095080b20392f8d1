"""Is the network alive, and is it South-South? Interactions between participants, and the
figures and charts made of them."""

from flask import Blueprint

bp = Blueprint("dashboard", __name__, url_prefix="/<lang:lang_code>/dashboard")

from . import formatting, routes  # noqa: E402,F401
