"""Queries over participants: the filtered directory and "people to meet"."""

from dataclasses import dataclass

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import aliased
from werkzeug.exceptions import NotFound

from ..accounts.models import User, UserLanguage
from ..database import contains_pattern
from ..extensions import db
from ..geography import countries_in
from ..rooms.models import Room, RoomMembership


@dataclass
class DirectoryFilter:
    query: str = ""
    country: str = ""
    region: str = ""
    constituency: str = ""
    language: str = ""
    room: str = ""

    @property
    def active(self) -> bool:
        return any(vars(self).values())


def access_person(user_id: int) -> User:
    """A participant's public profile; deleted and unconfirmed accounts are not found."""
    user = db.session.get(User, user_id)
    if user is None or not user.is_active:
        raise NotFound
    return user


def directory_query(filters: DirectoryFilter) -> Select:
    """Active participants matching every filter given, alphabetically."""
    query = select(User).where(User.deleted_at.is_(None), User.email_verified_at.is_not(None))
    if filters.query:
        pattern = contains_pattern(filters.query.strip().lower())
        query = query.where(
            or_(
                func.lower(User.display_name).like(pattern, escape="\\"),
                func.lower(User.organisation).like(pattern, escape="\\"),
            )
        )
    if filters.country:
        query = query.where(User.country == filters.country)
    if filters.region:
        query = query.where(User.country.in_(countries_in(filters.region)))
    if filters.constituency:
        query = query.where(User.constituency == filters.constituency)
    if filters.language:
        query = query.where(
            User.id.in_(select(UserLanguage.user_id).where(UserLanguage.code == filters.language))
        )
    if filters.room:
        query = query.where(
            User.id.in_(
                select(RoomMembership.user_id)
                .join(Room, Room.id == RoomMembership.room_id)
                .where(Room.slug == filters.room)
            )
        )
    return query.order_by(func.lower(User.display_name), User.id)


def people_to_meet(user: User, limit: int = 6) -> list[User]:
    """Members of `user`'s rooms from other countries who share a language with them.

    Those sharing the most rooms come first: they have the most to talk about.
    """
    mine = aliased(RoomMembership)
    theirs = aliased(RoomMembership)
    my_languages = select(UserLanguage.code).where(UserLanguage.user_id == user.id)
    shared_language = select(UserLanguage.user_id).where(UserLanguage.code.in_(my_languages))
    shared_rooms = func.count(func.distinct(theirs.room_id))
    query = (
        select(User)
        .join(theirs, theirs.user_id == User.id)
        .join(mine, and_(mine.room_id == theirs.room_id, mine.user_id == user.id))
        .where(
            User.id != user.id,
            User.deleted_at.is_(None),
            User.email_verified_at.is_not(None),
            User.id.in_(shared_language),
        )
        .group_by(User.id)
        .order_by(shared_rooms.desc(), User.id.desc())
        .limit(limit)
    )
    if user.country:
        query = query.where(or_(User.country.is_(None), User.country != user.country))
    return list(db.session.scalars(query))


def rooms_of(user: User) -> list[Room]:
    """The open rooms `user` belongs to, in display order."""
    query = (
        select(Room)
        .join(RoomMembership, RoomMembership.room_id == Room.id)
        .where(RoomMembership.user_id == user.id, Room.archived_at.is_(None))
        .order_by(Room.position, Room.id)
    )
    return list(db.session.scalars(query))
