"""Staff write the questionnaire's questions in each language. Once a question has answers
it can be reworded, never changed in kind or number of options, nor removed: what people
answered keeps its meaning."""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.exceptions import Forbidden, NotFound

from ...extensions import db
from ...i18n import LANGUAGES
from ..models import Academy
from ..services import AcademyError
from ..staff import is_staff
from .models import (
    FREE_TEXT,
    MULTIPLE,
    SINGLE,
    SurveyAnswer,
    SurveyOption,
    SurveyOptionText,
    SurveyQuestion,
    SurveyQuestionText,
)

PROMPT_MAX, LABEL_MAX, OPTIONS_MIN, OPTIONS_MAX = 1000, 200, 2, 12


@dataclass
class QuestionFields:
    kind: str
    prompts: dict[str, str] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)  # lang: labels, in order


def access_question(academy: Academy, question_id: int) -> SurveyQuestion:
    question = db.session.get(SurveyQuestion, question_id)
    if question is None or question.academy_id != academy.id:
        raise NotFound
    return question


def has_answers(question: SurveyQuestion) -> bool:
    found = select(SurveyAnswer.response_id).where(SurveyAnswer.question_id == question.id)
    return db.session.scalar(found.limit(1)) is not None


def save_question(user, academy: Academy, question: SurveyQuestion | None, fields: QuestionFields):
    """Add a question at the end (`question` None) or change one; all checked first."""
    if not is_staff(user, academy):
        raise Forbidden
    prompts = {lang: fields.prompts.get(lang, "").strip() for lang in LANGUAGES}
    labels = {
        lang: [s.strip() for s in fields.options.get(lang, []) if s.strip()] for lang in LANGUAGES
    }
    if fields.kind not in (SINGLE, MULTIPLE, FREE_TEXT):
        raise AcademyError(_("Choose the kind of question."))
    if fields.kind == FREE_TEXT:  # options typed before switching to free text are moot
        labels = {lang: [] for lang in LANGUAGES}
    if not prompts["en"]:
        raise AcademyError(_("The English question is required."))
    if any(len(prompt) > PROMPT_MAX for prompt in prompts.values()) or any(
        len(label) > LABEL_MAX for given in labels.values() for label in given
    ):
        raise AcademyError(_("Please use at most %(max)d characters.", max=PROMPT_MAX))
    count = 0 if fields.kind == FREE_TEXT else len(labels["en"])
    if fields.kind != FREE_TEXT and not OPTIONS_MIN <= count <= OPTIONS_MAX:
        raise AcademyError(_("A choice question has 2 to 12 options."))
    if any(given and len(given) != count for given in labels.values()):
        raise AcademyError(_("Give each language the same number of options."))
    if question is not None and has_answers(question):
        if fields.kind != question.kind or count != len(question.options):
            raise AcademyError(
                _("This question has answers: reword it, but keep its kind and its options.")
            )
    if question is None:
        last = db.session.scalar(
            select(func.max(SurveyQuestion.position)).where(SurveyQuestion.academy_id == academy.id)
        )
        question = SurveyQuestion(academy_id=academy.id, position=(last or 0) + 1)
        db.session.add(question)
    question.kind = fields.kind
    question.texts = [
        SurveyQuestionText(language=lang, prompt=prompt)
        for lang, prompt in prompts.items()
        if prompt
    ]
    while len(question.options) < count:  # options keep their ids (and answers) by position
        question.options.append(SurveyOption(position=len(question.options)))
    del question.options[count:]
    for position, option in enumerate(question.options):
        option.position = position
        option.texts = [
            SurveyOptionText(language=lang, label=given[position])
            for lang, given in labels.items()
            if given
        ]
    db.session.commit()
    return question


def delete_question(user, academy: Academy, question: SurveyQuestion) -> None:
    if not is_staff(user, academy):
        raise Forbidden
    if has_answers(question):
        raise AcademyError(_("This question has answers: it can be reworded, not removed."))
    db.session.delete(question)
    db.session.commit()
