"""What the forums hold about a participant: exported with their data, forgotten on request."""

from sqlalchemy import delete, select, update

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..database import utcnow
from ..extensions import db
from ..notifications.models import Notification
from . import search
from .models import Draft, Post, PostReaction, PostReport, RoomWatch, Topic, TopicVisit, TopicWatch


@personal_data_exporter("forum_posts")
def export_posts(user) -> list[dict]:
    rows = db.session.execute(
        select(Post, Topic.title)
        .join(Topic, Topic.id == Post.topic_id)
        .where(Post.author_id == user.id)
        .order_by(Post.id)
    )
    return [
        {
            "post": post.id,
            "topic": title,
            "language": post.language,
            "text": post.body_source,
            "written_at": post.created_at.isoformat(),
            "deleted": post.is_deleted,
        }
        for post, title in rows
    ]


@account_eraser
def forget_forum_activity(user, remove_content: bool) -> None:
    # What they follow and read is personal; what they wrote stays unless they ask.
    for model in (TopicWatch, RoomWatch, TopicVisit, PostReaction, Draft, Notification):
        db.session.execute(delete(model).where(model.user_id == user.id))
    db.session.execute(delete(PostReport).where(PostReport.reporter_id == user.id))
    if remove_content:
        for post_id in db.session.scalars(select(Post.id).where(Post.author_id == user.id)):
            search.unindex_post(post_id)
        db.session.execute(
            update(Post)
            .where(Post.author_id == user.id)
            .values(deleted_at=utcnow(), body_source="", body_html="")
        )
