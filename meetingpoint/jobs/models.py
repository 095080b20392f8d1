"""What makes a job run once (its claimed key) and what an admin must look at (dead jobs)."""

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class JobClaim(db.Model):
    """A run of a job's key: written before the work, finished after it. A claim left
    unfinished is a run that died half-way (a killed worker): see running.py."""

    __tablename__ = "job_claims"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DeadJob(db.Model):
    """A job that failed its last attempt, or was found interrupted: kept for an admin to
    read and send again from /admin/jobs."""

    __tablename__ = "dead_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    arguments: Mapped[str] = mapped_column(Text)  # JSON, as the job was queued
    base_url: Mapped[str] = mapped_column(String(300))
    error: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
