"""Each key question's discussion is a forum topic in the module's room: the same threads,
replies, reactions, moderation and feeds as every other discussion."""

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Forbidden, NotFound

from ...extensions import db
from ...forums.models import Post, Topic
from ...forums.services import PostDraft, create_topic
from ...i18n import LANGUAGES
from ...rooms.services import is_member, join_room
from ..models import Academy, KeyQuestion, Module
from ..services import AcademyError, rooms_of
from ..staff import is_staff


def open_discussion(user, academy: Academy, question_id: int) -> Topic:
    """Staff open a question's discussion (once): its opening post gives the question in
    every language, so each reader finds theirs."""
    if not is_staff(user, academy):
        raise Forbidden
    question = db.session.get(KeyQuestion, question_id)
    module = db.session.get(Module, question.module_id) if question else None
    if module is None or module.academy_id != academy.id:
        raise NotFound
    if question.topic_id:
        return db.session.get(Topic, question.topic_id)
    rooms = rooms_of(module)
    if not rooms:
        raise AcademyError(_("This module has no room to hold its discussions."))
    room = rooms[0]
    if not is_member(user, room):
        join_room(user, room)
    language = user.locale if user.locale in LANGUAGES else "en"
    title = question.text(language).text[:200]
    body = "\n\n".join(f"**{code.upper()}** {question.text(code).text}" for code in LANGUAGES)
    topic = create_topic(user, room, title, PostDraft(body=body, language=language))
    question.topic_id = topic.id
    db.session.commit()
    return topic


def discussions_of(module: Module) -> dict[int, Topic]:
    """Each opened question's topic (with its room: a moderator may have moved it)."""
    ids = {q.topic_id: q.id for q in module.questions if q.topic_id}
    if not ids:
        return {}
    topics = db.session.scalars(
        select(Topic).options(joinedload(Topic.room)).where(Topic.id.in_(ids))
    )
    return {ids[topic.id]: topic for topic in topics}


def contributed_modules(user, academy: Academy) -> set[int]:
    """The modules in whose question discussions `user` has written (one query)."""
    query = (
        select(Module.id)
        .join(KeyQuestion, KeyQuestion.module_id == Module.id)
        .join(Post, Post.topic_id == KeyQuestion.topic_id)
        .where(Module.academy_id == academy.id, Post.author_id == user.id)
        .distinct()
    )
    return set(db.session.scalars(query))


def contributions_per_module(academy: Academy) -> dict[int, int]:
    """Replies written in each module's question discussions (openings not counted)."""
    query = (
        select(Module.id, func.count(Post.id))
        .join(KeyQuestion, KeyQuestion.module_id == Module.id)
        .join(Post, Post.topic_id == KeyQuestion.topic_id)
        .where(Module.academy_id == academy.id, Post.parent_id.is_not(None))
        .group_by(Module.id)
    )
    return dict(db.session.execute(query).all())


def contributions_by_author(academy: Academy) -> list[tuple]:
    """(country, constituency, replies) for every author in the question discussions, so the
    dashboard can show which regions and constituencies are heard, and which are not."""
    from ...accounts.models import User

    query = (
        select(User.country, User.constituency, func.count(Post.id))
        .join(Post, Post.author_id == User.id)
        .join(KeyQuestion, KeyQuestion.topic_id == Post.topic_id)
        .join(Module, Module.id == KeyQuestion.module_id)
        .where(Module.academy_id == academy.id, Post.parent_id.is_not(None))
        .group_by(User.country, User.constituency)
    )
    return list(db.session.execute(query).all())
