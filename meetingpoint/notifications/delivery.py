"""Email at once, for the events people asked to hear of by email: one job per mail,
handed over only after the commit that made the event (a rolled-back change sends
nothing), and run after the response or by a worker (docs/jobs.md)."""

from collections.abc import Callable
from functools import partial

from flask import render_template, url_for
from flask_babel import force_locale
from sqlalchemy import select

from ..accounts.models import User
from ..commits import on_commit
from ..extensions import db
from ..jobs import dispatch, job
from ..mail import About, send_mail
from ..mail.addresses import reply_domain
from ..mail.threads import about_message, about_post
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
    id) once the current transaction commits; `target` may be new (its id comes at flush)."""
    on_commit(db.session, lambda: partial(dispatch, mail_about, kind, user_id, target.id))


def _mail_key(kind: str, user_id: int, target_id: int) -> str:
    return f"mail:{kind}:{user_id}:{target_id}"


@job("notifications.mail", key=_mail_key)
def mail_about(kind: str, user_id: int, target_id: int) -> None:
    """One mail, worded by the feature that registered `kind`. An error propagates, for the
    job to be tried again (see docs/jobs.md)."""
    recipient = db.session.get(User, user_id)
    if recipient is None or not recipient.is_active or not recipient.email:
        return
    render = _renderers.get(kind, _notification_mail)
    with force_locale(recipient.locale):
        subject, body, *rest = render(target_id, recipient)
    about: About | None = rest[0] if rest else None
    if about is not None and about.target == "post" and _listed(recipient.id, about.target_id):
        return  # the post reached them already, whole, in mailing-list mode
    send_mail(
        recipient.email,
        subject,
        body,
        language=recipient.locale,
        recipient_id=recipient.id,
        about=about,
    )


def _notification_mail(notification_id: int, recipient) -> tuple:
    """The wording of the notification centre, a short excerpt, and the link; about the
    post, when there is one, so that a reply to the mail answers it."""
    notification = db.session.get(Notification, notification_id)
    what, excerpt = summary(notification)
    about = _about(notification)
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
        reply_by_mail=about is not None and reply_domain() is not None,
    )
    return what, body, about


def _about(notification: Notification) -> About | None:
    """The post or chat message a notification is about, for a reply by mail to answer."""
    # In a function: notifications sit below forums and chat.
    if notification.post_id:
        from ..forums.models import PATH_DIGITS, Post

        post = db.session.get(Post, notification.post_id)
        if post is not None:
            return about_post(post.id, post.parent_id, int(post.path[:PATH_DIGITS] or post.id))
    if notification.chat_message_id:
        from ..chat.models import ChatMessage

        message = db.session.get(ChatMessage, notification.chat_message_id)
        if message is not None:
            return about_message(message.conversation_id, message.id)
    return None


def _listed(user_id: int, post_id: int) -> bool:
    """Whether the person reads the post's room in mailing-list mode."""
    from ..forums.models import Post, Topic
    from .mailing_list import reads_by_mail

    room_id = db.session.scalar(
        select(Topic.room_id).join(Post, Post.topic_id == Topic.id).where(Post.id == post_id)
    )
    return room_id is not None and reads_by_mail(user_id, room_id)


def summary(notification: Notification) -> tuple[str, str]:
    """What happened, in the current language, and the post's text when there is one."""
    excerpt, where = "", ""
    if notification.post_id:
        from ..forums.models import Post  # notifications sit below forums

        post = db.session.get(Post, notification.post_id)
        excerpt, where = post.body_source[:600], post.topic.title
    return describe(notification.kind, person_name(notification.actor), where), excerpt
