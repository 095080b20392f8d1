"""Academies, their modules and key questions (texts in each language), and who takes part."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import in_language

ENROL_OPEN, ENROL_INVITATION = "open", "invitation"
PARTICIPANT, OBSERVER, FACILITATOR = "participant", "observer", "facilitator"


class Academy(db.Model):
    """Face-to-face days are dates in the venue's time zone; the pre-learning window is
    a pair of instants (stored in UTC), shown in each reader's own zone."""

    __tablename__ = "academies"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    venue: Mapped[str] = mapped_column(String(160), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    country: Mapped[str] = mapped_column(String(2))
    time_zone: Mapped[str] = mapped_column(String(64))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    prelearning_opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    prelearning_closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    follow_up_ends_on: Mapped[date] = mapped_column(Date)
    enrolment: Mapped[str] = mapped_column(String(12), default=ENROL_OPEN)
    # Only a hash: the code itself is handed out by the organisers.
    invitation_code_hash: Mapped[str | None] = mapped_column(String(255))
    survey_anonymous: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    texts: Mapped[list["AcademyText"]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    modules: Mapped[list["Module"]] = relationship(
        cascade="all, delete-orphan", order_by="Module.position", back_populates="academy"
    )

    def text(self, language: str) -> "AcademyText":
        return in_language(self.texts, language)


class AcademyText(db.Model):
    __tablename__ = "academy_texts"

    academy_id: Mapped[int] = mapped_column(
        ForeignKey("academies.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Module(db.Model):
    __tablename__ = "academy_modules"
    __table_args__ = (UniqueConstraint("academy_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    academy_id: Mapped[int] = mapped_column(ForeignKey("academies.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)

    academy: Mapped[Academy] = relationship(back_populates="modules")
    texts: Mapped[list["ModuleText"]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    questions: Mapped[list["KeyQuestion"]] = relationship(
        cascade="all, delete-orphan", order_by="KeyQuestion.position", lazy="selectin"
    )
    rooms: Mapped[list["ModuleRoom"]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    readings: Mapped[list["Reading"]] = relationship(
        cascade="all, delete-orphan", order_by="Reading.position", lazy="selectin"
    )
    facilitators: Mapped[list["ModuleFacilitator"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    def text(self, language: str) -> "ModuleText":
        return in_language(self.texts, language)


class ModuleText(db.Model):
    __tablename__ = "academy_module_texts"

    module_id: Mapped[int] = mapped_column(
        ForeignKey("academy_modules.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    principles: Mapped[str] = mapped_column(Text, default="")


class KeyQuestion(db.Model):
    __tablename__ = "academy_key_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("academy_modules.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Its threaded discussion: a forum topic in the module's room, opened by the staff.
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topics.id", ondelete="SET NULL"), index=True
    )
    # Each writes their own answer before reading the others' (Moodle's Q&A forum).
    answer_first: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Read and answered by the participants (and staff) only, not by observers.
    participants_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    texts: Mapped[list["KeyQuestionText"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    def text(self, language: str) -> "KeyQuestionText":
        return in_language(self.texts, language)


class KeyQuestionText(db.Model):
    __tablename__ = "academy_key_question_texts"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("academy_key_questions.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class ModuleRoom(db.Model):
    """The thematic rooms a module belongs to: its talk continues there after the Academy."""

    __tablename__ = "academy_module_rooms"

    module_id: Mapped[int] = mapped_column(
        ForeignKey("academy_modules.id", ondelete="CASCADE"), primary_key=True
    )
    room_id: Mapped[int] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True
    )


class ModuleFacilitator(db.Model):
    """Who leads a module: one of the Academy's facilitators."""

    __tablename__ = "academy_module_facilitators"

    module_id: Mapped[int] = mapped_column(
        ForeignKey("academy_modules.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Enrolment(db.Model):
    """Who takes part, and how: participant, observer (follows and reads) or facilitator."""

    __tablename__ = "academy_enrolments"

    academy_id: Mapped[int] = mapped_column(
        ForeignKey("academies.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(12), default=OBSERVER)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AgendaSession(db.Model):
    """A session of the face-to-face programme. Stored as UTC instants; entered and shown
    in the venue's time, and shown again in each reader's own."""

    __tablename__ = "academy_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    academy_id: Mapped[int] = mapped_column(
        ForeignKey("academies.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("academy_modules.id", ondelete="SET NULL")
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(120), default="")

    texts: Mapped[list["AgendaSessionText"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    def text(self, language: str) -> "AgendaSessionText":
        return in_language(self.texts, language)


class AgendaSessionText(db.Model):
    __tablename__ = "academy_session_texts"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("academy_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))


class Introduction(db.Model):
    """One per participant and Academy: who they are and what they bring and hope for."""

    __tablename__ = "academy_introductions"

    academy_id: Mapped[int] = mapped_column(
        ForeignKey("academies.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    language: Mapped[str] = mapped_column(String(8))
    about: Mapped[str] = mapped_column(Text)
    work: Mapped[str] = mapped_column(Text, default="")
    brings: Mapped[str] = mapped_column(Text, default="")
    hopes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class Announcement(db.Model):
    """A message from the Academy's staff to everyone enrolled, in one or more languages;
    each recipient reads (and is mailed) the version in their own language."""

    __tablename__ = "academy_announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    academy_id: Mapped[int] = mapped_column(
        ForeignKey("academies.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    texts: Mapped[list["AnnouncementText"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    def text(self, language: str) -> "AnnouncementText":
        return in_language(self.texts, language)


class AnnouncementText(db.Model):
    __tablename__ = "academy_announcement_texts"

    announcement_id: Mapped[int] = mapped_column(
        ForeignKey("academy_announcements.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class ModuleVisit(db.Model):
    """The first time someone enrolled opened a module: their checklist ticks it."""

    __tablename__ = "academy_module_visits"

    module_id: Mapped[int] = mapped_column(
        ForeignKey("academy_modules.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Reading(db.Model):
    """Something to read before a module: a link, titled, in the language it is written in."""

    __tablename__ = "academy_readings"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        ForeignKey("academy_modules.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    language: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(500))


# The questionnaire's models live beside these; importing them here registers them with
# every Academy model, and keeps `from .models import SurveyResponse` working.
from .survey.models import (  # noqa: E402,F401
    FREE_TEXT,
    MULTIPLE,
    SINGLE,
    SurveyAnswer,
    SurveyCompletion,
    SurveyOption,
    SurveyOptionText,
    SurveyQuestion,
    SurveyQuestionText,
    SurveyResponse,
)
