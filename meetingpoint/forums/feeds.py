"""Atom 1.0 feeds for the site, each room and each topic, for any feed reader."""

from flask import Response, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..i18n import current_language
from ..rooms.services import access_room
from . import bp
from .access import access_topic
from .models import Post, Topic
from .policies import rule_for

FEED_SIZE = 30


def _published(query):
    # Feeds are public: only what any anonymous reader may see.
    return query.where(Post.held_at.is_(None), Post.hidden_at.is_(None), Post.deleted_at.is_(None))


def _opening_posts(room_id: int | None):
    query = (
        select(Post)
        .options(joinedload(Post.author), joinedload(Post.topic).joinedload(Topic.room))
        .join(Topic, Topic.id == Post.topic_id)
        .where(Post.parent_id.is_(None), Topic.held_at.is_(None))
        .order_by(Post.id.desc())
        .limit(FEED_SIZE)
    )
    if room_id is not None:
        query = query.where(Topic.room_id == room_id)
    return list(db.session.scalars(_published(query)))


def _atom(title: str, self_url: str, page_url: str, posts: list[Post]) -> Response:
    body = render_template(
        "forums/feed.xml", title=title, self_url=self_url, page_url=page_url, posts=posts
    )
    return Response(body, mimetype="application/atom+xml")


@bp.route("/feed.atom")
def site_feed():
    return _atom(
        "Meeting Point",
        url_for("forums.site_feed", _external=True),
        url_for("main.home", _external=True),
        _opening_posts(None),
    )


@bp.route("/rooms/<slug>/feed.atom")
def room_feed(slug):
    room = access_room(slug)
    return _atom(
        room.text(current_language()).name,
        url_for("forums.room_feed", slug=slug, _external=True),
        url_for("rooms.show", slug=slug, _external=True),
        _opening_posts(room.id),
    )


@bp.route("/rooms/<slug>/topics/<int:topic_id>/feed.atom")
def topic_feed(slug, topic_id):
    topic = access_topic(access_room(slug), topic_id, current_user)
    query = (
        select(Post)
        .options(joinedload(Post.author), joinedload(Post.topic))
        .where(Post.topic_id == topic.id)
        .order_by(Post.id.desc())
        .limit(FEED_SIZE)
    )
    if rule_for(topic, current_user).replies_hidden:
        query = query.where(Post.parent_id.is_(None))
    return _atom(
        topic.title,
        url_for("forums.topic_feed", slug=slug, topic_id=topic.id, _external=True),
        url_for("forums.topic", slug=slug, topic_id=topic.id, _external=True),
        list(db.session.scalars(_published(query))),
    )
