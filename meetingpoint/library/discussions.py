"""Each item can be talked about: one forum topic in its first room, opened on demand."""

from flask import url_for
from sqlalchemy import select
from werkzeug.exceptions import Forbidden

from ..extensions import db
from ..forums.models import Topic
from ..forums.services import PostDraft, create_topic
from ..rooms.models import Room
from ..rooms.services import is_member, join_room
from .models import LibraryItem


def open_discussion(user, item: LibraryItem) -> Topic:
    """The item's topic, opened by the first who asks (joining its room for them)."""
    if item.topic_id:
        topic = db.session.get(Topic, item.topic_id)
        if topic is not None:
            return topic
    if not user.is_authenticated:
        raise Forbidden
    room = db.session.scalar(
        select(Room)
        .where(Room.id.in_(item.room_ids), Room.archived_at.is_(None))
        .order_by(Room.position)
        .limit(1)
    )
    if room is None:
        raise Forbidden
    if not is_member(user, room):
        join_room(user, room)
    address = url_for("library.item", item_id=item.id)
    body = f"[{item.title}]({address})"
    if item.description:
        body += "\n\n" + item.description[:1500]
    language = item.language_codes[0] if item.language_codes else user.locale
    topic = create_topic(user, room, item.title, PostDraft(body=body, language=language))
    item.topic_id = topic.id
    db.session.commit()
    return topic
