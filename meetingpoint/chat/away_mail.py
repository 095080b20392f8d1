"""Direct and group messages reach those who are away by email, or on their devices by push,
as each asked: once when a quiet conversation wakes, not once per message."""

from flask import render_template, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..mail.addresses import reply_domain
from ..mail.threads import about_message
from ..notifications import delivery, push
from ..notifications.models import EMAIL, OFF
from ..notifications.preferences import DIRECT_MESSAGE, channels_for
from ..notifications.push_settings import wanting
from ..safety.services import muted_by
from ..templating import person_name
from .models import ChatMessage, ConversationMember
from .presence import online_among


def mail_if_away(message: ChatMessage, readers: list[int], unread_query) -> None:
    """Queue the email and the push (sent after the commit) for readers who chose them,
    have no live connection, and had nothing unread in this conversation before this one."""
    silenced = muted_by(message.sender_id, readers)
    others = [uid for uid in readers if uid != message.sender_id and uid not in silenced]
    if not others:
        return
    channels = channels_for(others, DIRECT_MESSAGE)
    emailing = {uid for uid, channel in channels.items() if channel == EMAIL}
    pushing = wanting([uid for uid in others if channels[uid] != OFF], DIRECT_MESSAGE)
    away = (emailing | pushing) - online_among(emailing | pushing)
    if not away:
        return
    unread = {
        uid: count
        for uid, conversation_id, count in db.session.execute(unread_query(away))
        if conversation_id == message.conversation_id
    }
    for uid in sorted(away):
        if unread.get(uid, 0) > 1:  # not the only one waiting: they were told already
            continue
        if uid in emailing:
            delivery.queue(DIRECT_MESSAGE, uid, message)
        if uid in pushing:
            push.queue(DIRECT_MESSAGE, uid, message)


@delivery.email_renderer(DIRECT_MESSAGE)
def email_direct_message(message_id: int, recipient) -> tuple:
    """About the conversation: a reply to the mail is a message in it."""
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
        reply_by_mail=reply_domain() is not None,
    )  # fmt: skip
    about = about_message(message.conversation_id, message.id)
    return _("%(name)s wrote to you on Meeting Point", name=sender), body, about


@push.push_renderer(DIRECT_MESSAGE)
def push_direct_message(message_id: int, recipient, show_text: bool) -> dict | None:
    """Only who wrote, unless the person lets the text show on a lock screen; nothing once
    they have read it (on any device) or it was deleted."""
    message = db.session.get(ChatMessage, message_id)
    if message is None or message.deleted_at is not None:
        return None
    member = db.session.get(ConversationMember, (message.conversation_id, recipient.id))
    if member is None or member.last_read_id >= message.id:
        return None
    return push.message(
        _("New message from %(name)s", name=person_name(message.sender)),
        message.body_source[: push.EXCERPT] if show_text else "",
        url_for("chat.permalink", message_id=message.id, lang_code=recipient.locale,
                _external=True),
        f"c{message.conversation_id}",
    )  # fmt: skip
