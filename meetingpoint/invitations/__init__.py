"""Inviting people by list and by link, to the site, a room or an Academy."""

from flask import Blueprint

bp = Blueprint("invitations", __name__, url_prefix="/<lang:lang_code>/invitations")

from . import accepting, routes, sending  # noqa: E402,F401  (sending declares the job)
