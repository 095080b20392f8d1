"""Signing up, in and out: registration, email verification, password reset."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/<lang:lang_code>/auth")

from . import routes  # noqa: E402,F401
