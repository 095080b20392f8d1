"""The one path for each change to rooms and memberships, and the queries pages share."""

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.exceptions import NotFound

from ..accounts.models import User
from ..database import utcnow
from ..extensions import db
from ..i18n import LANGUAGES
from .models import Room, RoomMembership, RoomText
from .seed_data import ROOMS

# Addresses that collide with the room pages' own paths, or with mail addresses that are
# ours (replies, bounces) or that a mail domain must keep for people (RFC 2142).
RESERVED_SLUGS = frozenset(
    {"new", "reply", "bounces", "postmaster", "abuse", "hostmaster", "webmaster", "mailer-daemon"}
)


# What features keep per member and forget when a person leaves (reading a room by mail):
# registered at import time, so rooms never import the features above them.
_on_leaving: list[Callable[[User, Room], None]] = []


def when_leaving(fn: Callable[[User, Room], None]) -> Callable[[User, Room], None]:
    """Decorator: `fn(user, room)` runs as `user` leaves `room`, before the commit."""
    _on_leaving.append(fn)
    return fn


class RoomError(Exception):
    """A room change refused for a reason the person can act on; str() is translated."""


@dataclass
class RoomTextData:
    language: str
    name: str
    description: str


def access_room(slug: str) -> Room:
    """The room with this slug; archived rooms stay readable. Raises NotFound."""
    room = db.session.scalar(select(Room).where(Room.slug == slug))
    if room is None:
        raise NotFound
    return room


def rooms_with_member_counts(include_archived: bool = False) -> list[tuple[Room, int]]:
    """Rooms in display order with how many participants belong to each, in one query."""
    counts = (
        select(RoomMembership.room_id, func.count().label("members"))
        .join(User, User.id == RoomMembership.user_id)
        .where(User.deleted_at.is_(None))
        .group_by(RoomMembership.room_id)
        .subquery()
    )
    query = (
        select(Room, func.coalesce(counts.c.members, 0))
        .outerjoin(counts, counts.c.room_id == Room.id)
        .order_by(Room.position, Room.id)
    )
    if not include_archived:
        query = query.where(Room.archived_at.is_(None))
    return [(room, count) for room, count in db.session.execute(query)]


def is_member(user: User, room: Room) -> bool:
    if not user.is_authenticated:
        return False
    return db.session.get(RoomMembership, (room.id, user.id)) is not None


def room_ids_of(user: User) -> set[int]:
    return set(
        db.session.scalars(select(RoomMembership.room_id).where(RoomMembership.user_id == user.id))
    )


def room_members(room: Room, limit: int) -> tuple[list[User], int]:
    """The most recent `limit` members of `room`, and how many there are in all."""
    base = (
        select(User)
        .join(RoomMembership, RoomMembership.user_id == User.id)
        .where(RoomMembership.room_id == room.id, User.deleted_at.is_(None))
    )
    total = db.session.scalar(select(func.count()).select_from(base.subquery()))
    members = db.session.scalars(base.order_by(RoomMembership.joined_at.desc()).limit(limit))
    return list(members), total or 0


def join_room(user: User, room: Room) -> bool:
    """Add `user` to `room`; joining twice is harmless. Returns True if newly joined."""
    if room.is_archived:
        raise RoomError(_("This room is archived: it can be read but not joined."))
    if is_member(user, room):
        return False
    db.session.add(RoomMembership(room_id=room.id, user_id=user.id))
    db.session.commit()
    return True


def leave_room(user: User, room: Room) -> bool:
    """Remove `user` from `room`. Returns True if they were a member."""
    membership = db.session.get(RoomMembership, (room.id, user.id))
    if membership is None:
        return False
    db.session.delete(membership)
    for forget in _on_leaving:
        forget(user, room)
    db.session.commit()
    return True


def create_room(slug: str, position: int, texts: list[RoomTextData]) -> Room:
    """Create a room with its texts (English at least)."""
    _check_slug(slug)
    if db.session.scalar(select(Room.id).where(Room.slug == slug)) is not None:
        raise RoomError(_("Another room already uses this address."))
    room = Room(slug=slug, position=position)
    db.session.add(room)
    _set_texts(room, texts)
    db.session.commit()
    return room


def update_room(room: Room, slug: str, position: int, texts: list[RoomTextData]) -> None:
    """Save an admin's edits to a room's address, order and texts."""
    _check_slug(slug)
    clash = db.session.scalar(select(Room.id).where(Room.slug == slug, Room.id != room.id))
    if clash is not None:
        raise RoomError(_("Another room already uses this address."))
    room.slug = slug
    room.position = position
    _set_texts(room, texts)
    db.session.commit()


def set_archived(room: Room, archived: bool) -> None:
    """Archive a room (read-only, hidden from the list) or bring it back."""
    room.archived_at = utcnow() if archived else None
    db.session.commit()


def _check_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise RoomError(_("This address is reserved."))


def _set_texts(room: Room, texts: list[RoomTextData]) -> None:
    # A language left blank is removed, so readers fall back to English instead of "".
    by_language = {t.language: t for t in room.texts}
    for data in texts:
        existing = by_language.get(data.language)
        if not data.name.strip():
            if existing is not None:
                room.texts.remove(existing)
            continue
        if existing is None:
            existing = RoomText(language=data.language)
            room.texts.append(existing)
        existing.name = data.name.strip()
        existing.description = data.description.strip()


def seed_rooms() -> int:
    """Create the standard rooms that do not exist yet; never overwrite an admin's edits."""
    existing = set(db.session.scalars(select(Room.slug)))
    created = 0
    for position, entry in enumerate(ROOMS, start=1):
        if entry["slug"] in existing:
            continue
        room = Room(slug=entry["slug"], position=position * 10)
        room.texts = [
            RoomText(language=lang, name=entry[lang][0], description=entry[lang][1])
            for lang in LANGUAGES
        ]
        db.session.add(room)
        created += 1
    db.session.commit()
    return created
