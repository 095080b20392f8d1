"""The files a chat message carries: taken before it is stored, described for live pages,
seen by whoever may read its conversation (a deleted message has none), removed with it."""

from flask import url_for
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from ..attachments.access import reads
from ..attachments.models import Attachment
from ..attachments.services import attach, of_messages, remove
from ..attachments.uploads import AttachmentRefused, take
from ..extensions import db
from ..templating import file_size
from .errors import ChatError
from .models import ChatMessage


def take_files(user, uploads) -> list[Attachment]:
    """Every file checked and stored, or ChatError with the reason (nothing stored)."""
    if not uploads:
        return []
    try:
        return take(user, list(uploads))
    except AttachmentRefused as refused:
        raise ChatError(str(refused)) from None


def attach_to(message: ChatMessage, taken: list[Attachment]) -> None:
    """In the message's transaction, after its flush (the caller commits)."""
    if taken:
        attach(taken, message_id=message.id)


@reads("message")
def may_read_message(viewer, message_id: int) -> bool:
    from .services import access_conversation  # conversations sit above messages

    message = db.session.get(ChatMessage, message_id)
    if message is None or message.is_deleted:
        return False
    try:
        access_conversation(viewer, message.conversation_id)
    except HTTPException:
        return False
    return True


def files_of(messages) -> dict[int, list[Attachment]]:
    """The attachments of several messages, in one query, deleted messages left out."""
    return of_messages(m.id for m in messages if not m.is_deleted)


def described(attachment: Attachment) -> dict:
    """An attachment as live pages receive it: what chat.js needs to show it as
    templates/attachments/_list.html does."""
    base = url_for("attachments.show", attachment_id=attachment.id, variant="file")[: -len("file")]
    picture = attachment.is_image
    return {
        "id": attachment.id,
        "kind": attachment.kind,
        "alt": attachment.alt or "",
        "file_name": attachment.file_name,
        "size": attachment.size,
        "size_label": file_size(attachment.size),
        "width": attachment.width,
        "height": attachment.height,
        "animated": attachment.animated,
        "content_type": attachment.content_type,
        "preview_url": base + "preview" if picture else None,
        "medium_url": base + "medium" if picture else None,
        "file_url": base + "file",
    }


def remove_files(message: ChatMessage) -> None:
    remove(message_id=message.id)


def remove_sent_by(user) -> None:
    """An account erased with its content: the files of every message it sent."""
    query = select(Attachment.message_id).where(
        Attachment.owner_id == user.id, Attachment.message_id.is_not(None)
    )
    for message_id in set(db.session.scalars(query)):
        remove(message_id=message_id)
