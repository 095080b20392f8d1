"""Thin Socket.IO handlers: check the payload, call the same services as the HTTP routes,
answer with an acknowledgement. Refusals go back to the sender alone, never broadcast."""

import functools
from datetime import UTC, datetime, time

from flask import current_app, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_socketio import ConnectionRefusedError, disconnect, emit, join_room
from limits import parse
from werkzeug.exceptions import Forbidden, NotFound

from ..extensions import db, limiter, socketio
from ..inputs import clean_text, day_of, is_id
from . import live, messages, pacing, presence, services
from .gate import event_gate
from .models import KIND_ROOM

TYPING_PACE = parse("1 per 2 seconds")


class BadPayload(Exception):
    """The event's data is not what this handler takes."""


def _field(data, name: str, kind: type, required: bool = True, low: int = 1):
    """The payload's `name`: an int from `low` (1 for ids, 0 for positions) to the largest
    id, or a str cleaned as form text is (inputs.clean_text); anything else is BadPayload."""
    value = data.get(name)
    if value is None and not required:
        return None
    if kind is int:
        if not is_id(value, low):  # a bool is an int to Python, but never an id
            raise BadPayload(name)
        return value
    if not isinstance(value, kind):
        raise BadPayload(name)
    return clean_text(value)


def chat_event(name: str):
    """Register a handler that receives a dict and returns a dict for the acknowledgement.

    Every event is answered. A refusal becomes {"ok": false, "error": <translated>} plus a
    `chat_error` event to this connection alone; the connection stays usable and nothing is
    broadcast. A failure on our side (the database away, the process too busy) answers
    {"ok": false, "retry": true, ...}: nothing was stored, and the page sends again.
    """

    def register(handler):
        @functools.wraps(handler)
        def run(data=None, *_extra):
            # Over this connection's budget: refused before any work, the gate included.
            if (verdict := pacing.pace(request.sid)) != pacing.ALLOW:
                return _slow_down(name, data, verdict)
            gate = event_gate()
            if not gate.enter():  # every place taken for the configured wait
                return _refuse(name, data, _("We are very busy. Trying again…"), retry=True)
            try:
                return _answer(name, handler, data)
            finally:
                gate.leave()

        return socketio.on(name)(run)

    return register


def _answer(name: str, handler, data) -> dict:
    try:
        if not current_user.is_authenticated:  # signed out, or the password changed
            disconnect()
            return {"ok": False, "error": _("Please sign in to see this page.")}
        if not isinstance(data, dict):
            raise BadPayload(name)
        return {"ok": True, **(handler(data) or {})}
    except messages.ChatError as error:
        return _refuse(name, data, str(error))
    except (NotFound, Forbidden):
        return _refuse(name, data, _("This conversation is not available to you."))
    except BadPayload:
        return _refuse(name, data, _("This request was not understood."))
    except Exception:  # the database unreachable, the pool exhausted, a bug: still answer
        current_app.logger.exception("Socket event %s failed", name)
        return _refuse(name, data, _("Something went wrong on our side. Trying again…"), retry=True)
    finally:
        _end_transaction()


def _end_transaction() -> None:
    """Nothing half-done outlives the event; with the database away, the rollback itself
    fails, and the answer must still go out."""
    try:
        db.session.rollback()
    except Exception:
        current_app.logger.warning("Rollback after a socket event failed", exc_info=True)
        db.session.remove()


def _slow_down(event: str, data, verdict: str) -> dict:
    """Over this connection's budget (pacing.py): refused, the work not done; far over it,
    the connection is dropped too. Answered "retry": a page coming back online resends every
    message written meanwhile at once, and those past the burst must be sent again a moment
    later, not handed back (a script flooding the server gets nothing from the flag)."""
    reply = _refuse(
        event, data, _("You are sending too fast. Wait a moment and try again."), retry=True
    )
    if verdict == pacing.DROP:
        disconnect()
    return reply


def _refuse(event: str, data, error: str, retry: bool = False) -> dict:
    client_id = data.get("client_id") if isinstance(data, dict) else None
    reply: dict[str, object] = {"event": event, "error": error}
    if isinstance(client_id, str):
        reply["client_id"] = client_id[:64]
    if retry:
        reply["retry"] = True
    # Flask-SocketIO sets request.sid for each event; Flask's Request type does not know it.
    emit("chat_error", reply, to=request.sid)  # type: ignore[attr-defined]
    return {"ok": False, "error": error, **({"retry": True} if retry else {})}


@socketio.on("connect")
def on_connect(auth=None):
    """Signed-in people only. Each tab joins its person's room; a conversation's own room is
    joined when the page opens it. Presence is a database row that others read when they
    look (on opening a room's chat, then with every heartbeat): pushing each arrival to
    every viewer would cost a thousand events per arrival in a room of a thousand.

    Connecting reads and writes the database like any event, so it waits at the same gate:
    a crowd reconnecting at once (a process restarted) queues instead of emptying the pool.
    """
    gate = event_gate()
    if not gate.enter():
        raise ConnectionRefusedError("unavailable")  # live.js connects again in a moment
    try:
        _welcome()
    finally:
        gate.leave()


def _welcome() -> None:
    try:
        signed_in = current_user.is_authenticated
    except Exception as error:  # the database away: the page tries again in a moment
        current_app.logger.warning("Socket connect failed: %s", error.__class__.__name__)
        _end_transaction()
        raise ConnectionRefusedError("unavailable") from error
    if not signed_in:
        raise ConnectionRefusedError("unauthorized")
    join_room(live.user_room(current_user.id))
    _quietly(presence.connected, current_user, request.sid)  # type: ignore[attr-defined]


@socketio.on("disconnect")
def on_disconnect(*_reason):
    pacing.forget(request.sid)  # first: it cannot fail, and the database might
    gate = event_gate()
    if gate.enter():  # else the row stops counting after two missed heartbeats anyway
        try:
            _quietly(presence.disconnected, request.sid)
        finally:
            gate.leave()


def _quietly(change, *args) -> None:
    """Presence is worth no failed connection: a row missed now is written by the next
    heartbeat, and a row left behind stops counting after two heartbeats."""
    try:
        change(*args)
    except Exception:
        current_app.logger.warning("Presence not updated", exc_info=True)
        _end_transaction()


def _online(conversation) -> dict:
    """For the reply's "online" (the first people by name) and "online_count" (all)."""
    people, count = presence.online_in_room(conversation.room_id)
    named = [{"user_id": person.id, "name": person.display_name} for person in people]
    return {"online": named, "online_count": count}


@chat_event("here")
def on_heartbeat(data):
    """Still here; with a room channel's id, also who else is there now."""
    presence.heartbeat(current_user, request.sid)
    conversation_id = _field(data, "conversation_id", int, required=False)
    if conversation_id is None:
        return {"live": live.is_live()}
    conversation = services.access_conversation(current_user, conversation_id)
    # The newest id lets a client that missed live events (Redis away) fetch them.
    reply = {"live": live.is_live(), "last_id": conversation.last_message_id}
    if conversation.kind == KIND_ROOM:
        reply.update(_online(conversation))
    return reply


@chat_event("open")
def on_open(data):
    """Start reading a conversation: join it, then get everything after the client's last
    id. Joining comes first, so nothing sent meanwhile falls between the two; the client
    drops any message it receives twice."""
    conversation = services.access_conversation(current_user, _field(data, "conversation_id", int))
    after_id = _field(data, "after_id", int, required=False, low=0)
    join_room(live.conversation_room(conversation.id))
    reply = _latest(conversation) if after_id is None else _page(conversation, after_id)
    reply["last_read_id"] = messages.last_read_id(current_user, conversation)
    if conversation.kind == KIND_ROOM:
        reply.update(_online(conversation))
    return reply


def _page(conversation, after_id: int) -> dict:
    found = messages.history(conversation, after_id=after_id, limit=messages.CATCH_UP_MAX + 1)
    more = len(found) > messages.CATCH_UP_MAX
    return {
        "messages": live.payloads(found[: messages.CATCH_UP_MAX]),
        "more": more,
    }


def _latest(conversation, before_id: int | None = None) -> dict:
    found = messages.history(conversation, before_id=before_id)
    return {
        "messages": live.payloads(found),
        "older": len(found) == messages.PAGE_SIZE,
    }


@chat_event("history")
def on_history(data):
    """Page back (`before_id`), or jump to a day (`date`, YYYY-MM-DD, the reader's UTC
    midnight is close enough for a jump: the page starts there and scrolls both ways)."""
    conversation = services.access_conversation(current_user, _field(data, "conversation_id", int))
    asked = _field(data, "date", str, required=False)
    if asked is not None:
        day = day_of(asked)
        if day is None:
            raise BadPayload("date")
        moment = datetime.combine(day, time.min, tzinfo=UTC)
        return _page(conversation, after_id=messages.last_id_before(conversation, moment))
    return _latest(conversation, before_id=_field(data, "before_id", int, low=0))


@chat_event("send")
def on_send(data):
    conversation = services.access_conversation(current_user, _field(data, "conversation_id", int))
    announced, stored = messages.send_message(
        current_user,
        conversation,
        _field(data, "body", str),
        _field(data, "language", str),
        _field(data, "client_id", str),
    )
    # Stored either way; "live" false: the others get it at their next heartbeat.
    return {
        "message": announced,
        "duplicate": not stored,
        "live": live.is_live(),
    }


@chat_event("edit")
def on_edit(data):
    message = messages.edit_message(
        current_user, _field(data, "message_id", int), _field(data, "body", str)
    )
    return {"message": live.message_payload(message)}


@chat_event("delete")
def on_delete(data):
    message = messages.delete_message(current_user, _field(data, "message_id", int))
    return {"message": live.message_payload(message)}


@chat_event("read")
def on_read(data):
    conversation = services.access_conversation(current_user, _field(data, "conversation_id", int))
    position = messages.mark_read(current_user, conversation, _field(data, "up_to_id", int, low=0))
    return {"last_read_id": position}


@chat_event("typing")
def on_typing(data):
    """Tell the others someone is writing; at most once every two seconds per person and
    conversation, counted in the limiter's store (Redis when several processes run)."""
    messages.check_may_write(current_user)  # someone suspended writes nothing
    conversation_id = _field(data, "conversation_id", int)
    try:
        allowed = limiter.limiter.hit(
            TYPING_PACE, "chat-typing", str(current_user.id), str(conversation_id)
        )
    except Exception:  # the store (Redis) is away: typing notices are not worth an error
        return {"throttled": True}
    if not allowed:
        return {"throttled": True}
    conversation = services.access_conversation(current_user, conversation_id)
    readers = messages.listed_readers(conversation)
    payload = {
        "conversation_id": conversation.id,
        "user_id": current_user.id,
        "name": current_user.display_name,
    }
    live.emit_now("typing", payload, conversation, readers, skip_sid=request.sid)
    return {}
