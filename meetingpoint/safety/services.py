"""The one path for each mute and block, and the questions other features ask of them."""

from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..extensions import db
from .models import PersonMute


class SafetyError(Exception):
    """A mute or block refused for a reason the person can act on; str() is translated."""


def refusal() -> str:
    # Neutral on purpose: it does not say whether the person blocked you or why.
    return _("This person does not accept messages from you.")


def mute(user, person) -> None:
    """Collapse `person`'s writing for `user` and silence their notifications. Private:
    nothing tells `person`."""
    _set(user, person, blocked=None)


def block(user, person) -> None:
    """Mute `person`, and refuse their messages to `user` from now on."""
    _set(user, person, blocked=True)


def unmute(user, person) -> None:
    row = db.session.get(PersonMute, (user.id, person.id))
    if row is None:
        return
    if row.blocked:
        raise SafetyError(_("Unblock this person first: blocking also mutes."))
    db.session.delete(row)
    db.session.commit()


def unblock(user, person) -> None:
    """Let `person` message `user` again; they stay muted until unmuted."""
    row = db.session.get(PersonMute, (user.id, person.id))
    if row is not None and row.blocked:
        row.blocked = False
        db.session.commit()


def _set(user, person, blocked: bool | None) -> None:
    if person.id == user.id:
        raise SafetyError(_("You cannot mute or block yourself."))
    row = db.session.get(PersonMute, (user.id, person.id))
    if row is None:
        row = PersonMute(user_id=user.id, muted_id=person.id, blocked=bool(blocked))
        db.session.add(row)
    elif blocked:
        row.blocked = True
    try:
        db.session.commit()
    except IntegrityError:  # the same mute, sent twice at once: one row is enough
        db.session.rollback()
        if blocked:
            block(user, person)


def muted_ids(user_id: int) -> set[int]:
    return set(db.session.scalars(select(PersonMute.muted_id).where(PersonMute.user_id == user_id)))


def not_muted_by(user_id: int, author_column):
    """A condition for queries of writing: its author is not one `user_id` muted."""
    muted = select(PersonMute.muted_id).where(PersonMute.user_id == user_id)
    return or_(author_column.is_(None), author_column.not_in(muted))


def muted_by(actor_id: int | None, user_ids) -> set[int]:
    """Those among `user_ids` who muted `actor_id`: they hear nothing of what it does."""
    user_ids = set(user_ids)
    if actor_id is None or not user_ids:
        return set()
    query = select(PersonMute.user_id).where(
        PersonMute.muted_id == actor_id, PersonMute.user_id.in_(user_ids)
    )
    return set(db.session.scalars(query))


def blocked_by_any(sender_id: int, user_ids) -> bool:
    """Whether anyone among `user_ids` blocked `sender_id` from messaging them."""
    user_ids = set(user_ids) - {sender_id}
    if not user_ids:
        return False
    query = select(PersonMute.user_id).where(
        PersonMute.muted_id == sender_id,
        PersonMute.user_id.in_(user_ids),
        PersonMute.blocked.is_(True),
    )
    return db.session.scalar(query.limit(1)) is not None


def state_towards(person_id: int) -> str | None:
    """How the signed-in reader treats `person_id`: "blocked", "muted" or None."""
    if not current_user.is_authenticated:
        return None
    row = db.session.get(PersonMute, (current_user.id, person_id))
    if row is None:
        return None
    return "blocked" if row.blocked else "muted"


def mutes_of(user) -> list[PersonMute]:
    """Whom `user` muted or blocked, most recent first, with the people loaded."""
    query = (
        select(PersonMute)
        .options(joinedload(PersonMute.muted))
        .where(PersonMute.user_id == user.id)
        .order_by(PersonMute.created_at.desc(), PersonMute.muted_id)
    )
    return list(db.session.scalars(query))


class MutedPeople:
    """The reader's muted people, as templates test them (`author_id in muted_people`):
    one query on the first test, none on pages that never ask."""

    def __init__(self, user_id: int | None):
        self.user_id = user_id
        self._ids: set[int] | None = None

    @property
    def ids(self) -> set[int]:
        if self._ids is None:
            self._ids = muted_ids(self.user_id) if self.user_id else set()
        return self._ids

    def __contains__(self, person_id) -> bool:
        return person_id in self.ids

    def __iter__(self):
        return iter(sorted(self.ids))
