"""Inviting a list: the preview, the invitations made all at once or not at all, their
single-use links, accepting one, resending and revoking; rate limited per staff member."""

import base64
import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from ..accounts.models import User
from ..accounts.passwords import hash_password
from ..accounts.services import apply_profile
from ..database import utcnow
from ..extensions import db
from ..inputs import LARGEST_ID
from ..jobs import later
from ..rooms.services import RoomError
from . import lists
from .models import Invitation
from .scopes import Scope, scope_of

_ID = re.compile(r"[0-9]{1,10}")  # ASCII digits: str.isdigit() also takes "²"


class InvitationError(Exception):
    """A refusal staff or an invitee can act on; str() is translated."""


def preview(scope: Scope, text: str, role: str) -> list[lists.Line]:
    """Each line of the list with what inviting it would do; nothing is written."""
    lines = lists.read_lines(text)
    lists.check_fields(lines)
    candidates = [line for line in lines if line.outcome == lists.NEW]
    addresses = [line.email for line in candidates]
    people = {
        user.email: user
        for user in db.session.scalars(select(User).where(User.email.in_(addresses)))
    } if addresses else {}  # fmt: skip
    pending = _pending_for(scope, addresses)
    there = scope.held_by([person.id for person in people.values()], role) if people else set()
    for line in candidates:
        person = people.get(line.email)
        if person is not None and person.id in there:
            line.outcome = lists.MEMBER
        elif line.email in pending:
            line.outcome = lists.INVITED
        elif person is not None:
            line.outcome = lists.ACCOUNT
    return lines


def _pending_for(scope: Scope, addresses: list[str]) -> set[str]:
    if not addresses:
        return set()
    return set(
        db.session.scalars(
            select(Invitation.email).where(
                Invitation.scope == scope.kind,
                Invitation.scope_id.is_(None) if scope.id is None
                else Invitation.scope_id == scope.id,
                Invitation.email.in_(addresses),
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > utcnow(),
            )
        )
    )  # fmt: skip


def invite(staff, scope: Scope, text: str, role: str) -> list[Invitation]:
    """Invite every line the preview accepts, in one transaction: all of them or none.
    Each mail is queued once the commit is done."""
    if role not in scope.roles:
        raise InvitationError(_("Choose a role offered here."))
    lines = [line for line in preview(scope, text, role) if line.invited]
    if not lines:
        raise InvitationError(_("Nobody on this list can be invited."))
    _check_pace(staff, len(lines))
    now = utcnow()
    expires = now + timedelta(days=current_app.config["INVITATION_DAYS"])
    made = [
        Invitation(
            scope=scope.kind, scope_id=scope.id, role=role, email=line.email,
            display_name=line.display_name, country=line.country,
            organisation=line.organisation, constituency=line.constituency,
            locale=line.locale or staff.locale, invited_by=staff.id,
            salt=secrets.token_hex(8), created_at=now, expires_at=expires,
        )
        for line in lines
    ]  # fmt: skip
    db.session.add_all(made)
    db.session.flush()
    _queue_mail(made)
    db.session.commit()
    return made


def _queue_mail(invitations: list[Invitation]) -> None:
    from .sending import send_invitation  # the job lives with the mail it writes

    for invitation in invitations:
        later(send_invitation, invitation.id, invitation.salt)


def _check_pace(staff, adding: int) -> None:
    """At most INVITATIONS_PER_DAY mails (new and sent again) from one person a day,
    counted as they are made, not as they go (a queue may still hold them)."""
    limit = current_app.config["INVITATIONS_PER_DAY"]
    day_ago = utcnow() - timedelta(days=1)
    made = db.session.scalar(
        select(func.count()).where(Invitation.invited_by == staff.id,
                                   Invitation.created_at > day_ago)
    )  # fmt: skip
    again = db.session.scalar(
        select(func.coalesce(func.sum(Invitation.sent_count - 1), 0)).where(
            Invitation.invited_by == staff.id,
            Invitation.sent_count > 1,
            Invitation.last_sent_at > day_ago,
        )
    )
    sent = made + again
    if sent + adding > limit:
        raise InvitationError(
            _(
                "You can send %(limit)d invitations a day, and have sent %(sent)d: "
                "send the rest tomorrow.",
                limit=limit,
                sent=sent,
            )
        )


def token_of(invitation: Invitation) -> str:
    return f"{invitation.id}-{_signature(invitation.id, invitation.salt)}"


def _signature(invitation_id: int, salt: str) -> str:
    secret = hashlib.sha256(current_app.config["SECRET_KEY"].encode() + b"|invite").digest()
    digest = hmac.new(secret, f"{invitation_id}|{salt}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode().lower()[:26]


def invitation_for(token: str) -> Invitation:
    """The invitation a link names, if it may still be accepted; InvitationError says why
    not (the same words for an unknown link and a link whose signature is wrong)."""
    number, _dash, signature = (token or "").partition("-")
    known = _ID.fullmatch(number) is not None and int(number) <= LARGEST_ID
    invitation = db.session.get(Invitation, int(number)) if known else None
    if invitation is None or not hmac.compare_digest(
        signature, _signature(invitation.id, invitation.salt)
    ):
        raise InvitationError(_("This invitation link is not valid. Ask for a new one."))
    if invitation.accepted_at is not None:
        raise InvitationError(_("This invitation has been used already. Sign in to continue."))
    if invitation.revoked_at is not None:
        raise InvitationError(_("This invitation was withdrawn."))
    if invitation.expires_at <= utcnow():
        raise InvitationError(_("This invitation has expired. Ask for a new one."))
    return invitation


def accept(invitation: Invitation, user) -> Scope:
    """`user` takes the invitation: brought in, and the link spent."""
    if (user.email or "").lower() != invitation.email:
        raise InvitationError(
            _("This invitation is for %(address)s. Sign out, then open it again.",
              address=invitation.email)
        )  # fmt: skip
    scope = scope_of(invitation.scope, invitation.scope_id)
    invitation.accepted_at, invitation.accepted_by = utcnow(), user.id
    db.session.flush()
    admit(scope, user, invitation.role)
    return scope


def admit(scope: Scope, user, role: str) -> None:
    """Bring `user` in and commit; a room archived since stops it (nothing is kept)."""
    try:
        scope.admit(user, role)
    except RoomError as error:
        db.session.rollback()
        raise InvitationError(str(error)) from None
    db.session.commit()


def resend(staff, invitation: Invitation) -> None:
    """A new link (the old one stops working) and a new mail, at most once an hour."""
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise InvitationError(_("This invitation can no longer be sent."))
    if invitation.last_sent_at and invitation.last_sent_at > utcnow() - timedelta(hours=1):
        raise InvitationError(_("This invitation was sent less than an hour ago."))
    _check_pace(staff, 1)
    invitation.salt = secrets.token_hex(8)
    invitation.expires_at = utcnow() + timedelta(days=current_app.config["INVITATION_DAYS"])
    invitation.bounced_at, invitation.bounce_reason = None, ""
    _queue_mail([invitation])
    db.session.commit()


def revoke(invitation: Invitation) -> None:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = utcnow()
        db.session.commit()


def invitation_in(scope: Scope, invitation_id: int) -> Invitation:
    from werkzeug.exceptions import NotFound

    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or (invitation.scope, invitation.scope_id) != (scope.kind, scope.id):
        raise NotFound
    return invitation


def invitations_of(scope: Scope, page: int):
    query = (
        select(Invitation)
        .where(Invitation.scope == scope.kind)
        .where(Invitation.scope_id.is_(None) if scope.id is None
               else Invitation.scope_id == scope.id)
        .order_by(Invitation.id.desc())
    )  # fmt: skip
    return db.paginate(query, page=max(page, 1), per_page=100, error_out=False)


def state_of(invitation: Invitation) -> str:
    """joined, revoked, bounced, expired, or sent (or waiting to be sent)."""
    if invitation.accepted_at is not None:
        return "joined"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.bounced_at is not None:
        return "bounced"
    if invitation.expires_at <= utcnow():
        return "expired"
    return "sent" if invitation.last_sent_at else "waiting"


def account_for(invitation: Invitation, password: str, profile) -> User:
    """A new person's account from their invitation: the link confirmed the address."""
    if db.session.scalar(select(User.id).where(User.email == invitation.email)) is not None:
        raise InvitationError(_("An account has this address already: sign in to accept."))
    user = User(email=invitation.email, password_hash=hash_password(password),
                email_verified_at=utcnow())  # fmt: skip
    apply_profile(user, profile)
    db.session.add(user)
    db.session.flush()
    return user


def owner_of(invitation: Invitation) -> User | None:
    return db.session.scalar(select(User).where(User.email == invitation.email))
