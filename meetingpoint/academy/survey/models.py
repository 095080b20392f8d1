"""An Academy's questionnaire on views, concerns and needs: questions and their options (in
each language), and the answers, kept apart from who gave them when it is anonymous."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import UTCDateTime, utcnow
from ...extensions import db
from ...i18n import in_language

SINGLE, MULTIPLE, FREE_TEXT = "single", "multiple", "text"


class SurveyQuestion(db.Model):
    """A question of an Academy's views, concerns and needs questionnaire."""

    __tablename__ = "academy_survey_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    academy_id: Mapped[int] = mapped_column(
        ForeignKey("academies.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(10))

    texts: Mapped[list["SurveyQuestionText"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    options: Mapped[list["SurveyOption"]] = relationship(
        cascade="all, delete-orphan", order_by="SurveyOption.position", lazy="selectin"
    )

    def text(self, language: str) -> "SurveyQuestionText":
        return in_language(self.texts, language)


class SurveyQuestionText(db.Model):
    __tablename__ = "academy_survey_question_texts"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("academy_survey_questions.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    prompt: Mapped[str] = mapped_column(Text)


class SurveyOption(db.Model):
    __tablename__ = "academy_survey_options"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("academy_survey_questions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    texts: Mapped[list["SurveyOptionText"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    def text(self, language: str) -> "SurveyOptionText":
        return in_language(self.texts, language)


class SurveyOptionText(db.Model):
    __tablename__ = "academy_survey_option_texts"

    option_id: Mapped[int] = mapped_column(
        ForeignKey("academy_survey_options.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))


class SurveyResponse(db.Model):
    """One person's answers. In an anonymous questionnaire `respondent` is a keyed hash, so
    the person can come back and change their answers while nobody reading the results, not
    even a facilitator, can tell whose they are."""

    __tablename__ = "academy_survey_responses"
    __table_args__ = (UniqueConstraint("academy_id", "respondent"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    academy_id: Mapped[int] = mapped_column(ForeignKey("academies.id", ondelete="CASCADE"))
    respondent: Mapped[str] = mapped_column(String(64))
    # Set only when the questionnaire is not anonymous.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Where the answers come from, for results by region and constituency, without who.
    region: Mapped[str] = mapped_column(String(20), default="")
    constituency: Mapped[str] = mapped_column(String(20), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    answers: Mapped[list["SurveyAnswer"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class SurveyAnswer(db.Model):
    __tablename__ = "academy_survey_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("academy_survey_responses.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("academy_survey_questions.id", ondelete="CASCADE")
    )
    option_id: Mapped[int | None] = mapped_column(
        ForeignKey("academy_survey_options.id", ondelete="CASCADE")
    )
    text: Mapped[str | None] = mapped_column(Text)


class SurveyCompletion(db.Model):
    """Who has answered (for the checklist and the facilitators' reminders), kept apart
    from what they answered."""

    __tablename__ = "academy_survey_completions"

    academy_id: Mapped[int] = mapped_column(
        ForeignKey("academies.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
