"""The rules of key-question discussions: some are for the participants only, and some ask
each reader to write their own answer before reading the others'."""

from flask_babel import gettext as _
from sqlalchemy import or_, select

from ...extensions import db
from ...forums.models import Post
from ...forums.policies import TopicRule, topic_rule, unlisted_topics
from ...i18n import current_language
from ..models import FACILITATOR, PARTICIPANT, Academy, Enrolment, KeyQuestion, Module

_TAKING_PART = (PARTICIPANT, FACILITATOR)


@topic_rule
def key_question_rule(topic, viewer) -> TopicRule | None:
    """Moderators and the Academy's facilitators see everything; observers and passers-by
    stay out of participants-only questions; answer-first replies wait for one's own."""
    question = db.session.scalar(select(KeyQuestion).where(KeyQuestion.topic_id == topic.id))
    if question is None or not (question.participants_only or question.answer_first):
        return None
    if viewer.is_authenticated and viewer.is_moderator:
        return TopicRule()
    academy_id = db.session.scalar(select(Module.academy_id).where(Module.id == question.module_id))
    role = _role(viewer, academy_id)
    if role == FACILITATOR:
        return TopicRule()
    if question.participants_only and role != PARTICIPANT:
        academy = db.session.get(Academy, academy_id)
        return TopicRule(
            readable=False,
            may_reply=False,
            reason=_(
                "This discussion is for the participants of %(academy)s.",
                academy=academy.text(current_language()).title,
            ),
        )
    if question.answer_first and not _has_answered(viewer, topic.id):
        return TopicRule(
            replies_hidden=True,
            reason=_("Write your own answer first: the others' answers show once yours is posted."),
        )
    return TopicRule()


@unlisted_topics
def unanswered_or_closed_questions(viewer) -> set[int]:
    """The question discussions whose replies `viewer` may not read yet, kept out of search."""
    if viewer.is_authenticated and viewer.is_moderator:
        return set()
    rows = db.session.execute(
        select(
            KeyQuestion.topic_id,
            KeyQuestion.participants_only,
            KeyQuestion.answer_first,
            Module.academy_id,
        )
        .join(Module, Module.id == KeyQuestion.module_id)
        .where(
            KeyQuestion.topic_id.is_not(None),
            or_(KeyQuestion.participants_only, KeyQuestion.answer_first),
        )
    ).all()
    if not rows:
        return set()
    roles, answered = {}, set()
    if viewer.is_authenticated:
        roles = dict(
            db.session.execute(
                select(Enrolment.academy_id, Enrolment.role).where(Enrolment.user_id == viewer.id)
            ).all()
        )
        answered = set(
            db.session.scalars(
                select(Post.topic_id).where(
                    Post.author_id == viewer.id,
                    Post.parent_id.is_not(None),
                    Post.topic_id.in_([row.topic_id for row in rows]),
                )
            )
        )
    hidden = set()
    for topic_id, participants_only, answer_first, academy_id in rows:
        role = roles.get(academy_id)
        if role == FACILITATOR:
            continue
        if (participants_only and role not in _TAKING_PART) or (
            answer_first and topic_id not in answered
        ):
            hidden.add(topic_id)
    return hidden


def _role(viewer, academy_id: int) -> str | None:
    if not viewer.is_authenticated:
        return None
    enrolment = db.session.get(Enrolment, (academy_id, viewer.id))
    return enrolment.role if enrolment else None


def _has_answered(viewer, topic_id: int) -> bool:
    """Any reply of theirs counts, even one still held for approval."""
    if not viewer.is_authenticated:
        return False
    return (
        db.session.scalar(
            select(Post.id)
            .where(Post.topic_id == topic_id, Post.author_id == viewer.id)
            .where(Post.parent_id.is_not(None))
            .limit(1)
        )
        is not None
    )
