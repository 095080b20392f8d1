"""Opening and answering topics through the forms, and reading back what was stored."""

from sqlalchemy import func, select

from meetingpoint.extensions import db
from support.web import post

ROOM = "social-dialogue"


def open_topic(client, title="Tripartite councils", body="How do yours work?", **extra):
    data = {"title": title, "body": body, "language": "en", "tags": "", "submit": "Post", **extra}
    return post(client, f"/en/rooms/{ROOM}/topics/new", data)


def answer(client, post_id, body, **extra):
    return post(
        client,
        f"/en/posts/{post_id}/reply",
        {"body": body, "language": "en", "submit": "Post", **extra},
    )


def last(model):
    return db.session.scalar(select(model).order_by(model.id.desc()))


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))
