"""Saving, restoring and discarding drafts of topics and replies."""

from flask import abort, request
from flask_login import current_user, login_required

from ..database import utcnow
from ..extensions import db
from . import bp
from .models import Draft
from .services import BODY_MAX, TITLE_MAX

PLACE_KINDS = ("topic", "reply")


def draft_place(kind: str, target_id: int) -> str:
    return f"{kind}:{target_id}"


def load_draft(user, place: str) -> Draft | None:
    return db.session.get(Draft, (user.id, place)) if user.is_authenticated else None


def save_draft(user, place: str, body: str, title: str = "") -> None:
    """Keep the text as typed, cut to the limits (the form will say if it is too long)."""
    draft = db.session.get(Draft, (user.id, place))
    if draft is None:
        draft = Draft(user_id=user.id, place=place)
        db.session.add(draft)
    draft.body = (body or "")[: BODY_MAX * 2]
    draft.title = (title or "")[:TITLE_MAX]
    draft.updated_at = utcnow()
    db.session.commit()


def discard_draft(user, place: str) -> None:
    """Forget a draft once its text is posted (the caller commits)."""
    draft = db.session.get(Draft, (user.id, place))
    if draft is not None:
        db.session.delete(draft)


@bp.route("/drafts/<kind>/<int:target_id>", methods=["POST"])
@login_required
def autosave(kind, target_id):
    """Called by static/js/drafts.js while someone types (CSRF token in the X-CSRFToken
    header, which CSRFProtect checks); answers 204."""
    if kind not in PLACE_KINDS:
        abort(404)
    save_draft(
        current_user,
        draft_place(kind, target_id),
        request.form.get("body", ""),
        request.form.get("title", ""),
    )
    return "", 204
