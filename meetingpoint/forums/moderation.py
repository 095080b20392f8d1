"""The one path for each moderation change: pin, lock, close, move, hide, approve, reports."""

from datetime import timedelta
from typing import cast

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..database import utcnow
from ..extensions import db
from ..moderation_log import models as log
from ..moderation_log.services import record
from ..rooms.models import Room
from . import search
from .access import ForumError, require_moderator
from .models import Post, PostReport, Topic
from .services import publish

REASON_MAX = 1000
TOPIC_FLAGS = ("pinned_at", "locked_at", "closed_at")
# How the log names each flag set and cleared.
FLAG_ACTIONS = {"pinned_at": ("pin", "unpin"), "locked_at": ("lock", "unlock"),
                "closed_at": ("close", "reopen")}  # fmt: skip


class TooManyReports(ForumError):
    """A member reporting faster than FORUM_REPORTS_PER_HOUR allows."""


def toggle_topic_flag(moderator, topic: Topic, flag: str) -> bool:
    """Pin/unpin, lock/unlock or close/reopen a topic. Returns the new state."""
    require_moderator(moderator)
    if flag not in TOPIC_FLAGS:
        raise ValueError(flag)
    now_set = getattr(topic, flag) is None
    setattr(topic, flag, utcnow() if now_set else None)
    action = FLAG_ACTIONS[flag][0 if now_set else 1]
    record(moderator, action, log.TOPIC, topic.id, topic.author_id, topic.title)
    db.session.commit()
    return now_set


def move_topic(moderator, topic: Topic, room: Room) -> None:
    """Move a topic, with all its replies, to another room."""
    require_moderator(moderator)
    if room.is_archived:
        raise ForumError(_("This room is archived: it can be read but not joined."))
    moved = f"{topic.room.slug} → {room.slug}"
    record(moderator, "move", log.TOPIC, topic.id, topic.author_id, moved)
    topic.room_id = room.id
    db.session.commit()


def toggle_hidden(moderator, post: Post) -> bool:
    """Hide a post from participants, or show it again. Returns whether it is now hidden."""
    require_moderator(moderator)
    post.hidden_at = None if post.is_hidden else utcnow()
    search.index_post(post)  # drops it while hidden, restores it when shown again
    if post.is_hidden:
        _resolve_reports_on(post, moderator)
    record(moderator, "hide" if post.is_hidden else "unhide", log.POST, post.id, post.author_id)
    db.session.commit()
    return post.is_hidden


def approve(moderator, post: Post) -> None:
    """Publish a post that was held for approval (and its topic, if it opens one)."""
    require_moderator(moderator)
    if not post.is_held:
        return
    post.held_at = None
    if post.is_opening:
        post.topic.held_at = None
    publish(post)
    record(moderator, "approve", log.POST, post.id, post.author_id)
    db.session.commit()


def report(user, post: Post, reason: str) -> None:
    """Put a post in the moderators' queue; reporting the same post twice is harmless."""
    reason = (reason or "").strip()
    if not reason:
        raise ForumError(_("Tell the moderators what is wrong with this post."))
    if len(reason) > REASON_MAX:
        raise ForumError(_("Please use at most %(max)d characters.", max=REASON_MAX))
    if _already_reported(user, post):
        return  # one report is enough, and a second must not count against the pace
    _check_report_pace(user)
    db.session.add(PostReport(post_id=post.id, reporter_id=user.id, reason=reason))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # already reported by this person: one report is enough


def _already_reported(user, post: Post) -> bool:
    return (
        db.session.scalar(
            select(PostReport.id).where(
                PostReport.post_id == post.id, PostReport.reporter_id == user.id
            )
        )
        is not None
    )


def _check_report_pace(user) -> None:
    """Counted in the database so every server process agrees (one member once sent 59)."""
    per_hour = current_app.config["FORUM_REPORTS_PER_HOUR"]
    sent = db.session.scalar(
        select(func.count())
        .select_from(PostReport)
        .where(
            PostReport.reporter_id == user.id, PostReport.created_at > utcnow() - timedelta(hours=1)
        )
    )
    if sent >= per_hour and not user.is_moderator:
        raise TooManyReports(
            ngettext(
                "You may report %(num)d post an hour. The moderators have your reports: "
                "please wait a little before sending another.",
                "You may report %(num)d posts an hour. The moderators have your reports: "
                "please wait a little before sending another.",
                per_hour,
            )
        )


def dismiss_report(moderator, report_id: int) -> None:
    require_moderator(moderator)
    done = cast(
        CursorResult,  # an UPDATE's result, with its rowcount
        db.session.execute(
            update(PostReport)
            .where(PostReport.id == report_id, PostReport.resolved_at.is_(None))
            .values(resolved_at=utcnow(), resolved_by_id=moderator.id)
        ),
    )
    if done.rowcount:  # dismissing twice is logged once
        report = db.session.get_one(PostReport, report_id)
        record(moderator, "dismiss_report", log.POST, report.post_id, report.post.author_id)
    db.session.commit()


def _resolve_reports_on(post: Post, moderator) -> None:
    db.session.execute(
        update(PostReport)
        .where(PostReport.post_id == post.id, PostReport.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolved_by_id=moderator.id)
    )


def queue(moderator) -> tuple[list[PostReport], list[Post]]:
    """Open reports (oldest first) and posts awaiting approval."""
    require_moderator(moderator)
    reports = db.session.scalars(
        select(PostReport)
        .options(
            joinedload(PostReport.post).joinedload(Post.author), joinedload(PostReport.reporter)
        )
        .where(PostReport.resolved_at.is_(None))
        .order_by(PostReport.id)
    )
    held = db.session.scalars(
        select(Post)
        .options(joinedload(Post.author), joinedload(Post.topic))
        .where(Post.held_at.is_not(None), Post.deleted_at.is_(None))
        .order_by(Post.id)
    )
    return list(reports), list(held)
