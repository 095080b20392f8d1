"""Accounts: who a participant is, their profile, settings and personal data."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/<lang:lang_code>/account")

from . import routes  # noqa: E402,F401
