"""Mail coming in: replies, new topics by mail, bounces."""

from flask import Blueprint

bp = Blueprint("inbound", __name__, url_prefix="/<lang:lang_code>/admin/mail")

from . import privacy, processing, routes  # noqa: E402,F401  (processing declares the job)
