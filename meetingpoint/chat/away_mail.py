"""Direct and group messages reach by email those who asked for it and are away: one email
when a quiet conversation wakes, not one per message."""

from flask import render_template, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..notifications import delivery
from ..notifications.models import EMAIL
from ..notifications.preferences import DIRECT_MESSAGE, channels_for
from ..safety.services import muted_by
from ..templating import person_name
from .models import ChatMessage
from .presence import online_among


def mail_if_away(message: ChatMessage, readers: list[int], unread_query) -> None:
    """Queue the email (sent after the commit) for readers who chose email, have no live
    connection, and had nothing unread in this conversation before this message."""
    silenced = muted_by(message.sender_id, readers)
    others = [uid for uid in readers if uid != message.sender_id and uid not in silenced]
    if not others:
        return
    wanting = [
        uid for uid, channel in channels_for(others, DIRECT_MESSAGE).items() if channel == EMAIL
    ]
    away = set(wanting) - online_among(wanting)
    if not away:
        return
    unread = {
        uid: count
        for uid, conversation_id, count in db.session.execute(unread_query(away))
        if conversation_id == message.conversation_id
    }
    for uid in sorted(away):
        if unread.get(uid, 0) <= 1:  # this message is the only one waiting
            delivery.queue(DIRECT_MESSAGE, uid, message)


@delivery.email_renderer(DIRECT_MESSAGE)
def email_direct_message(message_id: int, recipient) -> tuple[str, str]:
    message = db.session.get_one(ChatMessage, message_id)
    sender = person_name(message.sender)
    body = render_template(
        "email/direct_message.txt",
        user=recipient,
        sender=sender,
        excerpt=message.body_source[:600],
        link=url_for("chat.permalink", message_id=message.id, lang_code=recipient.locale,
                     _external=True),
        settings=url_for("notifications.settings", lang_code=recipient.locale, _external=True),
    )  # fmt: skip
    return _("%(name)s wrote to you on Meeting Point", name=sender), body
