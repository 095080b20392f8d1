"""Thin views for staff writing the questionnaire, one question at a time."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...i18n import LANGUAGES
from .. import bp, services
from ..models import SINGLE
from ..staff import access_staff_academy
from . import editing as survey_editing


def _typed_from(question) -> dict:
    typed = {"kind": question.kind}
    for lang in LANGUAGES:
        typed[f"prompt_{lang}"] = next((t.prompt for t in question.texts if t.language == lang), "")
        labels = [
            next((t.label for t in option.texts if t.language == lang), "")
            for option in question.options
        ]
        typed[f"options_{lang}"] = "\n".join(label for label in labels if label)
    return typed


def _fields(typed: dict) -> survey_editing.QuestionFields:
    return survey_editing.QuestionFields(
        kind=typed["kind"],
        prompts={lang: typed[f"prompt_{lang}"] for lang in LANGUAGES},
        options={lang: typed[f"options_{lang}"].splitlines() for lang in LANGUAGES},
    )


@bp.route("/<slug>/questionnaire/questions/new", methods=["GET", "POST"])
@bp.route("/<slug>/questionnaire/questions/<int:question_id>/edit", methods=["GET", "POST"])
@login_required
def edit_survey_question(slug, question_id=None):
    academy = access_staff_academy(slug, current_user)
    question = survey_editing.access_question(academy, question_id) if question_id else None
    status = 200
    if request.method == "POST":
        typed = {"kind": request.form.get("kind", "")[:20]}
        for lang in LANGUAGES:
            typed[f"prompt_{lang}"] = request.form.get(f"prompt_{lang}", "")[:5000]
            typed[f"options_{lang}"] = request.form.get(f"options_{lang}", "")[:10000]
        try:
            survey_editing.save_question(current_user, academy, question, _fields(typed))
        except services.AcademyError as error:
            flash(str(error), "error")
            status = 400
        else:
            return redirect(url_for("academy.questionnaire", slug=slug))
    elif question is not None:
        typed = _typed_from(question)
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
