"""Mailing-list mode: every new post of the rooms a person chose, whole, by mail."""

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import ForeignKey, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..rooms.models import Room, RoomMembership
from ..rooms.services import when_leaving


class MailingListRoom(db.Model):
    """A person reads this room by mail, each post as it is published."""

    __tablename__ = "mailing_list_rooms"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    room_id: Mapped[int] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True
    )


class MailingListError(Exception):
    """str() is translated."""


def reads_by_mail(user_id: int, room_id: int) -> bool:
    return db.session.get(MailingListRoom, (user_id, room_id)) is not None


def rooms_read_by_mail(user_id: int) -> set[int]:
    return set(
        db.session.scalars(
            select(MailingListRoom.room_id).where(MailingListRoom.user_id == user_id)
        )
    )


def slugs_read_by_mail(user_id: int) -> list[str]:
    """The addresses of the rooms a person reads by mail, for their data export."""
    return list(
        db.session.scalars(
            select(Room.slug)
            .join(MailingListRoom, MailingListRoom.room_id == Room.id)
            .where(MailingListRoom.user_id == user_id)
            .order_by(Room.slug)
        )
    )


def readers_by_mail(room_id: int) -> list[int]:
    return list(
        db.session.scalars(
            select(MailingListRoom.user_id)
            .where(MailingListRoom.room_id == room_id)
            .order_by(MailingListRoom.user_id)
        )
    )


def rooms_to_choose(user) -> list[Room]:
    """The open rooms `user` belongs to, in the rooms' own order: those they may read by
    mail (an archived room gets no new posts)."""
    return list(
        db.session.scalars(
            select(Room)
            .join(RoomMembership, RoomMembership.room_id == Room.id)
            .where(RoomMembership.user_id == user.id, Room.archived_at.is_(None))
            .order_by(Room.position, Room.id)
        )
    )


def check_rooms(user, room_ids) -> set[int]:
    """The rooms chosen, as ids, if each is one `user` may choose; else MailingListError."""
    allowed = {room.id for room in rooms_to_choose(user)}
    chosen = set()
    for value in room_ids:
        text = str(value).strip()
        if not text.isdigit() or int(text) not in allowed:
            raise MailingListError(_("Choose only rooms you belong to."))
        chosen.add(int(text))
    return chosen


def choose_rooms(user, room_ids) -> None:
    """Read exactly these rooms by mail, and no others; checked whole before saving."""
    chosen = check_rooms(user, room_ids)
    db.session.execute(
        delete(MailingListRoom).where(
            MailingListRoom.user_id == user.id, MailingListRoom.room_id.not_in(chosen)
        )
    )
    db.session.add_all(
        MailingListRoom(user_id=user.id, room_id=room_id)
        for room_id in sorted(chosen - rooms_read_by_mail(user.id))
    )
    db.session.commit()


@when_leaving
def stop_on_leaving(user, room) -> None:
    """Someone who leaves a room no longer gets its posts (the caller commits)."""
    _stop(user.id, room.id)


def _stop(user_id: int, room_id: int) -> None:
    db.session.execute(
        delete(MailingListRoom).where(
            MailingListRoom.user_id == user_id, MailingListRoom.room_id == room_id
        )
    )


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="mailing-list-unsubscribe")


def unsubscribe_token(user_id: int, room_id: int) -> str:
    """Signed, so the link in a list mail stops that room's mail, for its owner only,
    without signing in (RFC 8058)."""
    return _serializer().dumps([user_id, room_id])


def _token_owner(token: str) -> tuple[int, int] | None:
    """(user id, room id) of a token we signed; None for any other."""
    try:
        user_id, room_id = (int(part) for part in _serializer().loads(token))
    except (BadSignature, TypeError, ValueError):
        return None
    return user_id, room_id


def token_room(token: str) -> Room | None:
    """The room a list mail's unsubscribe token names; None for a token that is not ours."""
    owner = _token_owner(token)
    return db.session.get(Room, owner[1]) if owner else None


def unsubscribe(token: str) -> bool:
    """Stop mailing-list mode for the token's room and person; False for a token not ours."""
    owner = _token_owner(token)
    if owner is None:
        return False
    _stop(*owner)
    db.session.commit()
    return True
