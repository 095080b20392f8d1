"""What the dashboard counts: interactions between participants, and visits (no addresses)."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime
from ..extensions import db


class Interaction(db.Model):
    """`actor` reached `partner`: replied to them, mentioned them, wrote to them directly,
    or answered them in a room's chat. Countries are kept as they were at the time, so a
    participant who moves does not rewrite the past."""

    __tablename__ = "interactions"
    __table_args__ = (
        Index("ix_interactions_room_time", "room_id", "occurred_at"),
        # Everything a period's figures read, in time order: the rows come from the index
        # alone, without a look-up in the table for each.
        Index(
            "ix_interactions_period",
            "occurred_at",
            "actor_id",
            "partner_id",
            "actor_country",
            "partner_country",
            "room_id",
        ),  # fmt: skip
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
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


class VisitSalt(db.Model):
    """Today's secret for hashing visitors; yesterday's is deleted, so no hash can be linked
    back to an address or an account afterwards."""

    __tablename__ = "visit_salts"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    salt: Mapped[str] = mapped_column(String(64))


class PageViewCount(db.Model):
    """Page views per day (UTC), place ("" the whole site, "room:<slug>", "academy:<slug>"),
    interface language and, for signed-in members, country."""

    __tablename__ = "page_view_counts"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    scope: Mapped[str] = mapped_column(String(90), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    country: Mapped[str] = mapped_column(String(2), primary_key=True)  # "" for visitors
    views: Mapped[int] = mapped_column(Integer, default=0)


class DailyVisitor(db.Model):
    """One row per distinct visitor, day and place: a salted hash, never an address."""

    __tablename__ = "daily_visitors"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    scope: Mapped[str] = mapped_column(String(90), primary_key=True)
    visitor: Mapped[str] = mapped_column(String(32), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    country: Mapped[str] = mapped_column(String(2))


class PeriodFigures(db.Model):
    """A period's figures for one place, worked out once: a period that is over never
    changes, so its figures are kept for good; the current one's are worked out again
    when they are DASHBOARD_FRESH_SECONDS old."""

    __tablename__ = "dashboard_period_figures"

    scope: Mapped[str] = mapped_column(String(90), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    first_day: Mapped[date] = mapped_column(Date, primary_key=True)
    zone: Mapped[str] = mapped_column(String(64), primary_key=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    figures: Mapped[str] = mapped_column(Text)  # JSON
