"""Thin views for the Academy: the list, an Academy's page, following and enrolling."""

from flask import flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from . import bp, progress, services
from .discussions import topics as discussions
from .forms import EnrolForm, validated
from .models import ENROL_INVITATION, PARTICIPANT
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
    form = EnrolForm()
    try:
        validated(form)
        services.enrol(current_user, academy, form.code.data)
    except services.AcademyError as error:
        flash(str(error), "error")
    return redirect(url_for("academy.show", slug=slug))
