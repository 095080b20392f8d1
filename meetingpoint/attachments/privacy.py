"""A person's attachments: listed in their data export, removed with their account when
they ask for their content to go too."""

from sqlalchemy import select

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..extensions import db
from . import services
from .models import Attachment


@personal_data_exporter("attachments")
def export_attachments(user) -> list[dict]:
    query = select(Attachment).where(Attachment.owner_id == user.id).order_by(Attachment.id)
    return [
        {
            "attachment": attachment.id,
            "file_name": attachment.file_name,
            "type": attachment.content_type,
            "size": attachment.size,
            "sha256": attachment.sha256,
            "description": attachment.alt,
            "post": attachment.post_id,
            "chat_message": attachment.message_id,
            "hidden_by_a_moderator": attachment.hidden_at is not None,
            "attached_at": attachment.created_at.isoformat(),
        }
        for attachment in db.session.scalars(query)
    ]


@account_eraser
def remove_attachments(user, remove_content: bool) -> None:
    # Their files go with what they wrote; kept otherwise, as their posts are.
    if remove_content:
        services.remove(owner_id=user.id)
