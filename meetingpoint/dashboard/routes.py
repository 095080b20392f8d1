"""Thin views: the public overview, the staff dashboard, and both as CSV and JSON."""

from flask import render_template, request
from flask_babel import get_timezone
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import ForbiddenBecause
from ..i18n import current_language
from . import bp, downloads, pages
from .figures import figures_for
from .report import chosen_period, chosen_zone, headline, period_label
from .scopes import WHOLE_SITE, all_scopes, scope_from

FORMATS = ("csv", "json")
# The public figures follow one calendar for everyone, so each period is worked out once.
PUBLIC_ZONE = "UTC"


@bp.route("/")
def overview():
    period = chosen_period(request.args, PUBLIC_ZONE)
    return render_template("dashboard/overview.html", **pages.overview(WHOLE_SITE, period))


@bp.route("/figures.<any(csv, json):file_format>")
def overview_download(file_format):
    period = chosen_period(request.args, PUBLIC_ZONE)
    figures = figures_for(WHOLE_SITE, period)
    rows = downloads.public_rows(headline(figures, figures_for(WHOLE_SITE, period.previous())))
    return _download(file_format, WHOLE_SITE, figures, rows, "meetingpoint-figures")


@bp.route("/staff")
@login_required
def staff():
    access_staff_dashboard(current_user)
    scope = scope_from(request.args.get("scope"))
    zone = chosen_zone(request.args, str(get_timezone()))
    context = pages.staff(scope, chosen_period(request.args, zone))
    return render_template("dashboard/staff.html", scopes=all_scopes(), zone=zone, **context)


@bp.route("/staff/figures.<any(csv, json):file_format>")
@login_required
def staff_download(file_format):
    access_staff_dashboard(current_user)
    scope = scope_from(request.args.get("scope"))
    period = chosen_period(request.args, chosen_zone(request.args, str(get_timezone())))
    figures = figures_for(scope, period)
    rows = downloads.public_rows(headline(figures, figures_for(scope, period.previous())))
    rows += downloads.staff_rows(figures, current_language())
    return _download(file_format, scope, figures, rows, "meetingpoint-staff-figures")


def access_staff_dashboard(user) -> None:
    if not user.is_moderator:
        raise ForbiddenBecause(_("The full dashboard is for moderators and administrators."))


def _download(file_format: str, scope, figures, rows, stem: str):
    period = figures.period
    name = f"{stem}-{scope.key.replace(':', '-') or 'site'}-{period.kind}-{period.first_day}"
    if file_format == "csv":
        return downloads.as_csv(rows, f"{name}.csv")
    return downloads.as_json(scope, period_label(period), figures, rows, f"{name}.json")
