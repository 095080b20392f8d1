"""The shared library: documents, links and videos, filed by room and language."""

from flask import Blueprint

bp = Blueprint("library", __name__, url_prefix="/<lang:lang_code>/library")

from . import privacy, routes, sections, translations  # noqa: E402,F401
