"""Thin views for setting an Academy up: create (admins), edit, and name its facilitators."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...accounts.choices import TIME_ZONES
from ...geography import country_choices
from ...templating import person_name
from .. import bp, services
from ..forms import applied, validated
from ..models import ENROL_OPEN
from ..staff import access_staff_academy
from . import services as settings
from .forms import AcademyForm, TeamForm, typed_from


def _form(typed, academy=None, status=200):
    return render_template(
        "academy/settings.html",
        academy=academy,
        typed=typed,
        countries=country_choices(),
        time_zones=TIME_ZONES,
    ), status


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new_academy():
    if not current_user.is_admin:
        abort(403)
    if request.method == "GET":
        return _form({"enrolment": ENROL_OPEN, "survey_anonymous": True, "time_zone": "UTC"})
    form = AcademyForm()
    try:
        validated(form)
        academy = settings.create_academy(current_user, form.slug.data, form.academy_fields())
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(form.typed(), status=400)
    flash(_("The Academy is open. Name its facilitators, then add its modules."), "success")
    return redirect(url_for("academy.team", slug=academy.slug))


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit_academy(slug):
    academy = access_staff_academy(slug, current_user)
    if request.method == "GET":
        return _form(typed_from(academy), academy)
    form = AcademyForm()
    try:
        validated(form)
        settings.update_academy(current_user, academy, form.academy_fields())
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(form.typed(), academy, 400)
    flash(_("Your changes are saved."), "success")
    return redirect(url_for("academy.show", slug=slug))


@bp.route("/<slug>/team", methods=["GET", "POST"])
@login_required
def team(slug):
    academy = access_staff_academy(slug, current_user)
    status = 200
    if request.method == "POST":
        form = TeamForm()
        added, person = applied(
            form, lambda: settings.add_facilitator(current_user, academy, form.email.data)
        )
        if added:
            flash(_("%(name)s now facilitates this Academy.", name=person_name(person)), "success")
            return redirect(url_for("academy.team", slug=slug))
        status = 400
    return render_template(
        "academy/team.html", academy=academy, facilitators=settings.facilitators_of(academy)
    ), status


@bp.route("/<slug>/team/<int:person_id>/remove", methods=["POST"])
@login_required
def remove_facilitator(slug, person_id):
    academy = services.access_academy(slug)
    settings.remove_facilitator(current_user, academy, person_id)
    return redirect(url_for("academy.team", slug=slug))
