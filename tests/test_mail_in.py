"""Mail to a room's address, bounces, limits and the two ways in (LMTP and a pipe)."""

import smtplib
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from support.forum import last
from support.mail_in import DOMAIN, authenticated, new_mail
from support.settings import PASSWORD
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic
from meetingpoint.inbound.models import InboundMail
from meetingpoint.mail import send_mail
from meetingpoint.mail.models import BouncedAddress

ROOM_ADDRESS = f"social-dialogue@{DOMAIN}"
FIXTURES = Path(__file__).parent / "fixtures" / "mail" / "classify"
BODY = "Our ministry is preparing a reform of the labour inspectorate and would value advice."


def _to_room(sender="ana@example.org", **headers):
    return new_mail(sender, ROOM_ADDRESS, "Labour inspection reform", BODY, **headers)


def _refusals(outbox, address):
    return [m for m in outbox() if m["To"] == address and m["Auto-Submitted"] == "auto-replied"]


def test_a_member_opens_a_topic_by_mail(member, outbox, mail_in, client):
    ana = member(email="ana@example.org")
    mail_in.send(_to_room(Authentication_Results=authenticated("ana@example.org")))
    topic = last(Topic)
    assert topic is not None and topic.title == "Labour inspection reform"
    opening = last(Post)
    assert opening.author_id == ana.id and opening.body_source == BODY
    assert opening.language == "en"
    assert _refusals(outbox, "ana@example.org") == []


@pytest.mark.parametrize(
    "results",
    [
        None,  # no Authentication-Results at all
        authenticated("ana@example.org", dkim="fail", spf="softfail"),
        authenticated("ana@example.org", by="mx.elsewhere.example"),  # not our MTA's: forged
    ],
    ids=["missing", "failed", "untrusted"],
)
def test_a_room_mail_without_aligned_dkim_or_spf_is_refused(member, outbox, mail_in, results):
    member(email="ana@example.org")
    headers = {"Authentication_Results": results} if results else {}
    mail_in.send(_to_room(**headers))
    mail_in.send(_to_room(**headers))
    assert last(Topic) is None
    (refusal,) = _refusals(outbox, "ana@example.org")  # one answer in the hour, not two
    assert "could not confirm" in refusal.get_content()


def test_a_room_mail_from_a_stranger_or_non_member_is_refused(make_user, rooms, outbox, mail_in):
    make_user(email="notmember@example.org")
    for sender in ("stranger@example.net", "notmember@example.org"):
        mail_in.send(_to_room(sender, Authentication_Results=authenticated(sender)))
    assert last(Topic) is None
    assert "could not find a member" in _refusals(outbox, "stranger@example.net")[0].get_content()
    (refusal,) = _refusals(outbox, "notmember@example.org")
    assert "Join the room" in refusal.get_content()


def test_an_address_that_is_not_ours_is_refused_at_once(rooms, mail_in):
    message = _to_room()
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        mail_in.send(message, to=[f"nobody@{DOMAIN}", "someone@example.com"])
    codes = {address: code for address, (code, _text) in refused.value.recipients.items()}
    assert codes == {f"nobody@{DOMAIN}": 550, "someone@example.com": 550}
    assert db.session.scalars(select(InboundMail)).all() == []


def test_a_mail_over_the_size_limit_is_refused_and_not_kept(app, member, mail_in):
    app.config["MAIL_IN_MAX_BYTES"] = 50_000
    member(email="ana@example.org")
    large = _to_room(Authentication_Results=authenticated("ana@example.org"))
    large.add_attachment(b"%PDF-1.4\n" + b"0" * 60_000, "application", "pdf", filename="a.pdf")
    # The server was started with the limit read at start: restart it with the new one.
    mail_in.controller.stop()
    from meetingpoint.inbound.server import LmtpController

    mail_in.controller = LmtpController(app, "127.0.0.1", mail_in.port)
    mail_in.controller.start()
    with pytest.raises((smtplib.SMTPSenderRefused, smtplib.SMTPDataError)) as refused:
        mail_in.send(large)  # refused as soon as the client says how large it is
    assert refused.value.smtp_code == 552
    assert db.session.scalars(select(InboundMail)).all() == []


def test_mail_past_the_hourly_limit_is_refused(app, member, outbox, mail_in):
    app.config["MAIL_IN_PER_SENDER_PER_HOUR"] = 2
    member(email="ana@example.org")
    for n in range(3):
        message = _to_room(Authentication_Results=authenticated("ana@example.org"))
        message.replace_header("Subject", f"Topic {n}")
        mail_in.send(message)
    assert [t.title for t in db.session.scalars(select(Topic).order_by(Topic.id))] == [
        "Topic 0",
        "Topic 1",
    ]
    (refusal,) = _refusals(outbox, "ana@example.org")
    assert "more mail this hour" in refusal.get_content()


def _dsn_for(sent, address: str) -> bytes:
    """Postfix's report that `sent` could not be delivered to `address`."""
    text = (FIXTURES / "dsn_postfix_user_unknown.eml").read_text()
    return_path = str(sent["Return-Path"]).strip("<>")
    text = text.replace("old.member@example.org", address)
    text = text.replace("4Fq3A21c7Wz9sS0@", f"{uuid.uuid4().hex}@")  # each report its own
    text = text.replace("bounces+c3f9a1d2e4@meetingpoint.example", return_path)
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode()


def test_three_hard_bounces_stop_mail_and_the_settings_page_says_so(
    app, member, outbox, mail_in, client, auth
):
    ana = member(email="ana@example.org")
    for n in range(3):
        sent = send_mail(ana.email, f"Mail {n}", "Hello", recipient_id=ana.id)
        assert sent is not None and str(sent["Return-Path"]).startswith(f"<bounces+{ana.id}-")
        refused = mail_in.send(_dsn_for(sent, ana.email), to=[str(sent["Return-Path"])[1:-1]])
        assert refused == {}
    state = db.session.get(BouncedAddress, "ana@example.org")
    assert state.hard_bounces == 3 and state.stopped_at is not None
    assert send_mail(ana.email, "Mail 4", "Hello", recipient_id=ana.id) is None
    assert _refusals(outbox, "ana@example.org") == []  # a bounce is never answered

    auth.login(ana)
    page = client.get("/en/account/").get_data(as_text=True)
    assert "We have stopped sending you mail" in page and "3 times" in page
    post(client, "/en/account/mail/resume")
    db.session.expire_all()
    assert db.session.get(BouncedAddress, "ana@example.org") is None
    assert send_mail(ana.email, "Mail 5", "Hello", recipient_id=ana.id) is not None


def test_a_forged_bounce_stops_nobodys_mail(member, mail_in):
    ana = member(email="ana@example.org")
    sent = send_mail(ana.email, "Mail", "Hello", recipient_id=ana.id)
    forged = str(sent["Return-Path"])[1:-1].replace("-", "-x", 1)[: -len(DOMAIN) - 2]
    forged = forged + "@" + DOMAIN
    for _ in range(3):
        mail_in.send(_dsn_for(sent, ana.email), to=[forged])
    assert db.session.get(BouncedAddress, "ana@example.org") is None


def test_flask_mail_ingest_takes_a_mail_from_standard_input(member, runner, mail_in):
    member(email="ana@example.org")
    message = _to_room(Authentication_Results=authenticated("ana@example.org"))
    result = runner.invoke(
        args=["mail", "ingest", "--recipient", ROOM_ADDRESS, "--sender", "ana@example.org"],
        input=bytes(message),
    )
    assert result.exit_code == 0, result.output
    assert last(Topic).title == "Labour inspection reform"
    unknown = runner.invoke(
        args=["mail", "ingest", "--recipient", f"x@{DOMAIN}"], input=bytes(message)
    )
    assert unknown.exit_code == 67


def test_members_see_the_rooms_address_on_its_page(member, client, auth, mail_in):
    ana = member(email="ana@example.org")
    assert ROOM_ADDRESS not in client.get("/en/rooms/social-dialogue/").get_data(as_text=True)
    auth.login(ana)
    page = client.get("/en/rooms/social-dialogue/").get_data(as_text=True)
    assert f'href="mailto:{ROOM_ADDRESS}"' in page


def test_admins_read_what_became_of_each_mail(member, make_user, client, auth, outbox, mail_in):
    ana = member(email="ana@example.org")
    mail_in.send(_to_room(Authentication_Results=authenticated("ana@example.org")))
    mail_in.send(_to_room("stranger@example.net"))
    auth.login(ana)
    assert client.get("/en/admin/mail/").status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    page = client.get("/en/admin/mail/").get_data(as_text=True)
    assert "Posted as a new topic" in page and "Labour inspection reform" in page
    assert "stranger@example.net" in page and "the sender was told why" in page
    assert "could not find a member" in page


def test_mail_sent_to_us_is_in_the_export_and_goes_with_the_account(member, client, auth, mail_in):
    ana = member(email="ana@example.org")
    mail_in.send(_to_room(Authentication_Results=authenticated("ana@example.org")))
    auth.login(ana)
    export = client.get("/en/account/export.json").get_json()
    (mail,) = export["mail_received"]["mail"]
    assert mail["subject"] == "Labour inspection reform" and mail["outcome"].startswith("topic:")
    post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    db.session.expire_all()
    assert db.session.scalars(select(InboundMail)).all() == []
