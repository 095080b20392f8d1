"""Thin views for announcements: the list for everyone, the form for the Academy's staff."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import bp, services
from ..forms import validated
from ..staff import is_staff
from . import services as announcements
from .forms import AnnouncementForm


@bp.route("/<slug>/announcements", methods=["GET", "POST"])
def announcements_page(slug):
    academy = services.access_academy(slug)
    staff = is_staff(current_user, academy)
    if request.method == "GET":
        return _page(academy, staff, {})
    if not staff:
        abort(403)
    form = AnnouncementForm()
    try:
        validated(form)
        announcements.announce(current_user, academy, form.texts())
    except services.AcademyError as error:
        flash(str(error), "error")
        return _page(academy, staff, form.texts()), 400
    return redirect(url_for("academy.announcements_page", slug=slug))


def _page(academy, staff: bool, typed: dict):
    return render_template(
        "academy/announcements.html",
        academy=academy,
        items=announcements.announcements_of(academy),
        staff=staff,
        typed=typed,
    )
