"""Forum topics, the tree of posts under them, and every post's revisions."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import Model
from ..rooms.models import Room

# Each post's path is its ancestors' ids and its own, ten digits each and nothing else, so
# every collation sorts it the same way: ordering by path gives the thread depth-first, and
# a subtree is the paths that start with its root's.
PATH_DIGITS = 10


def path_segment(post_id: int) -> str:
    return f"{post_id:0{PATH_DIGITS}d}"


class Topic(Model):
    __tablename__ = "topics"
    __table_args__ = (
        Index("ix_topics_room_activity", "room_id", "pinned_at", "last_posted_at"),
        # Counting a room's visible topics from the index alone, however many it holds.
        Index("ix_topics_room_held", "room_id", "held_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_posted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reply_count: Mapped[int] = mapped_column(Integer, default=0)
    # The newest published post: unread tracking compares it with each reader's last seen.
    last_post_id: Mapped[int] = mapped_column(Integer, default=0)
    pinned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Locked: frozen, no replies or edits. Closed: the discussion is over, no new replies.
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Its opening post awaits approval: listed only for the author and moderators.
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    room: Mapped[Room] = relationship()
    author: Mapped[User | None] = relationship()
    tags: Mapped[list["TopicTag"]] = relationship(
        back_populates="topic",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="TopicTag.name",
    )

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def accepts_replies(self) -> bool:
        return not (self.is_locked or self.is_closed)

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags]


class TopicTag(Model):
    __tablename__ = "topic_tags"

    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)

    topic: Mapped[Topic] = relationship(back_populates="tags")


class Post(Model):
    """The topic's opening post has no parent; every reply has one, to any depth."""

    __tablename__ = "posts"
    __table_args__ = (
        Index("ix_posts_topic_path", "topic_id", "path"),
        # A resend of the same form or outbox entry finds the post it made the first time.
        UniqueConstraint("author_id", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id"))
    path: Mapped[str] = mapped_column(String(2000), default="")
    depth: Mapped[int] = mapped_column(Integer, default=0)
    language: Mapped[str] = mapped_column(String(8))
    body_source: Mapped[str] = mapped_column(Text)
    # Rendered and sanitised once, when written: readers never pay for Markdown.
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Hidden by a moderator: readers see a placeholder, moderators the text.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Held for approval (a new account's first posts): only its author and moderators see it.
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # Made by the page that sent it (see forms.ClientIdField); none for older posts.
    client_id: Mapped[str | None] = mapped_column(String(64))

    topic: Mapped[Topic] = relationship()
    author: Mapped[User | None] = relationship()

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_opening(self) -> bool:
        return self.parent_id is None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_held(self) -> bool:
        return self.held_at is not None


class PostRevision(Model):
    """A post's text before an edit, kept so anyone can see what changed."""

    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str | None] = mapped_column(String(200))
    body_source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor: Mapped[User | None] = relationship()


class PostReport(Model):
    """A member's flag on a post, waiting in the moderators' queue until resolved."""

    __tablename__ = "post_reports"
    __table_args__ = (UniqueConstraint("post_id", "reporter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    post: Mapped[Post] = relationship()
    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])


class TopicWatch(Model):
    """The participant hears about every new reply in this topic."""

    __tablename__ = "topic_watches"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RoomWatch(Model):
    """The participant hears about every new topic in this room."""

    __tablename__ = "room_watches"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    room_id: Mapped[int] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class TopicVisit(Model):
    """How far a participant has read a topic: posts with a larger id are new to them."""

    __tablename__ = "topic_visits"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    last_seen_post_id: Mapped[int] = mapped_column(Integer, default=0)
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# A small fixed set, so a glance says how a post was received, in any language.
REACTIONS = {"thanks": "🙏", "agree": "👍", "insightful": "💡", "celebrate": "🎉"}


class PostReaction(Model):
    __tablename__ = "post_reactions"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)


class Draft(Model):
    """Unsent text, kept on the server so a reload or a dropped connection loses nothing.

    `place` says where it belongs: "topic:<room id>" for a new topic, "reply:<post id>".
    """

    __tablename__ = "drafts"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    place: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
