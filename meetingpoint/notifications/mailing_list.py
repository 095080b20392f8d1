"""Mailing-list mode: every new post of the rooms a person chose, whole, by mail."""

from sqlalchemy import ForeignKey, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class MailingListRoom(db.Model):
    """A person reads this room by mail, each post as it is published."""

    __tablename__ = "mailing_list_rooms"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    room_id: Mapped[int] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True
    )


def reads_by_mail(user_id: int, room_id: int) -> bool:
    return db.session.get(MailingListRoom, (user_id, room_id)) is not None


def rooms_read_by_mail(user_id: int) -> set[int]:
    return set(
        db.session.scalars(
            select(MailingListRoom.room_id).where(MailingListRoom.user_id == user_id)
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
