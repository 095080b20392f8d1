"""Machine translations kept once made: per item, target language and revision of the text."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class Translation(db.Model):
    __tablename__ = "translations"
    __table_args__ = (UniqueConstraint("item_kind", "item_id", "target", "source_digest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_kind: Mapped[str] = mapped_column(String(16))  # "post", "message", ...
    item_id: Mapped[int] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(8))
    # A digest of the text as translated: an edit gives a new digest, so a new translation.
    source_digest: Mapped[str] = mapped_column(String(64))
    source_language: Mapped[str] = mapped_column(String(8))
    html: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(String(40))
    # Who asked: what the per-person pace counts; emptied if they delete their account.
    requested_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
