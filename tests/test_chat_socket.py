"""Live chat through Socket.IO handlers (Flask-SocketIO's test client, signed in over HTTP):
the exact events each participant receives (refusals are in test_chat_refusals.py)."""

from flask import current_app
from sqlalchemy import select
from support.chat_sockets import ROOM, events, send, stored

from meetingpoint.chat import messages, services
from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db
from meetingpoint.notifications.models import Notification


def test_anonymous_connections_are_refused(connect):
    assert not connect().is_connected()


def test_a_room_message_reaches_every_member_once_and_no_outsider(
    connect, member, make_user, channel
):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    outsider = make_user(display_name="Outsider")
    a, k, o = connect(amina, channel), connect(kwame, channel), connect(outsider)
    for sock in (a, k, o):
        sock.get_received()

    reply = send(a, channel.id, "Hello **all**", "c1")

    assert reply["ok"] and not reply["duplicate"]
    message = reply["message"]
    assert message["html"] == "<p>Hello <strong>all</strong></p>"
    assert message["sender_name"] == "Amina" and message["language"] == "en"
    assert events(k) == [("new_message", message)]
    assert events(a) == [("new_message", message)]  # her other tabs; the page drops the repeat
    assert events(o) == []


def test_a_retried_send_is_stored_once_and_broadcast_once(connect, member, channel):
    a, k = connect(member(), channel), connect(member(), channel)
    first = send(a, channel.id, "Only once", "same-id")
    k.get_received()
    again = send(a, channel.id, "Only once", "same-id")
    assert again["ok"] and again["duplicate"]
    assert again["message"]["id"] == first["message"]["id"]
    assert stored() == 1
    assert events(k) == []


def test_open_catches_up_exactly_the_missed_messages_in_order(connect, member, channel):
    current_app.config["CHAT_MESSAGES_PER_MINUTE"] = 1000
    amina, kwame = member(), member()
    first, _ = messages.send_message(amina, channel, "seen", "en", "seen")
    for n in range(50):
        messages.send_message(amina, channel, f"missed {n}", "en", f"m{n}")
    k = connect(kwame)
    reply = k.emit("open", {"conversation_id": channel.id, "after_id": first["id"]}, callback=True)
    assert reply["ok"] and not reply["more"]
    assert [m["html"] for m in reply["messages"]] == [f"<p>missed {n}</p>" for n in range(50)]
    ids = [m["id"] for m in reply["messages"]]
    assert ids == sorted(set(ids))


def test_open_without_an_id_gives_the_latest_page_and_who_is_online(connect, member, channel):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    messages.send_message(amina, channel, "first", "en", "f1")
    a = connect(amina)
    k = connect(kwame)
    reply = k.emit("open", {"conversation_id": channel.id}, callback=True)
    assert [m["html"] for m in reply["messages"]] == ["<p>first</p>"]
    assert sorted(p["name"] for p in reply["online"]) == ["Amina", "Kwame"]
    assert reply["last_read_id"] == 0
    assert a.is_connected()


def test_direct_messages_reach_the_two_people_with_their_unread_counts(connect, make_user):
    amina, kwame, third = make_user(), make_user(), make_user()
    conversation = services.open_direct(amina, kwame)
    a, k, t = connect(amina), connect(kwame), connect(third)
    for sock in (a, k, t):
        sock.get_received()

    reply = send(a, conversation.id, "Hola", "d1")

    message = reply["message"]
    assert events(k) == [
        ("new_message", message),
        ("unread", {"conversation_id": conversation.id, "unread": 1, "total": 1}),
    ]
    assert events(a) == [
        ("new_message", message),
        ("unread", {"conversation_id": conversation.id, "unread": 0, "total": 0}),
    ]
    assert events(t) == []
    # The third person cannot read it, open it, or write to it.
    assert not t.emit("open", {"conversation_id": conversation.id}, callback=True)["ok"]
    assert not send(t, conversation.id, "let me in", "t1")["ok"]
    assert stored() == 1


def test_reading_moves_the_position_on_every_tab_of_that_person(connect, make_user):
    amina, kwame = make_user(), make_user()
    conversation = services.open_direct(amina, kwame)
    sent = send(connect(amina), conversation.id, "Are you there?", "r1")["message"]
    phone, laptop = connect(kwame), connect(kwame)
    phone.get_received(), laptop.get_received()

    reply = phone.emit(
        "read", {"conversation_id": conversation.id, "up_to_id": sent["id"]}, callback=True
    )

    assert reply == {"ok": True, "last_read_id": sent["id"]}
    expected = {
        "conversation_id": conversation.id,
        "last_read_id": sent["id"],
        "unread": 0,
        "total": 0,
    }
    assert events(laptop) == [("read", expected)]
    assert events(phone) == [("read", expected)]
    # A later visit from anywhere starts from there.
    assert messages.last_read_id(kwame, conversation) == sent["id"]


def test_typing_is_shown_to_the_others_at_most_every_two_seconds(connect, member, channel):
    amina, kwame = member(display_name="Amina"), member()
    a, k = connect(amina, channel), connect(kwame, channel)
    for sock in (a, k):
        sock.get_received()
    assert a.emit("typing", {"conversation_id": channel.id}, callback=True) == {"ok": True}
    assert a.emit("typing", {"conversation_id": channel.id}, callback=True)["throttled"]
    assert events(k) == [
        ("typing", {"conversation_id": channel.id, "user_id": amina.id, "name": "Amina"})
    ]
    assert events(a) == []


def test_a_crowded_room_names_the_first_people_and_counts_them_all(
    connect, member, channel, monkeypatch
):
    from meetingpoint.chat import presence

    monkeypatch.setattr(presence, "ONLINE_NAMED", 2)
    people = [member(display_name=name) for name in ("Zola", "Amina", "Kwame")]
    for person in people:
        connect(person)
    reply = connect(people[0]).emit("open", {"conversation_id": channel.id}, callback=True)
    assert [p["name"] for p in reply["online"]] == ["Amina", "Kwame"]
    assert reply["online_count"] == 3


def test_who_is_online_is_read_from_shared_connection_rows(connect, member, channel):
    from meetingpoint.chat import presence

    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    a = connect(amina, channel)
    k = connect(kwame)
    here = a.emit("here", {"conversation_id": channel.id}, callback=True)
    assert sorted(p["name"] for p in here["online"]) == ["Amina", "Kwame"]
    assert presence.online_among([amina.id, kwame.id]) == {amina.id, kwame.id}

    second_tab = connect(kwame)
    second_tab.disconnect()
    assert presence.online_among([kwame.id]) == {kwame.id}  # still there in the other tab
    k.disconnect()
    here = a.emit("here", {"conversation_id": channel.id}, callback=True)
    assert [p["name"] for p in here["online"]] == ["Amina"]
    # Nobody was sent an event for any of it: the page looks when it needs to.
    assert events(a, "presence") == []


def test_a_page_that_has_not_opened_the_room_chat_gets_none_of_it(connect, member, channel):
    elsewhere = connect(member())
    send(connect(member(), channel), channel.id, "Only for those reading", "o1")
    assert events(elsewhere) == []


def test_edit_own_message_shown_edited_to_everyone(connect, member, channel):
    amina, kwame = member(), member()
    a, k = connect(amina, channel), connect(kwame, channel)
    sent = send(a, channel.id, "Meet at 10", "e1")["message"]
    k.get_received()
    a.get_received()

    reply = a.emit("edit", {"message_id": sent["id"], "body": "Meet at 11"}, callback=True)

    assert reply["ok"] and reply["message"]["edited"]
    assert events(k) == [("message_changed", reply["message"])]
    assert reply["message"]["html"] == "<p>Meet at 11</p>"
    a.get_received()
    # Someone else's message is not theirs to edit; nothing is broadcast.
    refused = k.emit("edit", {"message_id": sent["id"], "body": "Hacked"}, callback=True)
    assert not refused["ok"]
    assert events(a) == []
    assert db.session.get(ChatMessage, sent["id"]).body_source == "Meet at 11"


def test_delete_own_message_reaches_everyone_as_deleted(connect, member, channel):
    amina, kwame = member(), member()
    a, k = connect(amina, channel), connect(kwame, channel)
    sent = send(a, channel.id, "Wrong room", "x1")["message"]
    assert not k.emit("delete", {"message_id": sent["id"]}, callback=True)["ok"]
    k.get_received()
    reply = a.emit("delete", {"message_id": sent["id"]}, callback=True)
    assert reply["message"]["deleted"] and reply["message"]["html"] == ""
    assert events(k) == [("message_changed", reply["message"])]


def test_a_mention_in_chat_notifies_the_person_named(connect, member, channel):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame Mensah")
    a, k = connect(amina, channel), connect(kwame, channel)
    k.get_received()
    sent = send(a, channel.id, "@**Kwame Mensah** can you share the report?", "m1")["message"]
    assert f'href="/people/{kwame.id}"' in sent["html"]
    assert ("mentioned", {"conversation_id": channel.id}) in events(k)
    note = db.session.scalar(select(Notification))
    assert (note.user_id, note.kind, note.chat_message_id) == (kwame.id, "chat_mention", sent["id"])


def test_history_pages_back_by_id_and_jumps_to_a_date(connect, member, channel):
    from datetime import timedelta

    from meetingpoint.database import utcnow

    current_app.config["CHAT_MESSAGES_PER_MINUTE"] = 1000
    amina = member()
    sent = []
    for n in range(60):
        announced, _ = messages.send_message(amina, channel, f"n{n}", "en", f"h{n}")
        sent.append(db.session.get(ChatMessage, announced["id"]))
    for n, message in enumerate(sent):  # one message a day, oldest first
        message.created_at = utcnow() - timedelta(days=60 - n)
    db.session.commit()
    a = connect(amina)
    back = a.emit(
        "history", {"conversation_id": channel.id, "before_id": sent[20].id}, callback=True
    )
    assert [m["id"] for m in back["messages"]] == [m.id for m in sent[:20]]
    day = sent[45].created_at.date().isoformat()
    jump = a.emit("history", {"conversation_id": channel.id, "date": day}, callback=True)
    assert jump["messages"][0]["id"] == sent[45].id
    assert len(jump["messages"]) == 15 and not jump["more"]


def test_leaving_the_room_closes_its_channel(connect, member, channel, rooms):
    from meetingpoint.rooms.services import leave_room

    amina = member()
    a = connect(amina)
    leave_room(amina, rooms[ROOM])
    assert not send(a, channel.id, "after leaving", "l1")["ok"]
    assert not a.emit("open", {"conversation_id": channel.id}, callback=True)["ok"]
