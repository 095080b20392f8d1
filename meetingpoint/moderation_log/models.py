"""One row per moderation action, written in the same transaction as the action itself."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db

# What an action was done to: its kind names the table `target_id` points into. Plain ids,
# not foreign keys: the log outlives what it describes and must never block a deletion.
POST, TOPIC, USER, REPORT, CHAT_MESSAGE = "post", "topic", "user", "report", "message"


class ModerationAction(db.Model):
    __tablename__ = "moderation_actions"
    # The log is read newest first, whole or for one action.
    __table_args__ = (Index("ix_moderation_actions_action_id", "action", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(24))
    target_kind: Mapped[str] = mapped_column(String(12))
    target_id: Mapped[int | None] = mapped_column(Integer)
    # Whose post, message or account it was.
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # What else a reader needs: a new role, a date, the room a topic moved to.
    detail: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    subject: Mapped[User | None] = relationship(foreign_keys=[subject_id])
