"""Whom a participant muted, and whether they also blocked them from messaging."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db


class PersonMute(db.Model):
    """`user` muted `muted` (their writing collapsed, no notifications from them); when
    `blocked`, `muted` may also not message `user`. Blocking always mutes."""

    __tablename__ = "person_mutes"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # Indexed for the reverse question asked on every notification: who muted this actor?
    muted_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    muted: Mapped[User] = relationship(foreign_keys=[muted_id])
