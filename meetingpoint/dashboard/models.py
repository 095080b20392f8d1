"""One row per interaction between two participants: what the coupling figures count."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime
from ..extensions import db


class Interaction(db.Model):
    """`actor` reached `partner`: replied to them, mentioned them, wrote to them directly,
    or answered them in a room's chat. Countries are kept as they were at the time, so a
    participant who moves does not rewrite the past."""

    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_room_time", "room_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(12))
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    actor_country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    partner_country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("rooms.id", ondelete="SET NULL"), nullable=True
    )
