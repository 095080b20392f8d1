"""Chat without JavaScript: room channels and direct conversations over plain HTTP."""

import re

import pytest
from flask import current_app
from sqlalchemy import func, select
from support.chat_form import client_id_on, send
from support.web import post

from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db

ROOM = "social-dialogue"


def count():
    return db.session.scalar(select(func.count()).select_from(ChatMessage))


def test_room_members_chat_without_javascript(client, auth, member):
    auth.login(member(display_name="Kwame"))
    url = f"/en/rooms/{ROOM}/chat"
    response = send(client, url, "Hello **everyone**, see https://ilo.org")
    assert response.headers["Location"] == url + "#latest"
    page = client.get(url).get_data(as_text=True)
    assert "<strong>everyone</strong>" in page
    assert '<a href="https://ilo.org" rel="nofollow ugc noopener">https://ilo.org</a>' in page
    assert "Kwame" in page


def test_non_members_cannot_read_or_write_a_room_chat(client, auth, member, make_user):
    auth.login(member())
    send(client, f"/en/rooms/{ROOM}/chat", "Members only")
    auth.logout()
    auth.login(make_user())
    page = client.get(f"/en/rooms/{ROOM}/chat").get_data(as_text=True)
    assert "Join the room to read and write in its chat." in page and "Members only" not in page
    response = post(client, f"/en/rooms/{ROOM}/chat", {"body": "sneaky", "client_id": "abc"})
    assert count() == 1 and response.status_code == 200
    # Said plainly (a message queued offline by someone who has left meanwhile, say).
    assert "Your message was not sent: you are no longer in this room." in response.get_data(
        as_text=True
    )


def test_anonymous_visitors_are_sent_to_sign_in(client, rooms):
    assert client.get(f"/en/rooms/{ROOM}/chat").headers["Location"].startswith("/en/auth/login")


def test_a_resent_form_stores_one_message(client, auth, member):
    auth.login(member())
    url = f"/en/rooms/{ROOM}/chat"
    page = client.get(url).get_data(as_text=True)
    data = {"body": "Sent twice by a flaky link", "language": "en", "client_id": client_id_on(page)}
    post(client, url, data)
    post(client, url, data)
    assert count() == 1


def unread_badge(inbox: str) -> str | None:
    """The unread number shown beside the first conversation in the inbox, if shown."""
    found = re.search(r"data-unread><span data-count>([^<]+)</span>", inbox)
    return found.group(1) if found else None


def test_direct_conversation_is_private(client, auth, make_user):
    amina, kwame, stranger = make_user(display_name="Amina"), make_user(), make_user()
    auth.login(amina)
    response = post(client, f"/en/messages/with/{kwame.id}")
    url = response.headers["Location"]
    assert re.match(r"^/en/messages/\d+$", url)
    send(client, url, "Bonjour Kwame")
    # Opening again finds the same conversation.
    assert post(client, f"/en/messages/with/{kwame.id}").headers["Location"] == url
    auth.logout()
    auth.login(kwame)
    inbox = client.get("/en/messages/").get_data(as_text=True)
    assert "Amina" in inbox and unread_badge(inbox) == "1"
    assert "Bonjour Kwame" in client.get(url).get_data(as_text=True)
    assert unread_badge(client.get("/en/messages/").get_data(as_text=True)) is None
    auth.logout()
    auth.login(stranger)
    assert client.get(url).status_code == 404
    assert post(client, url, {"body": "intruding", "client_id": "x1"}).status_code == 404
    assert count() == 1


def test_no_conversation_with_oneself_or_unknown_people(client, auth, make_user):
    me = make_user()
    auth.login(me)
    assert post(client, f"/en/messages/with/{me.id}").status_code == 404
    assert post(client, "/en/messages/with/999999").status_code == 404


@pytest.mark.parametrize(
    "body, message",
    [("", "This field is required."), ("x" * 4001, "Please use at most 4000 characters.")],
)
def test_bad_messages_are_refused_and_kept(client, auth, member, body, message):
    auth.login(member())
    response = send(client, f"/en/rooms/{ROOM}/chat", body)
    assert message in response.get_data(as_text=True)
    assert count() == 0


def test_forged_client_ids_are_refused(client, auth, member):
    auth.login(member())
    response = post(
        client, f"/en/rooms/{ROOM}/chat", {"body": "hi", "language": "en", "client_id": "<script>"}
    )
    assert "This message could not be sent." in response.get_data(as_text=True)
    assert count() == 0


def test_script_is_inert(client, auth, member):
    auth.login(member())
    send(client, f"/en/rooms/{ROOM}/chat", "<script>alert(1)</script> [x](javascript:alert(2))")
    page = client.get(f"/en/rooms/{ROOM}/chat").get_data(as_text=True)
    assert "<script>alert(1)" not in page and 'href="javascript' not in page


def test_flood_limit(app, client, auth, member):
    app.config["CHAT_MESSAGES_PER_MINUTE"] = 3
    auth.login(member())
    for n in range(3):
        send(client, f"/en/rooms/{ROOM}/chat", f"message {n}")
    page = send(client, f"/en/rooms/{ROOM}/chat", "one too many").get_data(as_text=True)
    assert "You are sending messages faster than we allow." in page
    assert count() == 3


def test_history_pages_back_by_id(app, client, auth, member):
    from meetingpoint.chat import messages, services
    from meetingpoint.rooms.services import access_room

    current_app.config["CHAT_MESSAGES_PER_MINUTE"] = 1000  # the test body's app context
    user = member()
    room = access_room(ROOM)
    conversation = services.room_channel(room)
    for n in range(messages.PAGE_SIZE + 5):
        messages.send_message(user, conversation, f"Numbered {n:03d}", "en", f"c{n}")
    auth.login(user)
    page = client.get(f"/en/rooms/{ROOM}/chat").get_data(as_text=True)
    assert "Numbered 054" in page and "Numbered 004" not in page
    older = re.search(r'href="\?before=(\d+)"', page).group(1)
    back = client.get(f"/en/rooms/{ROOM}/chat?before={older}").get_data(as_text=True)
    assert "Numbered 004" in back and "Numbered 005" not in back
    # Only the page that ends at the newest message goes live; a page back stays still.
    assert 'data-live="on"' in page and 'data-live="off"' in back


def test_catch_up_after_an_id_returns_exactly_the_missed_messages(app, member, rooms):
    from meetingpoint.chat import messages, services

    current_app.config["CHAT_MESSAGES_PER_MINUTE"] = 1000
    user = member()
    conversation = services.room_channel(rooms[ROOM])
    first, _ = messages.send_message(user, conversation, "before", "en", "a0")
    for n in range(50):
        messages.send_message(user, conversation, f"missed {n}", "en", f"m{n}")
    again, stored = messages.send_message(user, conversation, "missed 0", "en", "m0")
    assert not stored  # a retried send returns the stored message
    caught = messages.history(conversation, after_id=first["id"], limit=100)
    assert [m.body_source for m in caught] == [f"missed {n}" for n in range(50)]


def test_delete_own_messages_and_moderators_in_rooms(client, auth, member):
    writer = member(display_name="Writer")
    auth.login(writer)
    send(client, f"/en/rooms/{ROOM}/chat", "Oops, wrong room")
    mine = db.session.scalar(select(ChatMessage))
    auth.logout()
    auth.login(member())
    assert post(client, f"/en/messages/delete/{mine.id}").status_code == 403
    auth.logout()
    auth.login(writer)
    post(client, f"/en/messages/delete/{mine.id}")
    page = client.get(f"/en/rooms/{ROOM}/chat").get_data(as_text=True)
    assert "Oops, wrong room" not in page and "This message was deleted." in page
    send(client, f"/en/rooms/{ROOM}/chat", "Something rude")
    rude = db.session.scalar(select(ChatMessage).order_by(ChatMessage.id.desc()))
    auth.logout()
    auth.login(member(role="moderator"))
    post(client, f"/en/messages/delete/{rude.id}")
    db.session.expire_all()
    assert db.session.get(ChatMessage, rude.id).is_deleted


def test_strangers_cannot_delete_in_a_direct_conversation(client, auth, make_user):
    amina, kwame = make_user(), make_user()
    auth.login(amina)
    url = post(client, f"/en/messages/with/{kwame.id}").headers["Location"]
    send(client, url, "Private words")
    message = db.session.scalar(select(ChatMessage))
    auth.logout()
    auth.login(make_user(role="moderator"))  # moderators do not reach into private talk
    assert post(client, f"/en/messages/delete/{message.id}").status_code == 404
    db.session.expire_all()
    assert not db.session.get(ChatMessage, message.id).is_deleted
