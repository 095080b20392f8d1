"""Thin views for the face-to-face programme: the page, its calendar files, staff editing it."""

from itertools import groupby
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, get_timezone
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...i18n import current_language
from .. import bp, services
from ..forms import applied
from ..staff import access_staff_academy, is_staff
from . import agenda
from . import editing as programme_editing
from .forms import SessionForm, typed_from


@bp.route("/<slug>/programme/new", methods=["GET", "POST"])
@bp.route("/<slug>/programme/<int:session_id>/edit", methods=["GET", "POST"])
@login_required
def edit_session(slug, session_id=None):
    academy = access_staff_academy(slug, current_user)
    session = agenda.access_session(academy, session_id) if session_id else None
    status = 200
    if request.method == "POST":
        form = SessionForm()
        typed = form.typed()
        saved, _session = applied(
            form,
            lambda: programme_editing.save_session(
                current_user, academy, session, form.session_fields()
            ),
        )
        if saved:
            return redirect(url_for("academy.programme", slug=slug))
        status = 400
    elif session is not None:
        typed = typed_from(academy, session)
    else:
        typed = {"day": academy.starts_on.isoformat(), "module": ""}
    return render_template(
        "academy/session_edit.html", academy=academy, session=session, typed=typed
    ), status


@bp.route("/<slug>/programme/<int:session_id>/delete", methods=["POST"])
@login_required
def delete_session(slug, session_id):
    academy = access_staff_academy(slug, current_user)
    session = agenda.access_session(academy, session_id)
    programme_editing.delete_session(current_user, academy, session)
    flash(_("The session is removed from the programme."), "success")
    return redirect(url_for("academy.programme", slug=slug))


@bp.route("/<slug>/programme")
def programme(slug):
    academy = services.access_academy(slug)
    venue_zone = ZoneInfo(academy.time_zone)
    own_zone = get_timezone()
    locale = get_locale()

    def hours(session, zone) -> str:
        start, end = (format_time(t, "short", tzinfo=zone, locale=locale)
                      for t in (session.starts_at, session.ends_at))  # fmt: skip
        return f"{start}–{end}"

    rows = [
        {
            "session": session,
            "venue": hours(session, venue_zone),
            # Beside the venue's time, the reader's own, when their zone differs there.
            "own": hours(session, own_zone)
            if session.starts_at.astimezone(own_zone).utcoffset()
            != session.starts_at.astimezone(venue_zone).utcoffset()
            else None,
            "day": agenda.venue_time(academy, session.starts_at).date(),
        }
        for session in agenda.sessions_of(academy)
    ]
    days = [
        (format_date(day, "full", locale=locale), list(items))
        for day, items in groupby(rows, key=lambda row: row["day"])
    ]
    modules = {module.id: module for module in academy.modules}
    return render_template(
        "academy/programme.html", academy=academy, days=days, modules=modules,
        own_zone=str(own_zone), staff=is_staff(current_user, academy),
    )  # fmt: skip


@bp.route("/<slug>/programme.ics")
def programme_calendar(slug):
    academy = services.access_academy(slug)
    return _calendar(academy, agenda.sessions_of(academy), f"{slug}.ics")


@bp.route("/<slug>/programme/<int:session_id>.ics")
def session_calendar(slug, session_id):
    academy = services.access_academy(slug)
    session = agenda.access_session(academy, session_id)
    return _calendar(academy, [session], f"{slug}-{session_id}.ics")


def _calendar(academy, sessions, filename: str) -> Response:
    body = agenda.calendar(academy, sessions, current_language(), request.host)
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
