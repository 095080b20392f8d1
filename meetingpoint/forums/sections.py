"""The forum's section on a room's page: its topics, pinned first, then most recent."""

from flask import request
from sqlalchemy import false, or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..languages.filters import language_filter_choices, languages_chosen
from ..rooms.sections import RoomSection, room_section
from . import tracking
from .models import Topic

TOPICS_PER_PAGE = 20


@room_section(order=10)
def forum_section(room, user) -> RoomSection:
    query = (
        select(Topic)
        .options(joinedload(Topic.author))
        .where(Topic.room_id == room.id)
        .order_by(Topic.pinned_at.is_(None), Topic.pinned_at.desc(), Topic.last_posted_at.desc())
    )
    if not (user.is_authenticated and user.is_moderator):
        mine = Topic.author_id == user.id if user.is_authenticated else false()
        query = query.where(or_(Topic.held_at.is_(None), mine))
    choices = language_filter_choices()
    language = request.args.get("language", "")
    language = language if language in {choice.value for choice in choices} else ""
    if languages_chosen(language):
        query = query.where(Topic.language.in_(languages_chosen(language)))
    page = db.paginate(
        query, page=request.args.get("page", 1, type=int), per_page=TOPICS_PER_PAGE, error_out=False
    )
    watching = tracking.is_watching_room(user, room)
    context = {"page": page, "watching": watching, "language": language, "languages": choices}
    return RoomSection("forums/_room_topics.html", context)
