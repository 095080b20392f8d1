"""Fetching forum objects together with the permission check: views never query directly."""

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import Forbidden, NotFound

from ..extensions import db
from ..rooms.models import Room
from ..rooms.services import is_member
from .models import Post, Topic


class ForumError(Exception):
    """A forum change refused for a reason the person can act on; str() is translated."""


def access_topic(room: Room, topic_id: int) -> Topic:
    """The topic `topic_id` of `room`: anyone may read. A topic of another room is not found."""
    topic = db.session.get(Topic, topic_id)
    if topic is None or topic.room_id != room.id:
        raise NotFound
    return topic


def access_post(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None:
        raise NotFound
    return post


def opening_post(topic: Topic) -> Post:
    return db.session.scalar(
        select(Post).where(Post.topic_id == topic.id, Post.parent_id.is_(None))
    )


def check_can_post(user, room: Room) -> None:
    """Raise ForumError unless `user` may write in `room`: members of open rooms only."""
    if not user.is_authenticated:
        raise Forbidden
    if room.is_archived:
        raise ForumError(_("This room is archived: it can be read but not joined."))
    if not is_member(user, room):
        raise ForumError(_("Join the room to take part in its discussions."))


def check_can_reply(user, topic: Topic) -> None:
    check_can_post(user, topic.room)
    if topic.is_locked and not user.is_moderator:
        raise ForumError(_("This topic is locked: no new replies."))


def can_edit(user, post: Post) -> bool:
    """Authors edit and delete their own posts; moderators anyone's."""
    if not user.is_authenticated or post.is_deleted:
        return False
    return user.is_moderator or (post.author_id == user.id)
