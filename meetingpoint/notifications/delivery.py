"""Email at once, for the events people asked to hear of by email. Mail goes only after
the commit that made the event, from a fresh app context: the committing session may not
query any more, and a rolled-back change must not send anything."""

from collections.abc import Callable
from functools import partial

from flask import current_app, has_app_context, render_template, url_for
from flask_babel import force_locale

from ..accounts.models import User
from ..commits import on_commit
from ..extensions import db
from ..mail import send_mail
from ..templating import person_name
from .models import Notification
from .wording import describe

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
    on_commit(db.session, lambda: partial(_deliver_after_commit, kind, user_id, target.id))


def _deliver_after_commit(kind: str, user_id: int, target_id: int) -> None:
    if has_app_context():
        with current_app.app_context():  # its own session, free to query
            deliver([(kind, user_id, target_id)])


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
