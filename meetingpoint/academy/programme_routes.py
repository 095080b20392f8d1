"""Thin views for staff editing the face-to-face programme, one session at a time."""

from datetime import time

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..i18n import LANGUAGES
from ..inputs import day_of, whole_number
from . import agenda, bp, programme_editing, services
from .staff import access_staff_academy


def _typed_from(academy, session) -> dict:
    starts = agenda.venue_time(academy, session.starts_at)
    ends = agenda.venue_time(academy, session.ends_at)
    typed = {
        "day": starts.date().isoformat(),
        "starts": starts.strftime("%H:%M"),
        "ends": ends.strftime("%H:%M"),
        "place": session.place,
        "module": str(session.module_id or ""),
    }
    for lang in LANGUAGES:
        typed[f"title_{lang}"] = next((t.title for t in session.texts if t.language == lang), "")
    return typed


def _fields(typed: dict) -> programme_editing.SessionFields:
    day = day_of(typed["day"])
    try:
        starts, ends = time.fromisoformat(typed["starts"]), time.fromisoformat(typed["ends"])
    except ValueError:
        starts = ends = None
    if day is None or starts is None:
        raise services.AcademyError(_("Please give the day and both times."))
    return programme_editing.SessionFields(
        day=day,
        starts=starts,
        ends=ends,
        place=typed["place"],
        module_id=whole_number(typed["module"]),
        titles={lang: typed[f"title_{lang}"] for lang in LANGUAGES},
    )


@bp.route("/<slug>/programme/new", methods=["GET", "POST"])
@bp.route("/<slug>/programme/<int:session_id>/edit", methods=["GET", "POST"])
@login_required
def edit_session(slug, session_id=None):
    academy = access_staff_academy(slug, current_user)
    session = agenda.access_session(academy, session_id) if session_id else None
    status = 200
    if request.method == "POST":
        titles = [f"title_{lang}" for lang in LANGUAGES]
        names = ["day", "starts", "ends", "place", "module", *titles]
        typed = {name: request.form.get(name, "")[:300] for name in names}
        try:
            programme_editing.save_session(current_user, academy, session, _fields(typed))
        except services.AcademyError as error:
            flash(str(error), "error")
            status = 400
        else:
            return redirect(url_for("academy.programme", slug=slug))
    elif session is not None:
        typed = _typed_from(academy, session)
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
