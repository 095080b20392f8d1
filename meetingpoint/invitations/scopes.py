"""What an invitation is to: the site, a room or an Academy; who may invite to it, and
what accepting does."""

from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from werkzeug.exceptions import Forbidden, NotFound

from ..academy.models import Academy, Enrolment
from ..academy.services import access_academy, admit
from ..academy.staff import is_staff
from ..accounts.standing import in_good_standing
from ..extensions import db
from ..rooms.models import Room, RoomMembership
from ..rooms.services import access_room, join_room
from .models import ACADEMY, FACILITATOR, MEMBER, PARTICIPANT, ROOM, SITE

ROLE_LABELS = {
    MEMBER: _l("Member"),
    PARTICIPANT: _l("Participant"),
    FACILITATOR: _l("Facilitator"),
}


@dataclass(frozen=True)
class Scope:
    kind: str
    target: Room | Academy | None = None

    @property
    def id(self) -> int | None:
        return self.target.id if self.target is not None else None

    @property
    def key(self) -> str:
        """The scope in a URL: "site", or the room's or Academy's slug."""
        return self.target.slug if self.target is not None else SITE

    def name(self, language: str) -> str:
        if isinstance(self.target, Room):
            return self.target.text(language).name
        if isinstance(self.target, Academy):
            return self.target.text(language).title
        return "Meeting Point"

    @property
    def roles(self) -> tuple[str, ...]:
        return (PARTICIPANT, FACILITATOR) if self.kind == ACADEMY else (MEMBER,)

    def may_invite(self, user) -> bool:
        """Admins anywhere; moderators to rooms; an Academy's facilitators to it."""
        if not user.is_authenticated or not in_good_standing(user):
            return False
        if self.kind == ROOM:
            return user.is_moderator and not self.target.is_archived
        if self.kind == ACADEMY:
            return is_staff(user, self.target)
        return user.is_admin

    def holds(self, user, role: str) -> bool:
        """Whether `user` is already where the invitation would bring them."""
        return user.id in self.held_by([user.id], role)

    def held_by(self, user_ids: list[int], role: str) -> set[int]:
        """Which of `user_ids` are already there, in one query (a list holds 1,000)."""
        if isinstance(self.target, Room):
            return set(
                db.session.scalars(
                    select(RoomMembership.user_id).where(
                        RoomMembership.room_id == self.target.id,
                        RoomMembership.user_id.in_(user_ids),
                    )
                )
            )
        if isinstance(self.target, Academy):
            enrolled = db.session.execute(
                select(Enrolment.user_id, Enrolment.role).where(
                    Enrolment.academy_id == self.target.id, Enrolment.user_id.in_(user_ids)
                )
            )
            return {uid for uid, held in enrolled
                    if held == FACILITATOR or held == role == PARTICIPANT}  # fmt: skip
        return set(user_ids)  # an account is all the site asks

    def admit(self, user, role: str) -> None:
        if isinstance(self.target, Room):
            join_room(user, self.target)
        elif isinstance(self.target, Academy):
            admit(user, self.target, role)

    def landing(self, language: str) -> str:
        if isinstance(self.target, Room):
            return url_for("rooms.show", slug=self.target.slug, lang_code=language)
        if isinstance(self.target, Academy):
            return url_for("academy.show", slug=self.target.slug, lang_code=language)
        return url_for("main.home", lang_code=language)

    def manage_url(self, **values) -> str:
        return url_for("invitations.manage", kind=self.kind, key=self.key, **values)


def scope_for(kind: str, key: str) -> Scope:
    """The scope a staff page names, or 404."""
    if kind == ROOM:
        return Scope(ROOM, access_room(key))
    if kind == ACADEMY:
        return Scope(ACADEMY, access_academy(key))
    if kind == SITE and key == SITE:
        return Scope(SITE)
    raise NotFound


def scope_of(kind: str, target_id: int | None) -> Scope:
    """The scope an invitation or link was made for."""
    if kind == ROOM:
        return Scope(ROOM, db.session.get_one(Room, target_id))
    if kind == ACADEMY:
        return Scope(ACADEMY, db.session.get_one(Academy, target_id))
    return Scope(SITE)


def staff_scope(kind: str, key: str, user) -> Scope:
    scope = scope_for(kind, key)
    if not scope.may_invite(user):
        raise Forbidden
    return scope
