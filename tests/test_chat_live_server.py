"""Chat against real server processes (gunicorn -k gevent): a real python-socketio client over
websocket and over long-polling, catch-up across a restart, and two processes sharing Redis
and PostgreSQL."""

import time
import uuid

import pytest
from support.live_servers import Participant

from meetingpoint.chat import messages, services
from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db

ROOM = "social-dialogue"


def stored(message: dict) -> dict:
    return {key: value for key, value in message.items() if key != "previous_id"}


def send(person: Participant, conversation_id: int, body: str) -> dict:
    reply = person.call(
        "send",
        {
            "conversation_id": conversation_id,
            "body": body,
            "client_id": uuid.uuid4().hex,
            "language": "en",
        },
    )
    assert reply["ok"], reply
    return reply["message"]


@pytest.mark.backends("sqlite")
@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_real_client_chats_and_catches_up(app, servers, member, rooms, transport):
    amina, kwame = member(), member()
    channel = services.room_channel(rooms[ROOM])
    server = servers()
    a = Participant(server, amina.email, transport).connect()
    k = Participant(server, kwame.email, transport).connect()
    assert a.client.transport() == transport
    assert k.call("open", {"conversation_id": channel.id})["ok"]

    first = send(a, channel.id, "Hello over " + transport)
    assert k.wait_for("new_message") == [first]

    # Kwame goes away; fifty messages are sent; he comes back with the last id he holds.
    k.disconnect()
    missed = [send(a, channel.id, f"missed {n}") for n in range(50)]
    k.connect(server)
    reply = k.call("open", {"conversation_id": channel.id, "after_id": first["id"]})
    # As stored (a live announcement also names the message before it).
    assert reply["messages"] == [stored(m) for m in missed] and not reply["more"]
    # A retried send (same client id) is stored once and answered with the stored message.
    retry = {
        "conversation_id": channel.id,
        "body": "once",
        "client_id": "retry-1",
        "language": "en",
    }
    assert stored(a.call("send", retry)["message"]) == stored(a.call("send", retry)["message"])
    assert db.session.query(ChatMessage).filter_by(client_id="retry-1").count() == 1
    a.disconnect(), k.disconnect()


@pytest.mark.backends("sqlite")
def test_catch_up_after_the_server_restarts(app, servers, member, rooms):
    amina, kwame = member(), member()
    channel = services.room_channel(rooms[ROOM])
    before = servers()
    k = Participant(before, kwame.email).connect()
    held = send(k, channel.id, "last one I saw")
    before.stop()  # the process goes away; the connection with it

    after = servers()
    a = Participant(after, amina.email).connect()
    missed = [send(a, channel.id, f"while you were away {n}") for n in range(50)]
    k.connect(after)
    reply = k.call("open", {"conversation_id": channel.id, "after_id": held["id"]})
    assert [m["id"] for m in reply["messages"]] == [m["id"] for m in missed]
    assert len({m["id"] for m in reply["messages"]}) == 50
    a.disconnect(), k.disconnect()


@pytest.mark.backends("postgresql")
def test_two_processes_share_messages_presence_typing_and_unread(
    app, servers, member, rooms, redis_channel
):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    channel = services.room_channel(rooms[ROOM])
    direct = services.open_direct(amina, kwame)
    one, two = servers(redis_channel), servers(redis_channel)

    a = Participant(one, amina.email).connect()
    k = Participant(two, kwame.email).connect()
    assert k.call("open", {"conversation_id": channel.id})["ok"]
    # Presence: Kwame is connected to process two; Amina, on process one, sees him online.
    opened = a.call("open", {"conversation_id": channel.id})
    assert {p["name"] for p in opened["online"]} == {"Amina", "Kwame"}

    # A room message crosses from process one to process two.
    sent = send(a, channel.id, "Across processes")
    assert k.wait_for("new_message") == [sent]

    # Typing crosses too, and its pace is counted in Redis, shared by both processes.
    assert a.call("typing", {"conversation_id": channel.id}) == {"ok": True}
    second_tab = Participant(two, amina.email).connect()
    assert second_tab.call("typing", {"conversation_id": channel.id})["throttled"]
    assert k.wait_for("typing") == [
        {"conversation_id": channel.id, "user_id": amina.id, "name": "Amina"}
    ]

    # A direct message: Kwame's unread count reaches both his tabs, one on each process,
    # and reading it on process two clears the count on process one.
    kwame_laptop = Participant(one, kwame.email).connect()
    private = send(a, direct.id, "Just between us")
    assert k.wait_for("unread")[-1] == {"conversation_id": direct.id, "unread": 1, "total": 1}
    assert kwame_laptop.wait_for("unread")[-1]["total"] == 1
    k.call("read", {"conversation_id": direct.id, "up_to_id": private["id"]})
    assert kwame_laptop.wait_for("read")[0]["total"] == 0

    # Kwame leaves both processes; Amina's next heartbeat no longer lists him.
    k.disconnect(), kwame_laptop.disconnect()
    deadline = time.monotonic() + 10  # the servers notice the disconnects in their own time
    while time.monotonic() < deadline:
        online = [p["name"] for p in a.call("here", {"conversation_id": channel.id})["online"]]
        if online == ["Amina"]:
            break
        time.sleep(0.1)
    assert online == ["Amina"]
    assert messages.last_read_id(kwame, direct) == private["id"]
    a.disconnect(), second_tab.disconnect()
