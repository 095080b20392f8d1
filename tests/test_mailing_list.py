"""Mailing-list mode: a member chooses rooms on the settings page, then every new post of
those rooms reaches them whole, as a mailing list's mail does (its headers, one thread per
topic), which they can answer by replying and stop with one click."""

from pathlib import Path

from sqlalchemy import select
from support.forum import answer, last, open_topic
from support.mail_in import DOMAIN, gmail_reply
from support.settings import PASSWORD
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post
from meetingpoint.notifications.mailing_list import MailingListRoom, rooms_read_by_mail
from meetingpoint.notifications.models import EMAIL, REPLY, NotificationPreference
from meetingpoint.notifications.preferences import EVENTS
from meetingpoint.rooms.models import RoomMembership
from meetingpoint.safety.services import mute

ROOM, OTHER_ROOM, NOT_JOINED = "social-dialogue", "skills-development", "labour-migration"
# Longer than any excerpt, in Markdown, with a line only a whole post would carry.
BODY = (
    "Our tripartite council meets every month.\n\n"
    + "- It publishes its minutes online.\n" * 20
    + "\nThe **last line** of a long post."
)


def choose(client, *room_ids, **extra):
    """Send the settings form as it stands by default, with these rooms read by mail."""
    data = {event: "app" for event in EVENTS} | {"announcement": "email", "digest": ""}
    return post(client, "/en/notifications/settings", data | extra | {"list_room": list(room_ids)})


def reading_by_mail(client, auth, person, *rooms):
    auth.login(person)
    assert choose(client, *(room.id for room in rooms)).status_code == 302
    auth.logout()


def mails_to(outbox, address: str) -> list:
    return [m for m in outbox() if m["To"] == address]


def written_to(app, address: str) -> list[str]:
    """The mail to `address` as it was written, before any parser decodes it."""
    folder = Path(app.config["MAIL_OUTBOX"])
    files = [path.read_text() for path in sorted(folder.glob("*.eml"))]
    return [text for text in files if f"\nTo: {address}\n" in text]


def test_a_member_chooses_the_rooms_read_by_mail(client, auth, member, rooms):
    ana = member(display_name="Ana")
    db.session.add(RoomMembership(room_id=rooms[OTHER_ROOM].id, user_id=ana.id))
    db.session.commit()
    auth.login(ana)
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert "Mailing-list mode" in page
    assert "Social dialogue" in page and "Skills development and vocational training" in page
    assert "Labour migration" not in page  # a room she did not join is not offered

    assert choose(client, rooms[ROOM].id).status_code == 302
    assert rooms_read_by_mail(ana.id) == {rooms[ROOM].id}
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert f'name="list_room" value="{rooms[ROOM].id}" checked' in page
    assert f'name="list_room" value="{rooms[OTHER_ROOM].id}">' in page


def test_a_room_not_joined_is_refused_and_nothing_is_saved(client, auth, member, rooms):
    ana = member()
    auth.login(ana)
    for value in (rooms[NOT_JOINED].id, "a room"):
        refused = choose(client, rooms[ROOM].id, value, digest="daily")
        assert refused.status_code == 400
        assert "Choose only rooms you belong to." in refused.get_data(as_text=True)
        assert rooms_read_by_mail(ana.id) == set()
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert 'name="digest" value="daily" checked' not in page  # the rest was not saved either


def test_each_new_post_reaches_list_readers_whole_as_a_list_mail(
    app, client, auth, member, rooms, outbox, mail_in
):
    room = rooms[ROOM]
    ana, bruno = member(display_name="Ana", email="ana@example.org"), member(display_name="Bruno")
    carla, mei = member(display_name="Carla"), member(display_name="Mei", email="mei@example.org")
    for person in (ana, bruno, mei):
        reading_by_mail(client, auth, person, room)
    mute(mei, bruno)
    auth.login(bruno)
    open_topic(client, title="Tripartite councils", body=BODY)
    opening = last(Post)
    auth.logout()
    auth.login(carla)
    answer(client, opening.id, "Ours meets every quarter.")
    carlas = last(Post)

    on_topic, on_reply = mails_to(outbox, "ana@example.org")
    for mail in (on_topic, on_reply):
        assert mail["Subject"] == "[Social dialogue] Tripartite councils"
        assert mail["List-Id"] == f"Social dialogue <{ROOM}.{DOMAIN}>"
        assert mail["List-Post"] == f"<mailto:{ROOM}@{DOMAIN}>"
        assert mail["List-Unsubscribe"].startswith("<http")
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert str(mail["Reply-To"]).startswith("reply+")
        assert str(mail["Reply-To"]).endswith("@" + DOMAIN)
    assert on_topic.get_content().startswith(BODY)  # whole, as written
    assert f"/posts/{opening.id}" in on_topic.get_content()
    assert str(on_topic["From"]).startswith("Bruno via Meeting Point <")
    assert str(on_reply["From"]).startswith("Carla via Meeting Point <")
    assert on_reply.get_content().startswith("Ours meets every quarter.")
    topic_id = f"<post-{opening.id}.{ana.id}@{DOMAIN}>"
    assert on_topic["Message-ID"] == topic_id
    assert topic_id in on_reply["References"] and on_reply["In-Reply-To"] == topic_id
    assert on_reply["Message-ID"] == f"<post-{carlas.id}.{ana.id}@{DOMAIN}>"
    for written in written_to(app, "ana@example.org"):  # the URL whole, for mail clients
        assert f"\nList-Unsubscribe: {on_topic['List-Unsubscribe']}\n" in written

    # Not their own post to its author; nothing by the person Mei muted to Mei.
    (to_bruno,) = mails_to(outbox, bruno.email)
    assert str(to_bruno["From"]).startswith("Carla via")
    (to_mei,) = mails_to(outbox, "mei@example.org")
    assert str(to_mei["From"]).startswith("Carla via")
    assert mails_to(outbox, carla.email) == []  # she does not read the room by mail


def test_a_list_mail_is_in_the_readers_language(client, auth, member, rooms, outbox):
    lucia = member(email="lucia@example.org", locale="es")
    reading_by_mail(client, auth, lucia, rooms[ROOM])
    auth.login(member(display_name="Bruno"))
    open_topic(client, title="Consejos tripartitos", body=BODY)
    (mail,) = mails_to(outbox, "lucia@example.org")
    assert mail["Subject"] == "[Diálogo social] Consejos tripartitos"
    assert mail["Content-Language"] == "es"
    assert "Bruno vía Meeting Point" in str(mail["From"])
    assert "/es/notifications/settings" in mail.get_content()


def test_a_reply_read_in_list_mode_is_not_mailed_again_as_a_notification(
    client, auth, member, rooms, outbox
):
    ana = member(display_name="Ana", email="ana@example.org")
    db.session.add(NotificationPreference(user_id=ana.id, event=REPLY, channel=EMAIL))
    db.session.commit()
    auth.login(ana)
    assert choose(client, rooms[ROOM].id, reply=EMAIL).status_code == 302
    open_topic(client)
    opening = last(Post)
    auth.logout()
    auth.login(member(display_name="Bruno"))
    answer(client, opening.id, "Ours meets every quarter.")

    (mail,) = mails_to(outbox, "ana@example.org")
    assert mail["List-Id"] is not None  # the list's mail, whole, not the notification
    assert mail.get_content().startswith("Ours meets every quarter.")


def test_the_one_click_link_stops_that_room_only(client, app, auth, member, rooms, outbox):
    ana = member(email="ana@example.org")
    db.session.add(RoomMembership(room_id=rooms[OTHER_ROOM].id, user_id=ana.id))
    db.session.commit()
    reading_by_mail(client, auth, ana, rooms[ROOM], rooms[OTHER_ROOM])
    author = member(display_name="Bruno")
    auth.login(author)
    open_topic(client)
    (mail,) = mails_to(outbox, "ana@example.org")
    link = mail["List-Unsubscribe"].strip("<>")
    path = link.partition("//")[2].partition("/")[2]
    auth.logout()

    stranger = app.test_client()  # not signed in, no CSRF token: as a mail client posts
    page = stranger.get("/" + path)
    assert page.status_code == 200 and "Social dialogue" in page.get_data(as_text=True)
    assert rooms_read_by_mail(ana.id) == {rooms[ROOM].id, rooms[OTHER_ROOM].id}
    assert stranger.post("/" + path).status_code == 200
    assert rooms_read_by_mail(ana.id) == {rooms[OTHER_ROOM].id}
    assert stranger.post("/en/notifications/list-unsubscribe/forged").status_code == 404

    auth.login(author)
    open_topic(client, title="Another question")
    assert len(mails_to(outbox, "ana@example.org")) == 1


def test_a_list_mail_answered_by_mail_is_posted_under_its_post(
    client, auth, member, rooms, outbox, mail_in
):
    ana = member(display_name="Ana", email="ana@example.org")
    reading_by_mail(client, auth, ana, rooms[ROOM])
    auth.login(member(display_name="Bruno"))
    open_topic(client, title="Tripartite councils", body=BODY)
    opening = last(Post)
    (list_mail,) = mails_to(outbox, "ana@example.org")
    answer_text = "Ours meets every quarter, and publishes its minutes too."

    refused = mail_in.send(gmail_reply(list_mail, "ana@example.org", answer_text))

    assert refused == {}
    posted = last(Post)
    assert posted.id != opening.id
    assert posted.parent_id == opening.id and posted.author_id == ana.id
    assert posted.body_source.startswith(answer_text)


def test_leaving_a_room_stops_its_mail(client, auth, member, rooms, outbox):
    ana = member(email="ana@example.org")
    reading_by_mail(client, auth, ana, rooms[ROOM])
    auth.login(ana)
    assert post(client, f"/en/rooms/{ROOM}/leave").status_code == 302
    assert rooms_read_by_mail(ana.id) == set()


def test_the_rooms_read_by_mail_are_exported_and_forgotten(client, auth, member, rooms):
    ana = member()
    reading_by_mail(client, auth, ana, rooms[ROOM])
    auth.login(ana)
    exported = client.get("/en/account/export.json").get_json()
    assert exported["notification_settings"]["rooms_read_by_mail"] == [ROOM]
    post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    remaining = db.session.scalars(select(MailingListRoom).where(MailingListRoom.user_id == ana.id))
    assert remaining.all() == []
