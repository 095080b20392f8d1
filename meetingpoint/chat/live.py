"""What live clients are told, and to whom: sent when the change that caused it commits.

`broadcast` and `tell_user` queue the event on the session (`commits.after_commit`): it is
sent once the session commits, in the order it was queued, and never for a change that is
rolled back. Services call them before their commit. `emit_now` sends at once, for the
events that follow no write (`typing`).

Socket rooms: `user:<id>` holds every open tab of one person (any process, through the
message queue); `conversation:<id>` holds the tabs that have a room channel open. Direct
and group conversations are delivered to each member's `user:` room, so every tab keeps
its unread counts and a conversation started meanwhile still reaches them.
"""

from ..commits import after_commit
from ..extensions import db, socketio
from .attached import described, files_of
from .models import KIND_ROOM, ChatMessage, Conversation


def user_room(user_id: int) -> str:
    return f"user:{user_id}"


def conversation_room(conversation_id: int) -> str:
    return f"conversation:{conversation_id}"


def message_payload(message: ChatMessage, files=None) -> dict:
    """A message as clients receive it, the same over the socket and in catch-up replies.
    `files`: its attachments when the caller has them (payloads() reads a page's at once)."""
    if files is None:
        files = files_of([message]).get(message.id, [])
    sender = message.sender
    name = None if sender is None or sender.is_deleted else sender.display_name
    return {
        "id": message.id,
        "conversation_id": message.conversation_id,
        "client_id": message.client_id,
        "sender_id": message.sender_id,
        "sender_name": name,
        "language": message.language,
        "html": "" if message.is_deleted else message.body_html,
        "created_at": message.created_at.isoformat(),
        "edited": message.edited_at is not None,
        "deleted": message.is_deleted,
        # Hidden by a moderator: left out here, shown to moderators on the HTML page.
        "attachments": []
        if message.is_deleted
        else [described(a) for a in files if a.hidden_at is None],
    }


def payloads(messages) -> list[dict]:
    """Several messages, their attachments read in one query (catch-up, history pages)."""
    files = files_of(messages)
    return [message_payload(m, files.get(m.id, [])) for m in messages]


def _audience(conversation: Conversation, member_ids) -> list[str]:
    if conversation.kind == KIND_ROOM:
        return [conversation_room(conversation.id)]
    return [user_room(uid) for uid in member_ids]


def sent_payload(message: ChatMessage, files=None) -> dict:
    """A new message as announced: with the id of the one before it in its conversation, so
    a client that lacks that one knows it missed an event (Redis away) and fetches it."""
    return {**message_payload(message, files), "previous_id": message.previous_id}


def is_live() -> bool:
    """False while the message queue (Redis) cannot carry events between processes."""
    manager = getattr(socketio.server, "manager", None)
    return getattr(manager, "is_live", True)


def broadcast(event: str, payload: dict, conversation: Conversation, member_ids=()) -> None:
    """Send one event to everyone who may read `conversation`, once the session commits.

    The audience is worked out now, while the session may still query."""
    rooms = _audience(conversation, member_ids)
    if rooms:
        after_commit(db.session(), _emit, event, payload, rooms)


def tell_user(user_id: int, event: str, payload: dict) -> None:
    """Send one event to every tab of one person, once the session commits."""
    after_commit(db.session(), _emit, event, payload, user_room(user_id))


def emit_now(
    event: str, payload: dict, conversation: Conversation, member_ids=(), skip_sid=None
) -> None:
    """Send one event to everyone who may read `conversation` at once, not waiting for a
    commit: only for events that announce no change to the database (someone typing), so
    there is nothing a rollback could take back."""
    rooms = _audience(conversation, member_ids)
    if rooms:
        _emit(event, payload, rooms, skip_sid)


def _emit(event: str, payload: dict, to, skip_sid=None) -> None:
    socketio.emit(event, payload, to=to, skip_sid=skip_sid)
