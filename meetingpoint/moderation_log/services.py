"""Recording moderation actions (no commit: the action's own commit carries the row) and
reading them back, newest first."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..database import utcnow
from ..extensions import db
from .models import ModerationAction

PER_PAGE = 50

# Every action the log knows, in the order the filter offers them.
ACTIONS = {
    "hide": _l("Hid a post"),
    "unhide": _l("Showed a hidden post again"),
    "edit": _l("Edited someone else's post"),
    "delete": _l("Deleted someone else's post"),
    "approve": _l("Approved a held post"),
    "pin": _l("Pinned a topic"),
    "unpin": _l("Unpinned a topic"),
    "lock": _l("Locked a topic"),
    "unlock": _l("Unlocked a topic"),
    "close": _l("Closed a topic"),
    "reopen": _l("Reopened a topic"),
    "move": _l("Moved a topic"),
    "dismiss_report": _l("Dismissed a report"),
    "suspend": _l("Suspended a participant"),
    "unsuspend": _l("Lifted a suspension"),
    "role": _l("Changed a role"),
    "delete_message": _l("Deleted a chat message"),
    "hide_attachment": _l("Hid an attachment"),
    "show_attachment": _l("Showed a hidden attachment again"),
}


def record(actor, action: str, target_kind: str, target_id=None, subject_id=None, detail=""):
    """Add `action` by `actor` to the log; the caller's commit stores it with the action.
    No actor: an operator at the command line."""
    if action not in ACTIONS:
        raise ValueError(action)
    db.session.add(
        ModerationAction(
            actor_id=actor.id if actor is not None else None,
            action=action,
            target_kind=target_kind,
            target_id=target_id,
            subject_id=subject_id,
            detail=str(detail)[:200],
            created_at=utcnow(),
        )
    )


def entries(action: str = "", page: int = 1):
    """A page of the log, newest first, for one action or all of them."""
    query = select(ModerationAction).options(
        joinedload(ModerationAction.actor), joinedload(ModerationAction.subject)
    )
    if action:
        query = query.where(ModerationAction.action == action)
    query = query.order_by(ModerationAction.id.desc())
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)


def topics_named(items) -> dict:
    """{topic id: (room slug, title)} for the topics on a page of the log: one query."""
    from ..forums.models import Topic  # forums record into the log: import on use
    from ..rooms.models import Room

    ids = {item.target_id for item in items if item.target_kind == "topic" and item.target_id}
    if not ids:
        return {}
    query = select(Topic.id, Room.slug, Topic.title).join(Room, Room.id == Topic.room_id)
    return {
        tid: (slug, title)
        for tid, slug, title in db.session.execute(query.where(Topic.id.in_(ids)))
    }
