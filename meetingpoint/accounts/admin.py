"""Account changes only an operator makes: creating admins and changing roles."""

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from ..forms import PASSWORD_MAX, PASSWORD_MIN
from ..moderation_log import models as log
from ..moderation_log.services import record
from .models import ROLE_ADMIN, ROLES, User
from .services import set_password


def _normalise(email: str) -> str:
    try:
        return validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise ValueError(f"Not a valid email address: {error}") from error


def create_or_promote_admin(email: str, display_name: str, password: str) -> tuple[User, bool]:
    """A confirmed admin with this email: created, or an existing account promoted."""
    email = _normalise(email)
    user = db.session.scalar(select(User).where(User.email == email))
    if user is not None:
        _log_role(user, ROLE_ADMIN)
        user.role = ROLE_ADMIN
        user.email_verified_at = user.email_verified_at or utcnow()
        db.session.commit()
        return user, False
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise ValueError(f"The password needs {PASSWORD_MIN} to {PASSWORD_MAX} characters.")
    if not display_name.strip():
        raise ValueError("A display name is required.")
    user = User(
        email=email,
        display_name=display_name.strip()[:80],
        role=ROLE_ADMIN,
        email_verified_at=utcnow(),
    )
    set_password(user, password)
    db.session.add(user)
    db.session.commit()
    return user, True


def _log_role(user: User, role: str) -> None:
    if user.role != role:  # by the operator: no actor
        record(None, "role", log.USER, user.id, user.id, f"{user.role} → {role}")


def change_role(email: str, role: str) -> User:
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}.")
    user = db.session.scalar(select(User).where(User.email == _normalise(email)))
    if user is None:
        raise ValueError(f"No account with email {email}.")
    _log_role(user, role)
    user.role = role
    db.session.commit()
    return user
