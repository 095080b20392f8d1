"""Thin views for the questionnaire: answering it, and its results for the staff."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...accounts.choices import CONSTITUENCIES
from ...geography import REGIONS
from ...inputs import whole_numbers
from .. import bp, services
from ..models import FREE_TEXT
from ..staff import access_staff_academy, is_staff
from . import answering as survey


@bp.route("/<slug>/questionnaire", methods=["GET", "POST"])
@login_required
def questionnaire(slug):
    academy = services.access_academy(slug)
    questions = survey.questions_of(academy)
    if request.method == "POST":
        given = {
            q.id: (
                request.form.get(f"q{q.id}", "")[: survey.TEXT_MAX + 1]
                if q.kind == FREE_TEXT
                else whole_numbers(request.form.getlist(f"q{q.id}"))
            )
            for q in questions
        }
        try:
            survey.submit(current_user, academy, given)
        except services.AcademyError as error:
            flash(str(error), "error")
            return _form(academy, questions, typed=given), 400
        flash(
            _("Thank you: your answers are saved. You can change them until it closes."), "success"
        )
        return redirect(url_for("academy.questionnaire", slug=slug))
    return _form(academy, questions, typed=None)


def _form(academy, questions, typed):
    if typed is None:  # the answers given before, to change them
        typed = {}
        response = survey.response_of(current_user, academy)
        for answer in response.answers if response else []:
            if answer.option_id:
                typed.setdefault(answer.question_id, []).append(answer.option_id)
            else:
                typed[answer.question_id] = answer.text
    return render_template(
        "academy/questionnaire.html",
        academy=academy,
        questions=questions,
        typed=typed,
        may_answer=survey.may_answer(current_user, academy),
        is_open=survey.is_open(academy),
        staff=is_staff(current_user, academy),
    )


@bp.route("/<slug>/questionnaire/results")
@login_required
def questionnaire_results(slug):
    academy = access_staff_academy(slug, current_user)
    region = request.args.get("region", "")
    region = region if region in REGIONS else ""
    constituency = request.args.get("constituency", "")
    constituency = constituency if constituency in CONSTITUENCIES else ""
    return render_template(
        "academy/questionnaire_results.html",
        academy=academy,
        questions=survey.questions_of(academy),
        results=survey.results(academy, region, constituency),
        regions=REGIONS,
        constituencies=CONSTITUENCIES,
        region=region,
        constituency=constituency,
    )
