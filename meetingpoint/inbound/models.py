"""Each mail received: kept whole until its job has dealt with it, then only what happened."""

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db

QUEUED, POSTED, REFUSED, IGNORED, BOUNCE = "queued", "posted", "refused", "ignored", "bounce"


class InboundMail(db.Model):
    """One mail for one of our addresses (a mail to two of them is two rows). `raw` is
    dropped once it has been dealt with; `outcome` says how, for an admin and the limits."""

    __tablename__ = "inbound_mail"
    __table_args__ = (
        Index("ix_inbound_mail_sender_received", "sender", "received_at"),
        Index("ix_inbound_mail_message", "message_id", "recipient"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    envelope_from: Mapped[str] = mapped_column(String(320), default="")
    recipient: Mapped[str] = mapped_column(String(320))
    sender: Mapped[str] = mapped_column(String(320), default="")  # From, lower-cased
    message_id: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(12), default=QUEUED)
    outcome: Mapped[str] = mapped_column(String(40), default="")  # e.g. "post:12", "expired"
    detail: Mapped[str] = mapped_column(Text, default="")  # the reason given, when refused
    # Whether this mail was answered with a refusal: at most one an hour per sender.
    answered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
