"""Thin views for the questionnaire: answering it, its results, and staff writing it."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...accounts.choices import CONSTITUENCIES
from ...geography import REGIONS
from .. import bp, services
from ..forms import applied
from ..staff import access_staff_academy, is_staff
from . import answering as survey
from . import editing as survey_editing
from .forms import QuestionForm, ResultsFilter, answers_from, typed_from
from .models import SINGLE


@bp.route("/<slug>/questionnaire", methods=["GET", "POST"])
@login_required
def questionnaire(slug):
    academy = services.access_academy(slug)
    questions = survey.questions_of(academy)
    if request.method == "POST":
        given = answers_from(request.form, questions)
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
    filters = ResultsFilter(request.args)
    region, constituency = filters.chosen("region"), filters.chosen("constituency")
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


@bp.route("/<slug>/questionnaire/questions/new", methods=["GET", "POST"])
@bp.route("/<slug>/questionnaire/questions/<int:question_id>/edit", methods=["GET", "POST"])
@login_required
def edit_survey_question(slug, question_id=None):
    academy = access_staff_academy(slug, current_user)
    question = survey_editing.access_question(academy, question_id) if question_id else None
    status = 200
    if request.method == "POST":
        form = QuestionForm()
        typed = form.typed()
        saved, _question = applied(
            form,
            lambda: survey_editing.save_question(
                current_user, academy, question, form.question_fields()
            ),
        )
        if saved:
            return redirect(url_for("academy.questionnaire", slug=slug))
        status = 400
    elif question is not None:
        typed = typed_from(question)
    else:
        typed = {"kind": SINGLE}
    return render_template(
        "academy/survey_question_edit.html",
        academy=academy,
        question=question,
        typed=typed,
        answered=question is not None and survey_editing.has_answers(question),
    ), status


@bp.route("/<slug>/questionnaire/questions/<int:question_id>/delete", methods=["POST"])
@login_required
def delete_survey_question(slug, question_id):
    academy = access_staff_academy(slug, current_user)
    question = survey_editing.access_question(academy, question_id)
    try:
        survey_editing.delete_question(current_user, academy, question)
    except services.AcademyError as error:
        flash(str(error), "error")
    else:
        flash(_("The question is removed."), "success")
    return redirect(url_for("academy.questionnaire", slug=slug))
