"""What chat holds about a participant: exported with their data, removed on request."""

from sqlalchemy import select, update

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..database import utcnow
from ..extensions import db
from .attached import remove_sent_by
from .models import ChatMessage


@personal_data_exporter("chat_messages")
def export_messages(user) -> list[dict]:
    query = select(ChatMessage).where(ChatMessage.sender_id == user.id).order_by(ChatMessage.id)
    return [
        {
            "conversation": m.conversation_id,
            "text": m.body_source,
            "sent_at": m.created_at.isoformat(),
            "deleted": m.is_deleted,
        }
        for m in db.session.scalars(query)
    ]


@account_eraser
def forget_chat(user, remove_content: bool) -> None:
    # Memberships stay: they only hold read positions, and the other side keeps the thread.
    if remove_content:
        remove_sent_by(user)
        db.session.execute(
            update(ChatMessage)
            .where(ChatMessage.sender_id == user.id)
            .values(deleted_at=utcnow(), body_source="", body_html="")
        )
