"""Jobs: work done after the response, in this process or in `flask worker` (docs/jobs.md)."""

from flask import Blueprint

bp = Blueprint("jobs", __name__, url_prefix="/<lang:lang_code>/admin/jobs")

from . import routes  # noqa: E402,F401
from .dispatch import dispatch, later, run_now  # noqa: E402,F401
from .registry import Job, job  # noqa: E402,F401
