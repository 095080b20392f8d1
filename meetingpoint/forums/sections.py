"""The forum's section on a room's page: its topics, pinned first, then most recent."""

from dataclasses import dataclass

from flask import request
from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..inputs import page_arg
from ..languages.filters import language_filter_choices, languages_chosen
from ..rooms.sections import RoomSection, room_section
from . import tracking
from .models import Topic

TOPICS_PER_PAGE = 20


@dataclass
class TopicPage:
    """One page of a room's topics, pinned ones first (what templates read of a Pagination)."""

    items: list
    page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // TOPICS_PER_PAGE))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


@room_section(order=10)
def forum_section(room, user) -> RoomSection:
    visible = [Topic.room_id == room.id]
    if not (user.is_authenticated and user.is_moderator):
        mine = Topic.author_id == user.id if user.is_authenticated else false()
        visible.append(or_(Topic.held_at.is_(None), mine))
    choices = language_filter_choices()
    language = request.args.get("language", "")
    language = language if language in {choice.value for choice in choices} else ""
    if languages_chosen(language):
        visible.append(Topic.language.in_(languages_chosen(language)))
    page = topic_page(visible, page_arg())
    watching = tracking.is_watching_room(user, room)
    context = {"page": page, "watching": watching, "language": language, "languages": choices}
    return RoomSection("forums/_room_topics.html", context)


def topic_page(visible: list, number: int) -> TopicPage:
    """Pinned topics (a few), then the others by latest post. Two index walks that read only
    the rows shown: one query ordering pinned-then-recent sorted every topic of the room, and
    a room of an Academy that has run for years holds thousands."""
    base = select(Topic).options(joinedload(Topic.author)).where(*visible)
    pinned = list(
        db.session.scalars(
            base.where(Topic.pinned_at.is_not(None)).order_by(Topic.pinned_at.desc())
        )
    )
    total = db.session.execute(select(func.count()).select_from(Topic).where(*visible)).scalar_one()
    start = (number - 1) * TOPICS_PER_PAGE
    shown = pinned[start : start + TOPICS_PER_PAGE]
    wanted = TOPICS_PER_PAGE - len(shown)
    recent = (
        base.where(Topic.pinned_at.is_(None))
        .order_by(Topic.last_posted_at.desc(), Topic.id.desc())
        .offset(max(start - len(pinned), 0))
        .limit(wanted)
    )
    return TopicPage(shown + list(db.session.scalars(recent)) if wanted else shown, number, total)
