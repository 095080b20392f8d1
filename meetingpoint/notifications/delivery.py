"""Email at once, for the events people asked to hear of by email. Mail goes only after
the commit that made the event, from a fresh app context: the committing session may not
query any more, and a rolled-back change must not send anything."""

from collections.abc import Callable

from flask import current_app, has_app_context, render_template, url_for
from flask_babel import force_locale
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..extensions import db
from ..mail import send_mail
from ..templating import person_name
from .models import Notification
from .wording import describe

_QUEUED, _READY = "mail_queued", "mail_ready"
# kind → fn(notification or target id, recipient) -> (subject, body); registered by features.
_renderers: dict[str, Callable] = {}


def email_renderer(kind: str):
    """Decorator: how a feature words the email for its kind of event."""

    def register(fn: Callable) -> Callable:
        _renderers[kind] = fn
        return fn

    return register


def queue(kind: str, user_id: int, target) -> None:
    """Mail `user_id` about `target` (a Notification, or another feature's object with an
    id) once the current transaction commits."""
    db.session.info.setdefault(_QUEUED, []).append((kind, user_id, target))


@event.listens_for(Session, "before_commit")
def _take_ids(session) -> None:
    queued = session.info.pop(_QUEUED, None)
    if queued:
        session.flush()  # the targets get their ids
        session.info[_READY] = [(kind, uid, target.id) for kind, uid, target in queued]


@event.listens_for(Session, "after_commit")
def _send_ready(session) -> None:
    ready = session.info.pop(_READY, None)
    if ready and has_app_context():
        with current_app.app_context():  # its own session, free to query
            deliver(ready)


@event.listens_for(Session, "after_rollback")
def _forget(session) -> None:
    session.info.pop(_QUEUED, None)
    session.info.pop(_READY, None)


def deliver(ready: list[tuple[str, int, int]]) -> None:
    for kind, user_id, target_id in ready:
        recipient = db.session.get(User, user_id)
        if recipient is None or not recipient.is_active or not recipient.email:
            continue
        render = _renderers.get(kind, _notification_mail)
        try:
            with force_locale(recipient.locale):
                subject, body = render(target_id, recipient)
            send_mail(recipient.email, subject, body, language=recipient.locale)
        except Exception:  # one failed mail must not cost the others, nor the request
            current_app.logger.exception("Could not mail %s about %s %s", user_id, kind, target_id)


def _notification_mail(notification_id: int, recipient) -> tuple[str, str]:
    """The wording of the notification centre, a short excerpt, and the link."""
    notification = db.session.get(Notification, notification_id)
    excerpt, where = "", ""
    if notification.post_id:
        from ..forums.models import Post  # notifications sit below forums

        post = db.session.get(Post, notification.post_id)
        excerpt, where = post.body_source[:600], post.topic.title
    what = describe(notification.kind, person_name(notification.actor), where)
    body = render_template(
        "email/notification.txt",
        user=recipient,
        what=what,
        excerpt=excerpt,
        link=url_for(
            "notifications.open",
            notification_id=notification.id,
            lang_code=recipient.locale,
            _external=True,
        ),
        settings=url_for("notifications.settings", lang_code=recipient.locale, _external=True),
    )
    return what, body
