"""The one path for each forum change: open a topic, reply, edit, delete."""

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Forbidden

from ..database import utcnow
from ..extensions import db
from ..rooms.models import Room
from .access import ForumError, can_edit, check_can_post, check_can_reply
from .models import Post, PostRevision, Topic, TopicTag, path_segment
from .rendering import render_markdown

TITLE_MAX = 200
BODY_MAX = 20_000
TAGS_MAX = 5
TAG_MAX = 32
_TAG_PATTERN = re.compile(r"^[\w-]+$")


@dataclass
class PostDraft:
    body: str
    language: str


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, lower-cased and unique; raises ForumError on a bad one."""
    tags: list[str] = []
    for raw in (text or "").split(","):
        tag = raw.strip().lower().replace(" ", "-")
        if not tag:
            continue
        if len(tag) > TAG_MAX or not _TAG_PATTERN.match(tag):
            raise ForumError(
                _("Tags use letters, digits and hyphens, %(max)d characters at most.", max=TAG_MAX)
            )
        if tag not in tags:
            tags.append(tag)
    if len(tags) > TAGS_MAX:
        raise ForumError(_("Use at most %(max)d tags.", max=TAGS_MAX))
    return tags


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ForumError(_("Write something before posting."))
    if len(body) > BODY_MAX:
        raise ForumError(_("Please use at most %(max)d characters.", max=BODY_MAX))
    return body


def _check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ForumError(_("A topic needs a title."))
    if len(title) > TITLE_MAX:
        raise ForumError(_("Please use at most %(max)d characters.", max=TITLE_MAX))
    return title


def create_topic(user, room: Room, title: str, draft: PostDraft, tags: str = "") -> Topic:
    """Open a topic in `room` with its first post."""
    check_can_post(user, room)
    title = _check_title(title)
    body = _check_body(draft.body)
    tag_names = parse_tags(tags)
    now = utcnow()
    topic = Topic(
        room_id=room.id,
        author_id=user.id,
        title=title,
        language=draft.language,
        created_at=now,
        last_posted_at=now,
        tags=[TopicTag(name=name) for name in tag_names],
    )
    db.session.add(topic)
    db.session.flush()
    _add_post(topic, None, user, body, draft.language, now)
    db.session.commit()
    return topic


def reply(user, topic: Topic, parent: Post, draft: PostDraft) -> Post:
    """Answer `parent` (any post of `topic`, at any depth)."""
    check_can_reply(user, topic)
    if parent.topic_id != topic.id:
        raise ForumError(_("That post is not part of this topic."))
    if parent.is_deleted:
        raise ForumError(_("That post was deleted: reply to another one."))
    body = _check_body(draft.body)
    now = utcnow()
    post = _add_post(topic, parent, user, body, draft.language, now)
    # One UPDATE, so two replies at once cannot lose a count.
    db.session.execute(
        update(Topic)
        .where(Topic.id == topic.id)
        .values(reply_count=Topic.reply_count + 1, last_posted_at=now)
    )
    db.session.commit()
    return post


def _add_post(topic: Topic, parent: Post | None, user, body: str, language: str, now) -> Post:
    post = Post(
        topic_id=topic.id,
        author_id=user.id,
        parent_id=parent.id if parent else None,
        depth=parent.depth + 1 if parent else 0,
        language=language,
        body_source=body,
        body_html=render_markdown(body),
        created_at=now,
    )
    db.session.add(post)
    db.session.flush()  # the id is part of the path
    post.path = (parent.path if parent else "") + path_segment(post.id)
    db.session.add(
        PostRevision(
            post_id=post.id,
            editor_id=user.id,
            body_source=body,
            title=topic.title if parent is None else None,
            created_at=now,
        )
    )
    return post


def edit_post(user, post: Post, body: str, title: str | None = None) -> None:
    """Change a post (and, for an opening post, its topic's title); the old text is kept."""
    if not can_edit(user, post):
        raise Forbidden
    body = _check_body(body)
    topic = post.topic
    if post.is_opening and title is not None:
        topic.title = _check_title(title)
    if body == post.body_source and (not post.is_opening or title in (None, topic.title)):
        db.session.commit()
        return
    now = utcnow()
    post.body_source = body
    post.body_html = render_markdown(body)
    post.edited_at = now
    db.session.add(
        PostRevision(
            post_id=post.id,
            editor_id=user.id,
            body_source=body,
            title=topic.title if post.is_opening else None,
            created_at=now,
        )
    )
    db.session.commit()


def delete_post(user, post: Post) -> None:
    """Withdraw a post. Its replies stay where they are, under a "deleted" placeholder."""
    if not can_edit(user, post):
        raise Forbidden
    post.deleted_at = utcnow()
    db.session.commit()


def thread(topic: Topic, root: Post | None = None) -> list[Post]:
    """The topic's posts depth-first (or the subtree under `root`): one indexed query."""
    query = select(Post).options(joinedload(Post.author)).where(Post.topic_id == topic.id)
    if root is not None:
        query = query.where(Post.path.like(root.path + "%"))  # digits only: no wildcards
    return list(db.session.scalars(query.order_by(Post.path)))


def chronological(topic: Topic) -> list[Post]:
    query = (
        select(Post)
        .options(joinedload(Post.author))
        .where(Post.topic_id == topic.id)
        .order_by(Post.created_at, Post.id)
    )
    return list(db.session.scalars(query))


def revisions(post: Post) -> list[PostRevision]:
    query = (
        select(PostRevision)
        .options(joinedload(PostRevision.editor))
        .where(PostRevision.post_id == post.id)
        .order_by(PostRevision.id.desc())
    )
    return list(db.session.scalars(query))
