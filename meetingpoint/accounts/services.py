"""The one path for each change to a participant's profile, password and personal data."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from flask_babel import gettext as _
from werkzeug.exceptions import Forbidden

from ..database import utcnow
from ..extensions import db
from ..mail.addresses import revoke_reply_keys
from ..mail.bounces import resume
from ..moderation_log import models as log
from ..moderation_log.services import record
from . import privacy
from .models import ROLES, AccountToken, User, UserLanguage
from .passwords import hash_password, password_matches


class AccountError(Exception):
    """A change refused for a reason the person can act on; str() is translated."""


@dataclass
class ProfileData:
    display_name: str
    country: str
    organisation: str
    constituency: str
    languages: list[str]
    locale: str
    time_zone: str
    bio: str = ""


def set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)


def apply_profile(user: User, profile: ProfileData) -> None:
    """Copy profile fields onto `user` (shared by sign-up and profile editing)."""
    user.display_name = profile.display_name.strip()
    user.country = profile.country
    user.organisation = (profile.organisation or "").strip()
    user.constituency = profile.constituency
    user.locale = profile.locale
    user.time_zone = profile.time_zone
    user.bio = (profile.bio or "").strip()
    wanted = set(profile.languages)
    kept = [lang for lang in user.languages if lang.code in wanted]
    added = [UserLanguage(code=code) for code in sorted(wanted - set(user.language_codes))]
    user.languages = kept + added


def update_profile(user: User, profile: ProfileData, load_pictures: bool = False) -> None:
    """Save a participant's edited profile and settings."""
    apply_profile(user, profile)
    user.load_pictures = bool(load_pictures)
    db.session.commit()


def change_password(user: User, current: str, new: str) -> None:
    """Change the password after checking the current one; other sessions end."""
    if not password_matches(user.password_hash, current):
        raise AccountError(_("Your current password is not correct."))
    set_password(user, new)
    user.auth_version += 1
    db.session.commit()


def set_first_password(user: User, new: str) -> None:
    """A password for an account that had none (made through a sign-in provider)."""
    if user.password_hash:
        raise AccountError(_("Your account has a password already."))
    set_password(user, new)
    db.session.commit()


def export_personal_data(user: User) -> dict:
    """Everything we hold about `user`, as JSON-ready data."""
    data = {
        "account": {
            "id": user.id,
            "email": user.email,
            "email_verified_at": _iso(user.email_verified_at),
            "display_name": user.display_name,
            "country": user.country,
            "organisation": user.organisation,
            "constituency": user.constituency,
            "languages": user.language_codes,
            "interface_language": user.locale,
            "time_zone": user.time_zone,
            "load_pictures": user.load_pictures,
            "about": user.bio,
            "role": user.role,
            "created_at": _iso(user.created_at),
        }
    }
    for section, exporter in privacy.exporters().items():
        data[section] = exporter(user)
    return data


def delete_account(user: User, password: str | None, remove_content: bool) -> None:
    """Forget who `user` was. What they wrote stays, shown as a former participant's,
    unless `remove_content` asks each feature to erase it too. An account without a
    password (made by a sign-in provider) is deleted by its signed-in owner alone."""
    if user.password_hash and not password_matches(user.password_hash, password or ""):
        raise AccountError(_("Your password is not correct."))
    for erase in privacy.erasers():
        erase(user, remove_content)
    db.session.query(AccountToken).filter_by(user_id=user.id).delete()
    revoke_reply_keys(user.id)  # no mail answers as them any more
    user.deleted_at = utcnow()
    user.email = None
    user.password_hash = None
    user.display_name = ""
    user.country = None
    user.organisation = ""
    user.constituency = None
    user.bio = ""
    user.languages = []
    user.auth_version += 1
    db.session.commit()


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def assign_role(actor: User, user: User, role: str) -> None:
    """An admin gives `user` a role. Admins cannot change their own, so one always remains."""
    if not actor.is_admin:
        raise Forbidden
    if role not in ROLES:
        raise AccountError(_("Unknown role."))
    if actor.id == user.id:
        raise AccountError(_("You cannot change your own role."))
    if user.role != role:
        record(actor, "role", log.USER, user.id, user.id, f"{user.role} → {role}")
    user.role = role
    db.session.commit()


def suspend(actor: User, user: User, until: date | None) -> None:
    """Stop `user` from writing until the start of `until` (UTC); None lifts a suspension.

    Moderators suspend members; only admins suspend moderators (or lift it), a suspended one
    included; nobody suspends themselves. A suspended moderator suspends nobody (standing.py).
    """
    if not actor.is_moderator:
        raise Forbidden
    if actor.id == user.id:
        raise AccountError(_("You cannot suspend yourself."))
    if user.holds_moderator_role and not actor.is_admin:
        raise Forbidden
    if until is None:
        user.suspended_until = None
        record(actor, "unsuspend", log.USER, user.id, user.id)
    else:
        moment = datetime.combine(until, time.min, tzinfo=UTC)
        if moment <= utcnow():
            raise AccountError(_("Choose a date in the future."))
        user.suspended_until = moment
        record(actor, "suspend", log.USER, user.id, user.id, until.isoformat())
    db.session.commit()


def resume_mail(user: User) -> None:
    """Mail to the person's address starts again after it was stopped for bouncing."""
    resume(user.email)
    db.session.commit()
