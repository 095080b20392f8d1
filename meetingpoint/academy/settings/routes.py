"""Thin views for setting an Academy up: create (admins), edit, and name its facilitators."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...accounts.choices import TIME_ZONES
from ...geography import country_choices
from ...i18n import LANGUAGES
from ...inputs import day_of, moment_of
from ...templating import person_name
from .. import bp, services
from ..models import ENROL_OPEN
from ..programme.agenda import venue_time
from ..staff import access_staff_academy
from . import services as settings

DATE_FIELDS = ("starts_on", "ends_on", "follow_up_ends_on")
MOMENT_FIELDS = ("opens_at", "closes_at")
PLAIN_FIELDS = ("slug", "venue", "city", "country", "time_zone", "enrolment", "invitation_code")


def _typed(form) -> dict:
    typed = {name: form.get(name, "")[:200] for name in PLAIN_FIELDS + DATE_FIELDS + MOMENT_FIELDS}
    typed["survey_anonymous"] = bool(form.get("survey_anonymous"))
    for lang in LANGUAGES:
        typed[f"title_{lang}"] = form.get(f"title_{lang}", "")[:1000]
        typed[f"description_{lang}"] = form.get(f"description_{lang}", "")[:20000]
    return typed


def _typed_from(academy) -> dict:
    typed = {
        name: getattr(academy, name) or "" for name in PLAIN_FIELDS if name != "invitation_code"
    }
    typed["invitation_code"] = ""
    typed.update({name: getattr(academy, name).isoformat() for name in DATE_FIELDS})
    typed["opens_at"] = venue_time(academy, academy.prelearning_opens_at).strftime("%Y-%m-%dT%H:%M")
    typed["closes_at"] = venue_time(academy, academy.prelearning_closes_at).strftime(
        "%Y-%m-%dT%H:%M"
    )
    typed["survey_anonymous"] = academy.survey_anonymous
    for lang in LANGUAGES:
        text = next((t for t in academy.texts if t.language == lang), None)
        typed[f"title_{lang}"] = text.title if text else ""
        typed[f"description_{lang}"] = text.description if text else ""
    return typed


def _fields(typed: dict) -> settings.AcademyFields:
    days = {name: day_of(typed[name]) for name in DATE_FIELDS}
    moments = {name: moment_of(typed[name]) for name in MOMENT_FIELDS}
    if None in days.values() or None in moments.values():
        raise services.AcademyError(_("Please give every date and time."))
    return settings.AcademyFields(
        venue=typed["venue"],
        city=typed["city"],
        country=typed["country"],
        time_zone=typed["time_zone"],
        enrolment=typed["enrolment"],
        invitation_code=typed["invitation_code"],
        survey_anonymous=typed["survey_anonymous"],
        texts={lang: (typed[f"title_{lang}"], typed[f"description_{lang}"]) for lang in LANGUAGES},
        **days,
        **{name: moment.replace(tzinfo=None) for name, moment in moments.items()},
    )


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
    typed = _typed(request.form)
    try:
        academy = settings.create_academy(current_user, typed["slug"], _fields(typed))
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(typed, status=400)
    flash(_("The Academy is open. Name its facilitators, then add its modules."), "success")
    return redirect(url_for("academy.team", slug=academy.slug))


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit_academy(slug):
    academy = access_staff_academy(slug, current_user)
    if request.method == "GET":
        return _form(_typed_from(academy), academy)
    typed = _typed(request.form)
    try:
        settings.update_academy(current_user, academy, _fields(typed))
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(typed, academy, 400)
    flash(_("Your changes are saved."), "success")
    return redirect(url_for("academy.show", slug=slug))


@bp.route("/<slug>/team", methods=["GET", "POST"])
@login_required
def team(slug):
    academy = access_staff_academy(slug, current_user)
    status = 200
    if request.method == "POST":
        try:
            person = settings.add_facilitator(
                current_user, academy, request.form.get("email", "")[:254]
            )
        except services.AcademyError as error:
            flash(str(error), "error")
            status = 400
        else:
            flash(_("%(name)s now facilitates this Academy.", name=person_name(person)), "success")
            return redirect(url_for("academy.team", slug=slug))
    return render_template(
        "academy/team.html", academy=academy, facilitators=settings.facilitators_of(academy)
    ), status


@bp.route("/<slug>/team/<int:person_id>/remove", methods=["POST"])
@login_required
def remove_facilitator(slug, person_id):
    academy = services.access_academy(slug)
    settings.remove_facilitator(current_user, academy, person_id)
    return redirect(url_for("academy.team", slug=slug))
