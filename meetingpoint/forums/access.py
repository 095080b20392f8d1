"""Fetching forum objects together with the permission check: views never query directly."""

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import Forbidden, NotFound

from ..accounts.standing import in_good_standing, refusal
from ..errors import ForbiddenBecause
from ..extensions import db
from ..rooms.models import Room
from ..rooms.services import is_member
from .models import Post, Topic
from .policies import rule_for


class ForumError(Exception):
    """A forum change refused for a reason the person can act on; str() is translated."""


def access_topic(room: Room, topic_id: int, viewer) -> Topic:
    """The topic `topic_id` of `room`: anyone may read, except a topic still held for
    approval or one another feature keeps to some (a participants-only Academy question).
    A topic of another room is not found."""
    topic = db.session.get(Topic, topic_id)
    if topic is None or topic.room_id != room.id:
        raise NotFound
    if topic.held_at is not None and not _is_author_or_moderator(viewer, topic.author_id):
        raise NotFound
    rule = rule_for(topic, viewer)
    if not rule.readable:
        raise ForbiddenBecause(rule.reason)
    return topic


def access_post(post_id: int, viewer) -> Post:
    """A post `viewer` may know of: held posts exist only for their author and moderators;
    a topic's rule may keep its posts to some, or its replies until the viewer answers."""
    post = db.session.get(Post, post_id)
    if post is None:
        raise NotFound
    if post.is_held and not _is_author_or_moderator(viewer, post.author_id):
        raise NotFound
    rule = rule_for(post.topic, viewer)
    if not rule.readable or (rule.replies_hidden and post.depth > 0):
        raise ForbiddenBecause(rule.reason)
    return post


def _is_author_or_moderator(viewer, author_id) -> bool:
    if not viewer.is_authenticated:
        return False
    return viewer.is_moderator or viewer.id == author_id


def opening_post(topic: Topic) -> Post:
    return db.session.scalars(
        select(Post).where(Post.topic_id == topic.id, Post.parent_id.is_(None))
    ).one()


def check_can_post(user, room: Room) -> None:
    """Raise ForumError unless `user` may write in `room`: members of open rooms only."""
    if not user.is_authenticated:
        raise Forbidden
    suspended = refusal(user)
    if suspended:
        raise ForumError(suspended)
    if room.is_archived:
        raise ForumError(_("This room is archived: it can be read but not joined."))
    if not is_member(user, room):
        raise ForumError(_("Join the room to take part in its discussions."))


def check_can_reply(user, topic: Topic) -> None:
    check_can_post(user, topic.room)
    if user.is_moderator:
        return
    rule = rule_for(topic, user)
    if not rule.may_reply:
        raise ForumError(rule.reason)
    if topic.is_locked:
        raise ForumError(_("This topic is locked: no new replies."))
    if topic.is_closed:
        raise ForumError(_("This topic is closed: no new replies."))


def can_edit(user, post: Post) -> bool:
    """Authors edit and delete their own posts while the topic is not locked; moderators
    anyone's, always. Nobody while suspended."""
    if not user.is_authenticated or post.is_deleted:
        return False
    if user.is_moderator:
        return True
    return post.author_id == user.id and not post.topic.is_locked and in_good_standing(user)


def require_moderator(user) -> None:
    if not (user.is_authenticated and user.is_moderator):
        raise Forbidden
