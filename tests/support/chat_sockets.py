"""Live chat over Socket.IO in tests: the `connect` and `channel` fixtures (loaded as a
pytest plugin) and helpers to send and read events."""

import pytest
from sqlalchemy import func, select

from meetingpoint.chat import services
from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db, socketio
from support.web import AuthActions

ROOM = "social-dialogue"


@pytest.fixture
def connect(app):
    """A live connection for `user`, signed in through the HTTP sign-in form."""
    opened = []

    def make(user=None, conversation=None):
        http = app.test_client()
        if user is not None:
            AuthActions(http).login(user)
        sock = socketio.test_client(app, flask_test_client=http)
        opened.append(sock)
        if conversation is not None:  # the chat page is open
            assert sock.emit("open", {"conversation_id": conversation.id}, callback=True)["ok"]
        return sock

    yield make
    for sock in opened:
        if sock.is_connected():
            sock.disconnect()


@pytest.fixture
def channel(rooms):
    return services.room_channel(rooms[ROOM])


def events(sock, name=None):
    received = sock.get_received()
    return [(e["name"], e["args"][0]) for e in received if name is None or e["name"] == name]


def send(sock, conversation_id, body, client_id, language="en"):
    return sock.emit(
        "send",
        {
            "conversation_id": conversation_id,
            "body": body,
            "client_id": client_id,
            "language": language,
        },
        callback=True,
    )


def stored() -> int:
    return db.session.scalar(select(func.count()).select_from(ChatMessage))
