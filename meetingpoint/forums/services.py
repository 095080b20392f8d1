"""The one path for each forum change: open a topic, reply, edit, delete."""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Forbidden

from ..attachments.services import attach
from ..attachments.services import remove as remove_attachments
from ..dashboard import interactions
from ..dashboard.interactions import MENTION, REPLY
from ..database import utcnow
from ..extensions import db
from ..languages import written_in
from ..languages.cache import forget as forget_translations
from ..moderation_log import models as log
from ..moderation_log.services import record
from ..rooms.models import Room
from ..text.limits import BODY_MAX, TITLE_MAX, written
from ..text.mentions import mentioned_users
from ..text.profiles import render_post
from . import mailing_list, search, tracking
from .access import ForumError, can_edit, check_can_post, check_can_reply
from .attached import take_files
from .models import PATH_DIGITS, Post, PostRevision, Topic, TopicTag, path_segment
from .resends import posted_before, store_once, without_used_id

TAGS_MAX = 5
TAG_MAX = 32
_TAG_PATTERN = re.compile(r"^[\w-]+$")


@dataclass
class PostDraft:
    body: str
    language: str
    # The sending page's own id for this post: the same one sent again stores nothing twice.
    client_id: str | None = None
    uploads: list = field(default_factory=list)  # attachments.uploads.Upload


def render_body(source: str) -> str:
    """A post's stored HTML: Markdown, @mentions linked, sanitised. Also used for previews."""
    return render_post(source, mentioned_users(source))


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
    return written(body, BODY_MAX, ForumError, _("Write something before posting."))


def _check_title(title: str) -> str:
    return written(title, TITLE_MAX, ForumError, _("A topic needs a title."))


def create_topic(user, room: Room, title: str, draft: PostDraft, tags: str = "") -> Topic:
    """Open a topic in `room` with its first post (held for approval if the author is new).
    Sent again with the same client id, it returns the topic made the first time."""
    earlier = posted_before(user, draft.client_id)
    if earlier is not None and earlier.parent_id is None and earlier.topic.room_id == room.id:
        return earlier.topic
    draft = without_used_id(draft, earlier)
    check_can_post(user, room)
    title = _check_title(title)
    body = _check_body(draft.body)
    language = _language_of(draft, body)
    tag_names = parse_tags(tags)
    _check_pace(user, opening=True)
    taken = take_files(user, draft.uploads)

    def store() -> Topic:
        now = utcnow()
        held = now if _must_hold(user) else None
        topic = Topic(
            room_id=room.id,
            author_id=user.id,
            title=title,
            language=language,
            created_at=now,
            last_posted_at=now,
            held_at=held,
            tags=[TopicTag(name=name) for name in tag_names],
        )
        db.session.add(topic)
        db.session.flush()
        opening = _add_post(topic, None, user, body, language, now, held, draft.client_id)
        attach(taken, post_id=opening.id)
        tracking.watch_topic(user, topic)
        if held is None:
            publish(opening)
        db.session.commit()
        return topic

    return store_once(user, draft.client_id, store, lambda first: first.topic)


def reply(user, topic: Topic, parent: Post, draft: PostDraft) -> Post:
    """Answer `parent` (any post of `topic`, at any depth). Sent again with the same client
    id, it returns the reply made the first time."""
    earlier = posted_before(user, draft.client_id)
    if earlier is not None and earlier.parent_id == parent.id:
        return earlier
    draft = without_used_id(draft, earlier)
    check_can_reply(user, topic)
    if parent.topic_id != topic.id:
        raise ForumError(_("That post is not part of this topic."))
    if parent.is_deleted or (parent.is_hidden and not user.is_moderator):
        raise ForumError(_("That post was deleted: reply to another one."))
    body = _check_body(draft.body)
    language = _language_of(draft, body)
    _check_pace(user, opening=False)
    taken = take_files(user, draft.uploads)

    def store() -> Post:
        now = utcnow()
        held = now if _must_hold(user) else None
        post = _add_post(topic, parent, user, body, language, now, held, draft.client_id)
        attach(taken, post_id=post.id)
        tracking.watch_topic(user, topic)
        if held is None:
            publish(post)
        db.session.commit()
        return post

    return store_once(user, draft.client_id, store, lambda first: first)


def publish(post: Post) -> None:
    """A post becomes visible to all: count it and tell those who follow (caller commits)."""
    values: dict[str, object] = {"last_post_id": post.id}
    if not post.is_opening:
        # One UPDATE, so two replies at once cannot lose a count.
        values.update(reply_count=Topic.reply_count + 1, last_posted_at=post.created_at)
    db.session.execute(update(Topic).where(Topic.id == post.topic_id).values(**values))
    search.index_post(post)
    mentioned = {user.id for user in mentioned_users(post.body_source).values()}
    tracking.announce(post, mentioned)
    mailing_list.send_to_readers(post)
    _record_interactions(post, mentioned)


def _record_interactions(post: Post, mentioned: set[int]) -> None:
    """For the coupling figures: whom this post answers, and whom it names."""
    if post.author is None:
        return
    room_id = post.topic.room_id
    if not post.is_opening:
        parent_author = db.session.scalar(select(Post.author_id).where(Post.id == post.parent_id))
        interactions.record(REPLY, post.author, [parent_author], post.created_at, room_id)
    interactions.record(MENTION, post.author, mentioned, post.created_at, room_id)


def _must_hold(user) -> bool:
    """A new account's first posts wait for a moderator, when the setting asks for it."""
    first_posts_held = int(current_app.config.get("FORUM_HOLD_FIRST_POSTS", 0))
    if not first_posts_held or user.is_moderator:
        return False
    approved = db.session.execute(
        select(func.count())
        .select_from(Post)
        .where(Post.author_id == user.id, Post.held_at.is_(None))
    ).scalar_one()
    return approved < first_posts_held


def _language_of(draft: PostDraft, body: str) -> str:
    """The author's choice of language, or the one the text is found to be written in."""
    language = written_in(draft.language, body)
    if language is None:
        raise ForumError(_("Choose the language the message is written in."))
    return language


def _check_pace(user, opening: bool) -> None:
    """Per-person limits, counted in the database so every server process agrees."""
    config = current_app.config
    per_hour = config["FORUM_TOPICS_PER_HOUR"] if opening else config["FORUM_REPLIES_PER_HOUR"]
    query = (
        select(func.count())
        .select_from(Post)
        .where(Post.author_id == user.id, Post.created_at > utcnow() - timedelta(hours=1))
    )
    query = query.where(Post.parent_id.is_(None) if opening else Post.parent_id.is_not(None))
    if db.session.scalar(query) >= per_hour and not user.is_moderator:
        raise ForumError(
            _(
                "You are posting faster than we allow. Wait a little and send it again: "
                "your text is kept below."
            )
        )


def _add_post(
    topic: Topic,
    parent: Post | None,
    user,
    body: str,
    language: str,
    now,
    held=None,
    client_id: str | None = None,
) -> Post:
    post = Post(
        held_at=held,
        client_id=client_id,
        topic_id=topic.id,
        author_id=user.id,
        parent_id=parent.id if parent else None,
        depth=parent.depth + 1 if parent else 0,
        language=language,
        body_source=body,
        body_html=render_body(body),
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
    new_title = _check_title(title) if post.is_opening and title is not None else topic.title
    if body == post.body_source and new_title == topic.title:
        return  # nothing changed: no empty revision
    now = utcnow()
    topic.title = new_title
    post.body_source = body
    post.body_html = render_body(body)
    post.edited_at = now
    search.index_post(post)
    db.session.add(
        PostRevision(
            post_id=post.id,
            editor_id=user.id,
            body_source=body,
            title=new_title if post.is_opening else None,
            created_at=now,
        )
    )
    forget_translations("post", post.id)
    _log_if_moderating(user, "edit", post)
    db.session.commit()


def _log_if_moderating(user, action: str, post: Post) -> None:
    # Authors change their own posts freely; a change to someone else's is moderation.
    if post.author_id != user.id:
        record(user, action, log.POST, post.id, post.author_id)


def delete_post(user, post: Post) -> None:
    """Withdraw a post. Its replies stay where they are, under a "deleted" placeholder."""
    if not can_edit(user, post):
        raise Forbidden
    post.deleted_at = utcnow()
    remove_attachments(post_id=post.id)
    search.unindex_post(post.id)
    forget_translations("post", post.id)
    _log_if_moderating(user, "delete", post)
    db.session.commit()


def _visible_to(query, viewer):
    # Held posts stay out of everyone's sight but their author's and the moderators'.
    if viewer.is_authenticated and viewer.is_moderator:
        return query
    viewer_id = viewer.id if viewer.is_authenticated else None
    return query.where(or_(Post.held_at.is_(None), Post.author_id == viewer_id))


# A long discussion is read in pages: this many direct replies, each with its whole branch.
BRANCHES_PER_PAGE = 30
FLAT_PER_PAGE = 60


@dataclass
class ThreadPage:
    posts: list[Post]
    page: int
    has_next: bool


def _posts(topic: Topic, viewer):
    query = select(Post).options(joinedload(Post.author)).where(Post.topic_id == topic.id)
    return _visible_to(query, viewer)


def thread(topic: Topic, viewer, page: int = 1) -> ThreadPage:
    """One page of the discussion, depth-first: the opening post, then BRANCHES_PER_PAGE
    direct replies with everything under them. Three indexed queries, whatever the size:
    paths sort depth-first, so a run of branches is one contiguous range of paths."""
    branch_paths = list(
        db.session.scalars(
            _visible_to(select(Post.path).where(Post.topic_id == topic.id, Post.depth == 1), viewer)
            .order_by(Post.path)
            .offset((page - 1) * BRANCHES_PER_PAGE)
            .limit(BRANCHES_PER_PAGE + 1)
        )
    )
    has_next = len(branch_paths) > BRANCHES_PER_PAGE
    opening = db.session.scalars(_posts(topic, viewer).where(Post.depth == 0)).all()
    if not branch_paths:
        return ThreadPage(list(opening), page, False)
    query = _posts(topic, viewer).where(Post.depth > 0, Post.path >= branch_paths[0])
    if has_next:
        query = query.where(Post.path < branch_paths[-1])
    return ThreadPage(
        list(opening) + list(db.session.scalars(query.order_by(Post.path))), page, has_next
    )


def branch(topic: Topic, viewer, root: Post) -> list[Post]:
    """The sub-thread under `root` (for "continue this thread"): one indexed query."""
    query = _posts(topic, viewer).where(Post.path.like(root.path + "%"))  # digits: no wildcards
    return list(db.session.scalars(query.order_by(Post.path)))


def chronological(topic: Topic, viewer, page: int = 1) -> ThreadPage:
    """One page of the topic's posts by date, for the flat view."""
    query = (
        _posts(topic, viewer)
        .order_by(Post.created_at, Post.id)
        .offset((page - 1) * FLAT_PER_PAGE)
        .limit(FLAT_PER_PAGE + 1)
    )
    posts = list(db.session.scalars(query))
    return ThreadPage(posts[:FLAT_PER_PAGE], page, len(posts) > FLAT_PER_PAGE)


def page_of(post: Post, viewer) -> int:
    """Which page of the threaded view holds `post` (its direct-reply branch decides)."""
    if post.depth == 0:
        return 1
    branch_path = post.path[: 2 * PATH_DIGITS]
    before = db.session.scalar(
        _visible_to(
            select(func.count())
            .select_from(Post)
            .where(Post.topic_id == post.topic_id, Post.depth == 1, Post.path < branch_path),
            viewer,
        )
    )
    return before // BRANCHES_PER_PAGE + 1


def revisions(post: Post) -> list[PostRevision]:
    query = (
        select(PostRevision)
        .options(joinedload(PostRevision.editor))
        .where(PostRevision.post_id == post.id)
        .order_by(PostRevision.id.desc())
    )
    return list(db.session.scalars(query))
