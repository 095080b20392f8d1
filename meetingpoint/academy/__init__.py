"""The Academy's pre-learning space: modules, key questions, who takes part."""

from flask import Blueprint

bp = Blueprint("academy", __name__, url_prefix="/<lang:lang_code>/academy")

# One blueprint for the whole Academy: each sub-package adds its views to `bp`, so every
# endpoint keeps its "academy." name whichever module holds it.
from . import privacy, routes  # noqa: E402,F401
from .announcements import routes as announcement_routes  # noqa: E402,F401
from .dashboard import routes as dashboard_routes  # noqa: E402,F401
from .discussions import rules  # noqa: E402,F401
from .introductions import routes as introduction_routes  # noqa: E402,F401
from .modules import routes as module_routes  # noqa: E402,F401
from .programme import routes as programme_routes  # noqa: E402,F401
from .settings import routes as settings_routes  # noqa: E402,F401
from .survey import routes as survey_routes  # noqa: E402,F401
