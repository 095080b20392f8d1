"""Answering a direct message by mail: the answer is a chat message, announced live to the
tab that is open, with its files; a person who left the conversation is refused."""

from sqlalchemy import select
from support.chat_sockets import events, send
from support.mail_in import DOMAIN, gmail_reply

from meetingpoint.attachments.models import Attachment
from meetingpoint.chat import services
from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db
from meetingpoint.notifications.models import EMAIL, MENTION, NotificationPreference
from meetingpoint.notifications.preferences import DIRECT_MESSAGE

ANSWER = "Obrigado pela mensagem. Podemos falar na quinta-feira depois da sessão plenária."
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _a_direct_message_mailed(make_user, connect, outbox):
    ana, bruno = make_user(email="ana@example.org"), make_user(email="bruno@example.org")
    db.session.add(NotificationPreference(user_id=bruno.id, event=DIRECT_MESSAGE, channel=EMAIL))
    db.session.commit()
    conversation = services.open_direct(ana, bruno)
    tab = connect(ana, conversation)
    assert send(tab, conversation.id, "Can we meet after the plenary?", "c1")["ok"]
    (notice,) = [m for m in outbox() if m["To"] == "bruno@example.org"]
    return ana, bruno, conversation, tab, notice


def test_a_direct_message_answered_by_mail_reaches_the_open_tab(
    make_user, connect, outbox, mail_in
):
    ana, bruno, conversation, tab, notice = _a_direct_message_mailed(make_user, connect, outbox)
    assert str(notice["Reply-To"]).startswith("reply+")
    assert notice["References"] == f"<conversation-{conversation.id}.{bruno.id}@{DOMAIN}>"
    events(tab)  # what came before
    reply = gmail_reply(notice, "bruno@example.org", ANSWER)
    reply.add_attachment(PDF, "application", "pdf", filename="programa.pdf")

    assert mail_in.send(reply) == {}

    message = db.session.scalars(select(ChatMessage).order_by(ChatMessage.id.desc())).first()
    assert message.sender_id == bruno.id and message.conversation_id == conversation.id
    assert message.body_source == ANSWER and message.language == "pt"
    (attachment,) = db.session.scalars(select(Attachment)).all()
    assert attachment.message_id == message.id and attachment.file_name == "programa.pdf"
    live = [payload for name, payload in events(tab, "new_message")]
    assert [payload["id"] for payload in live] == [message.id]
    assert live[0]["attachments"][0]["file_name"] == "programa.pdf"


def test_a_mailed_answer_to_a_group_one_has_left_is_refused(make_user, connect, outbox, mail_in):
    ana, bruno, conversation, _tab, notice = _a_direct_message_mailed(make_user, connect, outbox)
    group = services.create_group(ana, "Plenary follow-up")
    services.add_to_group(ana, group, bruno)
    services.leave_group(bruno, group)
    notice.replace_header("Reply-To", _reply_address(bruno.id, group.id))
    before = db.session.scalar(select(ChatMessage.id).order_by(ChatMessage.id.desc()))
    mail_in.send(gmail_reply(notice, "bruno@example.org", ANSWER))
    assert db.session.scalar(select(ChatMessage.id).order_by(ChatMessage.id.desc())) == before
    (refusal,) = [m for m in outbox() if m["Auto-Submitted"] == "auto-replied"]
    assert "no longer in this conversation" in refusal.get_content()


def _reply_address(user_id: int, conversation_id: int) -> str:
    from meetingpoint.mail.addresses import reply_address

    address = reply_address(user_id, "conversation", conversation_id)
    db.session.commit()
    return address


def test_a_mention_in_a_room_chat_answered_by_mail_is_said_in_that_room(
    member, connect, channel, outbox, mail_in
):
    ana = member(email="ana@example.org")
    kwame = member(email="kwame@example.org", display_name="Kwame Mensah")
    db.session.add(NotificationPreference(user_id=kwame.id, event=MENTION, channel=EMAIL))
    db.session.commit()
    tab = connect(ana, channel)
    assert send(tab, channel.id, "@**Kwame Mensah** can you share the report?", "m1")["ok"]
    (notice,) = [m for m in outbox() if m["To"] == "kwame@example.org"]
    assert notice["References"] == f"<conversation-{channel.id}.{kwame.id}@{DOMAIN}>"
    events(tab)
    mail_in.send(gmail_reply(notice, "kwame@example.org", "Yes, I will post it this afternoon."))
    message = db.session.scalars(select(ChatMessage).order_by(ChatMessage.id.desc())).first()
    assert message.conversation_id == channel.id and message.sender_id == kwame.id
    assert message.body_source == "Yes, I will post it this afternoon."
    assert [p["id"] for _name, p in events(tab, "new_message")] == [message.id]
