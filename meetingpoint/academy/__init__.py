"""The Academy's pre-learning space: modules, key questions, who takes part."""

from flask import Blueprint

bp = Blueprint("academy", __name__, url_prefix="/<lang:lang_code>/academy")

from . import (  # noqa: E402,F401
    announcement_routes,
    dashboard_routes,
    discussion_rules,
    editing_routes,
    introduction_routes,
    privacy,
    programme_routes,
    routes,
    settings_routes,
    survey_editing_routes,
    survey_routes,
)
