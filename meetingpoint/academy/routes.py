"""Thin views for the Academy: the list, an Academy's page, a module, following and enrolling."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from . import bp, services
from .models import ENROL_INVITATION

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
    return render_template(
        "academy/show.html",
        academy=academy,
        enrolment=services.enrolment_of(current_user, academy),
        needs_code=academy.enrolment == ENROL_INVITATION,
    )


@bp.route("/<slug>/modules/<module_slug>")
def module(slug, module_slug):
    academy = services.access_academy(slug)
    module = services.access_module(academy, module_slug)
    return render_template(
        "academy/module.html", academy=academy, module=module, rooms=services.rooms_of(module)
    )


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
