"""Invite links: shared by staff, good until they expire, run out of uses or are revoked;
each use recorded."""

import secrets
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update
from werkzeug.exceptions import NotFound

from ..database import utcnow
from ..extensions import db
from .models import InviteLink, InviteLinkUse
from .scopes import Scope, scope_of
from .services import InvitationError, admit

MAX_DAYS, MAX_USES = 365, 10_000


def create_link(staff, scope: Scope, role: str, days: int, max_uses: int) -> InviteLink:
    if role not in scope.roles:
        raise InvitationError(_("Choose a role offered here."))
    if not (1 <= days <= MAX_DAYS and 1 <= max_uses <= MAX_USES):
        raise InvitationError(
            _("A link lasts 1 to %(days)d days and serves 1 to %(uses)d people.",
              days=MAX_DAYS, uses=MAX_USES)
        )  # fmt: skip
    link = InviteLink(
        token=secrets.token_urlsafe(18), scope=scope.kind, scope_id=scope.id, role=role,
        created_by=staff.id, expires_at=utcnow() + timedelta(days=days), max_uses=max_uses,
    )  # fmt: skip
    db.session.add(link)
    db.session.commit()
    return link


def link_for(token: str) -> InviteLink:
    """A link that may still be used; InvitationError says why not."""
    link = db.session.scalar(select(InviteLink).where(InviteLink.token == token))
    if link is None:
        raise InvitationError(_("This invitation link is not valid. Ask for a new one."))
    if link.revoked_at is not None:
        raise InvitationError(_("This invitation was withdrawn."))
    if link.expires_at <= utcnow():
        raise InvitationError(_("This invitation has expired. Ask for a new one."))
    if link.uses >= link.max_uses:
        raise InvitationError(_("This invitation link has been used as often as it may."))
    return link


def use_link(link: InviteLink, user) -> Scope:
    """Bring `user` in through `link`, counting the use (one UPDATE, so two people at once
    cannot both take its last use); someone already there uses nothing."""
    scope = scope_of(link.scope, link.scope_id)
    if scope.holds(user, link.role):
        return scope
    taken = db.session.execute(
        update(InviteLink)
        .where(InviteLink.id == link.id, InviteLink.uses < InviteLink.max_uses,
               InviteLink.revoked_at.is_(None), InviteLink.expires_at > utcnow())
        .values(uses=InviteLink.uses + 1)
    )  # fmt: skip
    if taken.rowcount != 1:
        db.session.rollback()
        raise InvitationError(_("This invitation link has been used as often as it may."))
    db.session.add(InviteLinkUse(link_id=link.id, user_id=user.id))
    db.session.flush()
    admit(scope, user, link.role)
    return scope


def links_of(scope: Scope) -> list[InviteLink]:
    query = select(InviteLink).where(InviteLink.scope == scope.kind)
    query = query.where(
        InviteLink.scope_id.is_(None) if scope.id is None else InviteLink.scope_id == scope.id
    )
    return list(db.session.scalars(query.order_by(InviteLink.id.desc())))


def link_in(scope: Scope, link_id: int) -> InviteLink:
    link = db.session.get(InviteLink, link_id)
    if link is None or (link.scope, link.scope_id) != (scope.kind, scope.id):
        raise NotFound
    return link


def revoke_link(link: InviteLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        db.session.commit()
