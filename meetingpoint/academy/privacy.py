"""What the Academy holds about a participant: exported with their data, removed on request."""

from sqlalchemy import delete, select, update

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..extensions import db
from .models import Enrolment, Introduction, SurveyCompletion, SurveyResponse


@personal_data_exporter("academy")
def export_academy(user) -> dict:
    enrolments = db.session.scalars(select(Enrolment).where(Enrolment.user_id == user.id))
    intros = db.session.scalars(select(Introduction).where(Introduction.user_id == user.id))
    return {
        "enrolments": [{"academy": e.academy_id, "role": e.role} for e in enrolments],
        "introductions": [
            {"academy": i.academy_id, "about": i.about, "work": i.work, "brings": i.brings,
             "hopes": i.hopes}
            for i in intros
        ],
    }  # fmt: skip


@account_eraser
def forget_academy(user, remove_content: bool) -> None:
    # An introduction is about the person: it goes with the account, whatever the choice.
    db.session.execute(delete(Introduction).where(Introduction.user_id == user.id))
    db.session.execute(delete(Enrolment).where(Enrolment.user_id == user.id))
    db.session.execute(delete(SurveyCompletion).where(SurveyCompletion.user_id == user.id))
    # Questionnaire answers count in the results as anyone's; with the content removed,
    # they go too (found by the keyed hash, as the person themselves would find them).
    if remove_content:
        from .survey.answering import forget_responses

        forget_responses(user)
    else:
        db.session.execute(
            update(SurveyResponse).where(SurveyResponse.user_id == user.id).values(user_id=None)
        )
