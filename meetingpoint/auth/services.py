"""The one path for each account change: register, verify, sign in, reset a password."""

import secrets

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import TOKEN_RESET_PASSWORD, TOKEN_VERIFY_EMAIL, User
from ..accounts.passwords import hash_password, password_matches
from ..accounts.services import ProfileData, apply_profile, set_password
from ..database import utcnow
from ..extensions import db
from ..jobs import job, later
from ..mail import send_templated_mail
from ..notifications.models import WEEKLY
from ..notifications.preferences import set_digest
from .tokens import consume_token, issue_token, revoke_tokens


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def register_user(
    email: str, password: str, profile: ProfileData, weekly_digest: bool = False
) -> User | None:
    """Create an unverified account and mail its verification link.

    An address that already has an account gets a mail telling its owner instead, and the
    caller answers the same way: the form must not tell anyone who has an account here.
    The password is hashed either way, so the answer takes as long too.
    """
    email = normalise_email(email)
    password_hash = hash_password(password)
    owner = find_user_by_email(email)
    if owner is not None:
        _mail_account_exists(owner)
        return None
    user = User(email=email, password_hash=password_hash)
    apply_profile(user, profile)
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:  # the same address, signed up a moment ago
        db.session.rollback()
        owner = find_user_by_email(email)
        if owner is not None:
            _mail_account_exists(owner)
        return None
    if weekly_digest:
        set_digest(user, WEEKLY)
    _issue_and_mail(user, TOKEN_VERIFY_EMAIL)
    return user


def _mail_account_exists(owner: User) -> None:
    """Tell the owner someone tried to sign up with their address (after the commit)."""
    later(mail_account_exists, owner.id, secrets.token_hex(8))
    db.session.commit()


@job("auth.account_exists", key=lambda user_id, attempt: f"account-exists:{user_id}:{attempt}")
def mail_account_exists(user_id: int, attempt: str) -> None:
    """How to get in, for the owner of an address someone tried to sign up with."""
    owner = db.session.get(User, user_id)
    if owner is None or owner.is_deleted:
        return
    send_templated_mail(
        owner,
        lambda: _("Someone tried to sign up with your address"),
        "email/account_exists.txt",
        sign_in=url_for("auth.login", lang_code=owner.locale, _external=True),
        reset=url_for("auth.reset_request", lang_code=owner.locale, _external=True),
    )


def resend_verification(email: str) -> None:
    """Mail a fresh link if the address belongs to an unverified account; silent otherwise."""
    user = find_user_by_email(email)
    if user is None or user.email_verified_at is not None or user.is_deleted:
        return
    revoke_tokens(user, TOKEN_VERIFY_EMAIL)
    _issue_and_mail(user, TOKEN_VERIFY_EMAIL)


def mail_verification(user: User) -> None:
    """Commit `user` and mail them a link to confirm their address (as sign-up does)."""
    _issue_and_mail(user, TOKEN_VERIFY_EMAIL)


def verify_email(raw_token: str) -> User:
    """Confirm the address behind a verification link (raises TokenInvalid)."""
    user = consume_token(raw_token, TOKEN_VERIFY_EMAIL)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    db.session.commit()
    return user


class LoginRefused(Exception):
    """Sign-in refused; `unverified` says the password was right but the email unconfirmed."""

    def __init__(self, unverified: bool = False):
        super().__init__()
        self.unverified = unverified


def authenticate(email: str, password: str) -> User:
    """Return the user whose credentials these are, or raise LoginRefused.

    Unknown email and wrong password are indistinguishable, in message and in time.
    """
    user = find_user_by_email(email)
    if user is None or user.is_deleted or not user.password_hash:
        password_matches(None, password)  # as slow as a real check
        raise LoginRefused
    if not password_matches(user.password_hash, password):
        raise LoginRefused
    if user.email_verified_at is None:
        raise LoginRefused(unverified=True)
    return user


def request_password_reset(email: str) -> None:
    """Mail a reset link if the account exists; say nothing either way."""
    user = find_user_by_email(email)
    if user is None or user.is_deleted:
        return
    _issue_and_mail(user, TOKEN_RESET_PASSWORD)


def reset_password(raw_token: str, new_password: str) -> User:
    """Set a new password through a reset link, once; every other session ends."""
    user = consume_token(raw_token, TOKEN_RESET_PASSWORD)
    set_password(user, new_password)
    user.auth_version += 1
    # The mailbox is proven to be theirs, which is what verification asks.
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    revoke_tokens(user, TOKEN_RESET_PASSWORD)
    db.session.commit()
    return user


# What each mailed link opens, its template, lifetime setting and subject (translated late).
_MAILED_LINKS = {
    TOKEN_VERIFY_EMAIL: (
        "auth.verify",
        "email/verify_email.txt",
        "VERIFY_TOKEN_HOURS",
        lambda: _("Confirm your email for Meeting Point"),
    ),
    TOKEN_RESET_PASSWORD: (
        "auth.reset_password",
        "email/reset_password.txt",
        "RESET_TOKEN_HOURS",
        lambda: _("Reset your Meeting Point password"),
    ),
}


def _issue_and_mail(user: User, purpose: str) -> None:
    """Commit any pending change, then mail a fresh link (a job: see `mail_link`)."""
    db.session.flush()  # a new account's id
    later(mail_link, user.id, purpose, secrets.token_hex(8))
    db.session.commit()


@job("auth.mail_link", key=lambda user_id, purpose, attempt: f"link:{user_id}:{purpose}:{attempt}")
def mail_link(user_id: int, purpose: str, attempt: str) -> None:
    """A fresh single-use token, committed, then its link mailed. The token is made here,
    so its raw value never waits in the queue; each request (`attempt`) mails once."""
    user = db.session.get(User, user_id)
    if user is None or user.is_deleted:
        return
    endpoint, template, hours_setting, subject = _MAILED_LINKS[purpose]
    hours = int(current_app.config[hours_setting])
    raw = issue_token(user, purpose, hours)
    db.session.commit()
    link = url_for(endpoint, token=raw, lang_code=user.locale, _external=True)
    send_templated_mail(user, subject, template, link=link, hours=hours)


def address_of(user_id: int) -> str | None:
    """The current address of the person a token was issued to."""
    user = db.session.get(User, user_id)
    return user.email if user is not None else None
