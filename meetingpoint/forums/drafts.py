"""Saving, restoring and discarding drafts of topics and replies."""

from flask import abort, current_app, request
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required
from sqlalchemy import delete, select
from werkzeug.exceptions import NotFound

from ..database import utcnow
from ..errors import ForbiddenBecause
from ..extensions import db, limiter
from ..rooms.models import Room
from ..text.limits import BODY_MAX, TITLE_MAX
from . import bp
from .access import ForumError, access_post, check_can_post, check_can_reply
from .models import Draft

PLACE_KINDS = ("topic", "reply")


def draft_place(kind: str, target_id: int) -> str:
    return f"{kind}:{target_id}"


def load_draft(user, place: str) -> Draft | None:
    return db.session.get(Draft, (user.id, place)) if user.is_authenticated else None


def check_draft_target(user, kind: str, target_id: int) -> str:
    """The place of a draft `user` may keep: a room they may open a topic in, a post they
    may answer. NotFound when there is no such thing, ForumError when they may not write."""
    if kind == "topic":
        room = db.session.get(Room, target_id)
        if room is None:
            raise NotFound
        check_can_post(user, room)
    elif kind == "reply":
        parent = access_post(target_id, user)
        check_can_reply(user, parent.topic)
    else:
        raise NotFound
    return draft_place(kind, target_id)


def save_draft(user, kind: str, target_id: int, body: str, title: str = "") -> None:
    """Keep the text as typed, cut to the limits (the form will say if it is too long).

    Raises NotFound or ForumError, storing nothing, for a place `user` may not write to.
    """
    place = check_draft_target(user, kind, target_id)
    draft = db.session.get(Draft, (user.id, place))
    if draft is None:
        _drop_oldest(user, keep=current_app.config["DRAFTS_PER_PERSON"] - 1)
        draft = Draft(user_id=user.id, place=place)
        db.session.add(draft)
    draft.body = (body or "")[: BODY_MAX * 2]
    draft.title = (title or "")[:TITLE_MAX]
    draft.updated_at = utcnow()
    db.session.commit()


def _drop_oldest(user, keep: int) -> None:
    # Past the cap the oldest draft goes rather than the new one: autosave runs unseen, so
    # a refusal would silently lose the text being typed now, the one most wanted.
    places = db.session.scalars(
        select(Draft.place)
        .where(Draft.user_id == user.id)
        .order_by(Draft.updated_at.desc(), Draft.place)
        .offset(max(keep, 0))
    ).all()
    if places:
        db.session.execute(
            delete(Draft)
            .where(Draft.user_id == user.id, Draft.place.in_(places))
            .execution_options(synchronize_session=False)  # as a plain table DELETE
        )


def discard_draft(user, place: str) -> None:
    """Forget a draft once its text is posted (the caller commits)."""
    draft = db.session.get(Draft, (user.id, place))
    if draft is not None:
        db.session.delete(draft)


def _person_key() -> str:
    # Each person has their own pace, wherever they type from; visitors are sent to sign in.
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return get_remote_address()


@bp.route("/drafts/<kind>/<int:target_id>", methods=["POST"])
@login_required
@limiter.limit(
    lambda: current_app.config["DRAFT_SAVES_LIMIT"], key_func=_person_key, scope="drafts"
)
def autosave(kind, target_id):
    """Called by static/js/drafts.js while someone types (CSRF token in the X-CSRFToken
    header, which CSRFProtect checks); answers 204."""
    if kind not in PLACE_KINDS:
        abort(404)
    try:
        save_draft(
            current_user,
            kind,
            target_id,
            request.form.get("body", ""),
            request.form.get("title", ""),
        )
    except ForumError as error:
        raise ForbiddenBecause(str(error)) from error
    return "", 204
