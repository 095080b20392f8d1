"""Answering by mail: a notification is answered from a mail client and the answer appears
under the right post, its quotation gone; chat likewise; each refusal stores nothing."""

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from support.forum import answer, last, open_topic
from support.mail_in import DOMAIN, authenticated, gmail_reply

from meetingpoint.attachments.models import Attachment
from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post
from meetingpoint.inbound.models import InboundMail
from meetingpoint.mail.models import ReplyKey
from meetingpoint.notifications.models import EMAIL, REPLY, NotificationPreference

FIXTURES = Path(__file__).parent / "fixtures" / "mail"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SPANISH = (
    "Gracias por la pregunta. En nuestro país el consejo tripartito se reúne cada mes y "
    "publica sus actas en línea."
)


def _a_notified_reply(client, auth, member, outbox):
    """Ana opens a topic, Bruno answers it; Ana is mailed at once. (Ana, Bruno, the mail)"""
    ana, bruno = member(email="ana@example.org"), member(email="bruno@example.org")
    db.session.add(NotificationPreference(user_id=ana.id, event=REPLY, channel=EMAIL))
    db.session.commit()
    auth.login(ana)
    open_topic(client)
    auth.logout()
    auth.login(bruno)
    opening = last(Post)
    answer(client, opening.id, "Ours meets every quarter. How often does yours?")
    auth.logout()
    mails = [m for m in outbox() if m["To"] == "ana@example.org"]
    assert len(mails) == 1
    return ana, bruno, mails[0]


def test_a_notification_answered_by_mail_is_posted_under_the_right_post(
    client, auth, member, outbox, mail_in
):
    ana, bruno, notice = _a_notified_reply(client, auth, member, outbox)
    brunos = last(Post)
    reply_to = str(notice["Reply-To"])
    assert reply_to.startswith("reply+") and reply_to.endswith("@" + DOMAIN)
    assert notice["Message-ID"] == f"<post-{brunos.id}.{ana.id}@{DOMAIN}>"
    assert notice["In-Reply-To"] == f"<post-{brunos.parent_id}.{ana.id}@{DOMAIN}>"
    assert notice["Auto-Submitted"] == "auto-generated"
    assert "reply to this email" in notice.get_content().lower()

    refused = mail_in.send(gmail_reply(notice, "ana@example.org", SPANISH))

    assert refused == {}
    posted = last(Post)
    assert posted.id != brunos.id
    assert posted.parent_id == brunos.id and posted.author_id == ana.id
    assert posted.body_source == SPANISH  # the quotation and "On ... wrote:" are gone
    assert posted.language == "es"
    page = client.get(f"/en/rooms/social-dialogue/topics/{posted.topic_id}")
    assert "el consejo tripartito se reúne cada mes" in page.get_data(as_text=True)


def test_the_same_mail_delivered_twice_is_posted_once(client, auth, member, outbox, mail_in):
    ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    reply = gmail_reply(notice, "ana@example.org", SPANISH)
    mail_in.send(reply)
    mail_in.send(reply)
    assert db.session.scalars(select(Post).where(Post.author_id == ana.id)).all()[1:] != []
    assert len(db.session.scalars(select(Post).where(Post.body_source == SPANISH)).all()) == 1


def _refusal_to(outbox, address):
    return [m for m in outbox() if m["To"] == address and m["Auto-Submitted"] == "auto-replied"]


def test_a_reply_from_another_person_is_refused_once_an_hour(client, auth, member, outbox, mail_in):
    _ana, bruno, notice = _a_notified_reply(client, auth, member, outbox)
    before = last(Post).id
    for _ in range(2):
        mail_in.send(gmail_reply(notice, "bruno@example.org", SPANISH))
    assert last(Post).id == before
    answers = _refusal_to(outbox, "bruno@example.org")
    assert len(answers) == 1
    assert "belongs to someone else" in answers[0].get_content()
    assert SPANISH[:40] in answers[0].get_content()  # what they wrote comes back to them
    kept = db.session.scalars(select(InboundMail)).all()
    assert [mail.raw for mail in kept] == [None, None]  # dealt with, then not kept


def test_an_expired_reply_address_is_refused(client, auth, member, outbox, mail_in):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    before = last(Post).id
    db.session.execute(
        ReplyKey.__table__.update().values(last_sent_at=utcnow() - timedelta(days=400))
    )
    db.session.commit()
    mail_in.send(gmail_reply(notice, "ana@example.org", SPANISH))
    assert last(Post).id == before
    (refusal,) = _refusal_to(outbox, "ana@example.org")
    assert "expired" in refusal.get_content()


def test_a_forged_token_is_refused(client, auth, member, outbox, mail_in):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    before = last(Post).id
    token = str(notice["Reply-To"]).split("+")[1].split("@")[0]
    key_id, signature = token.split("-")
    forged = f"reply+{key_id}-{'a' * len(signature)}@{DOMAIN}"
    mail_in.send(gmail_reply(notice, "ana@example.org", SPANISH, to=forged))
    assert last(Post).id == before
    (refusal,) = _refusal_to(outbox, "ana@example.org")
    assert "not one we know" in refusal.get_content()


def test_a_reply_to_a_deleted_post_is_refused(client, auth, member, outbox, mail_in):
    _ana, bruno, notice = _a_notified_reply(client, auth, member, outbox)
    brunos = last(Post)
    brunos.deleted_at = utcnow()
    db.session.commit()
    mail_in.send(gmail_reply(notice, "ana@example.org", SPANISH))
    assert last(Post).id == brunos.id
    (refusal,) = _refusal_to(outbox, "ana@example.org")
    assert "was deleted" in refusal.get_content()


def test_a_reply_to_a_locked_topic_is_refused_in_the_persons_language(
    client, auth, member, outbox, mail_in
):
    ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    brunos = last(Post)
    brunos.topic.locked_at = utcnow()
    ana.locale = "fr"
    db.session.commit()
    mail_in.send(gmail_reply(notice, "ana@example.org", SPANISH))
    assert last(Post).id == brunos.id
    (refusal,) = _refusal_to(outbox, "ana@example.org")
    assert "verrouillé" in refusal.get_content()


def test_a_suspended_person_cannot_post_by_mail(client, auth, member, outbox, mail_in):
    ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    before = last(Post).id
    ana.suspended_until = utcnow() + timedelta(days=3)
    db.session.commit()
    mail_in.send(gmail_reply(notice, "ana@example.org", SPANISH))
    assert last(Post).id == before
    assert len(_refusal_to(outbox, "ana@example.org")) == 1


def test_an_out_of_office_reply_is_neither_posted_nor_answered(
    client, auth, member, outbox, mail_in
):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    before, mails = last(Post).id, len(outbox())
    auto = gmail_reply(notice, "ana@example.org", "I am away until Monday.")
    auto["Auto-Submitted"] = "auto-replied"
    mail_in.send(auto)
    assert last(Post).id == before
    assert len(outbox()) == mails
    assert db.session.scalar(select(InboundMail.outcome)) == "automatic"


def test_a_reply_with_a_forged_from_is_refused(client, auth, member, outbox, mail_in):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    before = last(Post).id
    forged = gmail_reply(notice, "ana@example.org", SPANISH, auth=False)
    forged["Authentication-Results"] = authenticated("ana@example.org", dkim="fail", spf="fail")
    mail_in.send(forged)
    assert last(Post).id == before
    (refusal,) = _refusal_to(outbox, "ana@example.org")
    assert "could not confirm" in refusal.get_content()


def test_an_html_only_outlook_reply_is_posted_as_markdown(client, auth, member, outbox, mail_in):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    brunos = last(Post)
    raw = (FIXTURES / "outlook_html_only.eml").read_bytes()
    raw = raw.replace(b"reply+4f2a9c@meetingpoint.example.org", str(notice["Reply-To"]).encode())
    raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert mail_in.send(raw, to=[str(notice["Reply-To"])], mail_from="ana@example.org") == {}
    posted = last(Post)
    assert posted.parent_id == brunos.id
    assert posted.body_source.startswith("Thanks, I\u2019ll bring **two boxes** of tomatoes.")
    assert "<strong>two boxes</strong>" in posted.body_html
    assert 'href="https://meetingpoint.example.org/library/7"' in posted.body_html


def test_a_reply_from_a_domain_that_signs_nothing_is_posted(client, auth, member, outbox, mail_in):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    reply = gmail_reply(notice, "ana@example.org", SPANISH, auth=False)
    reply["Authentication-Results"] = "mx.mp.example.org; dkim=none; spf=neutral"
    mail_in.send(reply)
    assert last(Post).body_source == SPANISH  # the key and the From vouch for it


def test_a_reply_in_a_deleted_topic_is_refused(client, auth, member, outbox, mail_in):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    brunos = last(Post)
    opening = db.session.get(Post, brunos.parent_id)
    opening.deleted_at = utcnow()  # the topic's author withdrew it: the topic is gone
    db.session.commit()
    mail_in.send(gmail_reply(notice, "ana@example.org", SPANISH))
    assert last(Post).id == brunos.id
    (refusal,) = _refusal_to(outbox, "ana@example.org")
    assert "was deleted" in refusal.get_content()


def test_files_in_a_reply_by_mail_become_the_posts_attachments(
    client, auth, member, outbox, mail_in
):
    _ana, _bruno, notice = _a_notified_reply(client, auth, member, outbox)
    too_many = gmail_reply(notice, "ana@example.org", SPANISH)
    for n in range(6):  # one more than a post may carry: refused whole, with the reason
        too_many.add_attachment(PDF, "application", "pdf", filename=f"{n}.pdf")
    mail_in.send(too_many)
    (refusal,) = _refusal_to(outbox, "ana@example.org")
    assert "Attach at most 5 files" in refusal.get_content()
    reply = gmail_reply(notice, "ana@example.org", SPANISH)
    reply.add_attachment(PDF, "application", "pdf", filename="actas.pdf")
    mail_in.send(reply)
    posted = last(Post)
    assert posted.body_source == SPANISH
    (attachment,) = db.session.scalars(select(Attachment)).all()
    assert attachment.post_id == posted.id and attachment.file_name == "actas.pdf"
