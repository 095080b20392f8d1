"""Thin views for announcements: the list for everyone, the form for the Academy's staff."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ...i18n import LANGUAGES
from .. import bp, services
from . import services as announcements


@bp.route("/<slug>/announcements", methods=["GET", "POST"])
def announcements_page(slug):
    academy = services.access_academy(slug)
    staff = announcements.is_staff(current_user, academy)
    if request.method == "POST":
        if not staff:
            abort(403)
        texts = {
            lang: (
                request.form.get(f"subject_{lang}", "")[: announcements.SUBJECT_MAX + 1],
                request.form.get(f"body_{lang}", "")[: announcements.BODY_MAX + 1],
            )
            for lang in LANGUAGES
        }
        try:
            announcements.announce(current_user, academy, texts)
        except services.AcademyError as error:
            flash(str(error), "error")
            return _page(academy, staff, texts), 400
        return redirect(url_for("academy.announcements_page", slug=slug))
    return _page(academy, staff, {})


def _page(academy, staff: bool, typed: dict):
    return render_template(
        "academy/announcements.html",
        academy=academy,
        items=announcements.announcements_of(academy),
        staff=staff,
        typed=typed,
    )
