"""The views, concerns and needs questionnaire: participants answer (and may change their
answers) until pre-learning closes; staff read the results, never who gave them when the
questionnaire is anonymous."""

import hashlib
import hmac

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ...database import utcnow
from ...extensions import db
from ...geography import REGION_OF
from ...i18n import LANGUAGES
from ..models import PARTICIPANT, Academy, Enrolment
from ..seed.data import SURVEY
from ..services import AcademyError
from .models import (
    FREE_TEXT,
    SINGLE,
    SurveyAnswer,
    SurveyCompletion,
    SurveyOption,
    SurveyOptionText,
    SurveyQuestion,
    SurveyQuestionText,
    SurveyResponse,
)

TEXT_MAX = 2000


def questions_of(academy: Academy) -> list[SurveyQuestion]:
    query = (
        select(SurveyQuestion)
        .where(SurveyQuestion.academy_id == academy.id)
        .order_by(SurveyQuestion.position)
    )
    return list(db.session.scalars(query))


def is_open(academy: Academy) -> bool:
    return utcnow() < academy.prelearning_closes_at


def may_answer(user, academy: Academy) -> bool:
    if not user.is_authenticated:
        return False
    enrolment = db.session.get(Enrolment, (academy.id, user.id))
    return enrolment is not None and enrolment.role == PARTICIPANT


def _respondent(user, academy: Academy) -> str:
    # A keyed hash: the same person finds their answers again; a reader of the results
    # (or of the table) cannot turn it back into a name without the server's secret.
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"survey:{academy.id}:{user.id}".encode(), hashlib.sha256).hexdigest()


def response_of(user, academy: Academy) -> SurveyResponse | None:
    return db.session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.academy_id == academy.id,
            SurveyResponse.respondent == _respondent(user, academy),
        )
    )


def forget_responses(user) -> None:
    """Remove `user`'s answers in every Academy (the caller commits)."""
    for academy in db.session.scalars(select(Academy)):
        response = response_of(user, academy)
        if response is not None:
            db.session.delete(response)


def has_answered(user, academy: Academy) -> bool:
    return db.session.get(SurveyCompletion, (academy.id, user.id)) is not None


def submit(user, academy: Academy, given: dict) -> SurveyResponse:
    """`given`: question id → list of option ids (choices) or text. Replaces earlier
    answers. Everything is checked before anything is written."""
    if not may_answer(user, academy):
        raise AcademyError(_("Only participants of this Academy answer its questionnaire."))
    if not is_open(academy):
        raise AcademyError(_("The questionnaire is closed; your answers were not changed."))
    questions = {q.id: q for q in questions_of(academy)}
    answers = []
    for question_id, value in given.items():
        question = questions.get(question_id)
        if question is None:
            raise AcademyError(_("This request was not understood."))
        answers += _checked(question, value)
    response = response_of(user, academy)
    if response is None:
        response = SurveyResponse(academy_id=academy.id, respondent=_respondent(user, academy))
        db.session.add(response)
    response.user_id = None if academy.survey_anonymous else user.id
    response.region = REGION_OF.get(user.country or "", "")
    response.constituency = user.constituency or ""
    response.updated_at = utcnow()
    response.answers = answers
    if db.session.get(SurveyCompletion, (academy.id, user.id)) is None:
        db.session.add(SurveyCompletion(academy_id=academy.id, user_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:  # the same form, sent twice at once: the first one stands
        db.session.rollback()
        response = response_of(user, academy)
    return response


def _checked(question: SurveyQuestion, value) -> list[SurveyAnswer]:
    if question.kind == FREE_TEXT:
        text = value.strip() if isinstance(value, str) else ""
        if len(text) > TEXT_MAX:
            raise AcademyError(_("Please use at most %(max)d characters.", max=TEXT_MAX))
        return [SurveyAnswer(question_id=question.id, text=text)] if text else []
    chosen = set(value) if isinstance(value, list) else set()
    valid = {option.id for option in question.options}
    if not chosen <= valid or (question.kind == SINGLE and len(chosen) > 1):
        raise AcademyError(_("This request was not understood."))
    return [SurveyAnswer(question_id=question.id, option_id=o) for o in sorted(chosen)]


def results(academy: Academy, region: str = "", constituency: str = "") -> dict:
    """Per question: option counts (choices) or the answers' texts (free text), from the
    responses of the region and constituency asked for. Names are never part of it."""
    responses = select(SurveyResponse.id).where(SurveyResponse.academy_id == academy.id)
    if region:
        responses = responses.where(SurveyResponse.region == region)
    if constituency:
        responses = responses.where(SurveyResponse.constituency == constituency)
    counts = dict(
        db.session.execute(
            select(SurveyAnswer.option_id, func.count())
            .where(SurveyAnswer.response_id.in_(responses), SurveyAnswer.option_id.is_not(None))
            .group_by(SurveyAnswer.option_id)
        ).all()
    )
    texts: dict[int, list[str]] = {}
    for question_id, text in db.session.execute(
        select(SurveyAnswer.question_id, SurveyAnswer.text)
        .where(SurveyAnswer.response_id.in_(responses), SurveyAnswer.text.is_not(None))
        .order_by(SurveyAnswer.id)
    ):
        texts.setdefault(question_id, []).append(text)
    total = db.session.scalar(select(func.count()).select_from(responses.subquery()))
    return {"counts": counts, "texts": texts, "responses": total}


def seed_survey(academy: Academy) -> None:
    for position, (kind, by_language) in enumerate(SURVEY, start=1):
        question = SurveyQuestion(academy_id=academy.id, position=position, kind=kind)
        question.texts = [
            SurveyQuestionText(language=lang, prompt=by_language[lang][0]) for lang in LANGUAGES
        ]
        question.options = [
            SurveyOption(
                position=n,
                texts=[
                    SurveyOptionText(language=lang, label=by_language[lang][1][n])
                    for lang in LANGUAGES
                ],
            )  # fmt: skip
            for n in range(len(by_language["en"][1]))
        ]
        db.session.add(question)
