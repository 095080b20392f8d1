"""Reactions on posts: toggling one, and counting them for a whole page in one query."""

from collections import defaultdict

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from werkzeug.exceptions import NotFound

from ..extensions import db
from .access import ForumError, check_can_post
from .models import REACTIONS, Post, PostReaction

REACTION_LABELS = {
    "thanks": _l("Thank you"),
    "agree": _l("I agree"),
    "insightful": _l("Insightful"),
    "celebrate": _l("Well done"),
}


def toggle_reaction(user, post: Post, kind: str) -> bool:
    """Add `kind` from `user` to `post`, or take it back. Returns whether it is now there."""
    if kind not in REACTIONS:
        raise NotFound
    check_can_post(user, post.topic.room)
    if post.is_deleted:
        raise ForumError(_("That post was deleted: reply to another one."))
    existing = db.session.get(PostReaction, (post.id, user.id, kind))
    if existing is not None:
        db.session.delete(existing)
    else:
        db.session.add(PostReaction(post_id=post.id, user_id=user.id, kind=kind))
    db.session.commit()
    return existing is None


def reactions_for(post_ids, viewer) -> tuple[dict, set]:
    """Counts per post and kind, and which of them are the viewer's: two queries per page."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    if not post_ids:
        return counts, set()
    rows = db.session.execute(
        select(PostReaction.post_id, PostReaction.kind, func.count())
        .where(PostReaction.post_id.in_(post_ids))
        .group_by(PostReaction.post_id, PostReaction.kind)
    )
    for post_id, kind, count in rows:
        counts[post_id][kind] = count
    mine = set()
    if viewer.is_authenticated:
        mine = set(
            db.session.execute(
                select(PostReaction.post_id, PostReaction.kind).where(
                    PostReaction.post_id.in_(post_ids), PostReaction.user_id == viewer.id
                )
            ).all()
        )
    return counts, mine
