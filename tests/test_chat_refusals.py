"""Live chat refusals: bad, out-of-range, flooding or suspended sends are refused to the
sender alone, in their language, and what is sent is cleaned and rendered inert."""

import pytest
from sqlalchemy import select
from support.chat_sockets import events, send, stored

from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db

BAD_PAYLOADS = [
    "just a string",
    ["a", "list"],
    {},
    {"conversation_id": "1", "body": "x", "client_id": "c", "language": "en"},
    {"conversation_id": True, "body": "x", "client_id": "c", "language": "en"},
    {"conversation_id": 999999, "body": "x", "client_id": "c", "language": "en"},
    # Past 64 bits (no engine takes it), past 32 (PostgreSQL's integer ids), negative.
    {"conversation_id": 10**23, "body": "x", "client_id": "c", "language": "en"},
    {"conversation_id": 2**31, "body": "x", "client_id": "c", "language": "en"},
    {"conversation_id": -1, "body": "x", "client_id": "c", "language": "en"},
    {"conversation_id": "OWN", "body": "\x00\x01\x1b", "client_id": "c", "language": "en"},
    {"conversation_id": "OWN", "body": 42, "client_id": "c", "language": "en"},
    {"conversation_id": "OWN", "body": "x", "client_id": "../../etc", "language": "en"},
    {"conversation_id": "OWN", "body": "x", "client_id": "c", "language": "xx-evil"},
    {"conversation_id": "OWN", "body": "   ", "client_id": "c", "language": "en"},
    {"conversation_id": "OWN", "body": "x" * 4001, "client_id": "c", "language": "en"},
]


@pytest.mark.parametrize("payload", BAD_PAYLOADS)
def test_bad_sends_are_refused_to_the_sender_alone(connect, member, channel, payload):
    if isinstance(payload, dict) and payload.get("conversation_id") == "OWN":
        payload = {**payload, "conversation_id": channel.id}
    a, k = connect(member(), channel), connect(member(), channel)
    a.get_received(), k.get_received()

    reply = a.emit("send", payload, callback=True)

    assert reply["ok"] is False and reply["error"]
    assert events(a) == [
        ("chat_error", {"event": "send", "error": reply["error"], **_cid(payload)})
    ]
    assert events(k) == []
    assert stored() == 0
    # The connection is still usable.
    assert send(a, channel.id, "Still here", "after-refusal")["ok"]


def test_ids_out_of_range_are_refused_by_every_event(connect, member, channel):
    a = connect(member(), channel)
    mine = send(a, channel.id, "Mine", "mine")["message"]["id"]
    asked = [
        ("open", {"conversation_id": channel.id, "after_id": 2**63}),
        ("history", {"conversation_id": channel.id, "before_id": 10**23}),
        ("send", {"conversation_id": 2**63, "body": "x", "client_id": "c", "language": "en"}),
        ("edit", {"message_id": 2**31, "body": "changed"}),
        ("delete", {"message_id": 10**23}),
        ("read", {"conversation_id": channel.id, "up_to_id": 2**63}),
        ("typing", {"conversation_id": 2**31}),
        ("here", {"conversation_id": 10**23}),
        ("open", {"conversation_id": channel.id, "after_id": -1}),
    ]
    for event, payload in asked:
        reply = a.emit(event, payload, callback=True)
        assert reply == {"ok": False, "error": "This request was not understood."}, event
    assert stored() == 1
    assert a.emit("edit", {"message_id": mine, "body": "Mine, edited"}, callback=True)["ok"]


def test_control_characters_and_lone_surrogates_are_cleaned_from_what_is_sent(
    connect, member, channel
):
    """A text box cut in the middle of an emoji sends a lone surrogate; pasted text can
    carry NUL and other controls. The message keeps what can be seen (and tab, newline)."""
    a = connect(member(), channel)
    reply = send(a, channel.id, "Tri\x00partite\x1b councils\tmeet \ud83d", "c1")
    assert reply["ok"]
    message = db.session.scalar(select(ChatMessage))
    assert message.body_source == "Tripartite councils\tmeet \ufffd"
    edited = a.emit("edit", {"message_id": message.id, "body": "Now\x00 \udc00"}, callback=True)
    assert edited["ok"]
    db.session.refresh(message)
    assert message.body_source == "Now \ufffd"


def _cid(payload) -> dict:
    return (
        {"client_id": payload["client_id"]}
        if isinstance(payload, dict) and "client_id" in payload
        else {}
    )


def test_refusals_are_translated_for_the_sender(connect, member, channel):
    spanish = member(locale="es")
    a = connect(spanish)
    reply = send(a, channel.id, "x" * 4001, "big")
    assert reply["error"] == "Use como máximo 4000 caracteres."


def test_flood_is_refused_and_not_broadcast(app, connect, member, channel):
    app.config["CHAT_MESSAGES_PER_MINUTE"] = 3  # the served app handles the events
    a, k = connect(member(), channel), connect(member(), channel)
    for n in range(3):
        assert send(a, channel.id, f"m{n}", f"f{n}")["ok"]
    k.get_received()
    reply = send(a, channel.id, "one too many", "f3")
    assert reply["error"] == "You are sending messages faster than we allow. Wait a moment."
    assert events(k) == [] and stored() == 3


def test_script_is_rendered_inert(connect, member, channel):
    a = connect(member())
    html = send(a, channel.id, "<script>alert(1)</script> [x](javascript:alert(1))", "s1")
    html = html["message"]["html"]
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_suspended_participants_cannot_send(connect, member, channel):
    from datetime import timedelta

    from meetingpoint.database import utcnow

    amina = member()
    a = connect(amina)
    amina.suspended_until = utcnow() + timedelta(days=2)
    db.session.commit()
    reply = send(a, channel.id, "still talking", "z1")
    assert not reply["ok"] and "suspended" in reply["error"] and stored() == 0
