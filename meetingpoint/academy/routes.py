"""Thin views for the Academy: the list, an Academy's page, a module, following and enrolling."""

from itertools import groupby
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, get_timezone
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ..i18n import current_language
from . import agenda, bp, discussions, progress, services
from .models import ENROL_INVITATION, PARTICIPANT
from .settings import facilitators_of
from .staff import is_staff

STATUS_LABELS = {
    services.UPCOMING: _l("Upcoming"),
    services.PRELEARNING: _l("Pre-learning open"),
    services.FACE_TO_FACE: _l("Meeting face to face"),
    services.FOLLOW_UP: _l("Follow-up"),
    services.ARCHIVED: _l("Archived"),
}


@bp.app_context_processor
def academy_helpers():
    return {"academy_status": lambda academy: STATUS_LABELS[services.status(academy)]}


@bp.route("/")
def index():
    return render_template("academy/index.html", academies=services.all_academies())


@bp.route("/<slug>/")
def show(slug):
    academy = services.access_academy(slug)
    enrolment = services.enrolment_of(current_user, academy)
    return render_template(
        "academy/show.html",
        academy=academy,
        enrolment=enrolment,
        checklist=progress.checklist(current_user, academy)
        if enrolment is not None and enrolment.role == PARTICIPANT
        else None,
        staff=is_staff(current_user, academy),
        needs_code=academy.enrolment == ENROL_INVITATION,
    )


@bp.route("/<slug>/modules/<module_slug>")
def module(slug, module_slug):
    academy = services.access_academy(slug)
    module = services.access_module(academy, module_slug)
    progress.record_visit(current_user, module)
    return render_template(
        "academy/module.html",
        academy=academy,
        module=module,
        rooms=services.rooms_of(module),
        discussions=discussions.discussions_of(module),
        facilitators=facilitators_of(academy, module),
        staff=is_staff(current_user, academy),
    )


@bp.route("/<slug>/questions/<int:question_id>/discussion", methods=["POST"])
@login_required
def open_discussion(slug, question_id):
    academy = services.access_academy(slug)
    try:
        topic = discussions.open_discussion(current_user, academy, question_id)
    except services.AcademyError as error:
        flash(str(error), "error")
        return redirect(url_for("academy.show", slug=slug))
    return redirect(url_for("forums.topic", slug=topic.room.slug, topic_id=topic.id))


@bp.route("/<slug>/follow", methods=["POST"])
@login_required
def follow(slug):
    services.follow(current_user, services.access_academy(slug))
    return redirect(url_for("academy.show", slug=slug))


@bp.route("/<slug>/enrol", methods=["POST"])
@login_required
def enrol(slug):
    academy = services.access_academy(slug)
    try:
        services.enrol(current_user, academy, request.form.get("code", "")[:100])
    except services.AcademyError as error:
        flash(str(error), "error")
    return redirect(url_for("academy.show", slug=slug))


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
