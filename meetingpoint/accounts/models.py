"""Participants, the languages they speak, and single-use account tokens."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from .standing import in_good_standing

ROLE_MEMBER, ROLE_MODERATOR, ROLE_ADMIN = "member", "moderator", "admin"
ROLES = (ROLE_MEMBER, ROLE_MODERATOR, ROLE_ADMIN)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased; NULL once the account is deleted, so the address can sign up again.
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Bumped on password change or reset: every other session and remember-me cookie ends.
    auth_version: Mapped[int] = mapped_column(Integer, default=1)
    display_name: Mapped[str] = mapped_column(String(80), index=True)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    organisation: Mapped[str] = mapped_column(String(160), default="", index=True)
    constituency: Mapped[str | None] = mapped_column(String(20), index=True)
    bio: Mapped[str] = mapped_column(Text, default="")
    locale: Mapped[str] = mapped_column(String(5), default="en")
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    role: Mapped[str] = mapped_column(String(12), default=ROLE_MEMBER)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # A suspended participant reads but cannot write until this moment.
    suspended_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Pictures in posts at their medium size rather than the light preview (a fast link).
    load_pictures: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    languages: Mapped[list["UserLanguage"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    def get_id(self) -> str:
        return f"{self.id}:{self.auth_version}"

    @property
    def is_active(self) -> bool:
        return self.deleted_at is None and self.email_verified_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_until is not None and self.suspended_until > utcnow()

    # A role's powers apply only in good standing (standing.py): every check of is_admin and
    # is_moderator refuses a suspended admin or moderator.
    @property
    def is_admin(self) -> bool:
        return self.role == ROLE_ADMIN and in_good_standing(self)

    @property
    def is_moderator(self) -> bool:
        return self.holds_moderator_role and in_good_standing(self)

    @property
    def holds_moderator_role(self) -> bool:
        """Moderator or admin by role, suspended or not: whom only an admin may suspend."""
        return self.role in (ROLE_MODERATOR, ROLE_ADMIN)

    @property
    def language_codes(self) -> list[str]:
        return sorted(lang.code for lang in self.languages)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.display_name!r}>"


class UserLanguage(db.Model):
    __tablename__ = "user_languages"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)

    user: Mapped[User] = relationship(back_populates="languages")


TOKEN_VERIFY_EMAIL, TOKEN_RESET_PASSWORD = "verify", "reset"


class AccountToken(db.Model):
    """A mailed link's secret. Only its hash is kept, so a database leak opens nothing."""

    __tablename__ = "account_tokens"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
