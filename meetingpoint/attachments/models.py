"""An attachment: one stored file, on one post or one chat message, with its alt text and
the light sizes made of a picture."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import Model
from ..filetypes import DOCUMENTS

IMAGE = "image"
FILE = "file"
# PDF and office documents: what "Add to the library" is offered for.
DOCUMENT_TYPES = frozenset(content_type for _names, content_type in DOCUMENTS.values())


class Attachment(Model):
    """Stored under `storage_key` (content-addressed: the same file twice is kept once).
    Belongs to a post or a chat message: whoever may read that may read it."""

    __tablename__ = "attachments"
    __table_args__ = (
        Index("ix_attachments_post_id", "post_id"),
        Index("ix_attachments_message_id", "message_id"),
        # Today's bytes per person, for the daily limit.
        Index("ix_attachments_owner_created", "owner_id", "created_at"),
        # Whether a stored file is still used, before it is deleted.
        Index("ix_attachments_sha256", "sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(8))  # IMAGE or FILE
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(120))
    file_name: Mapped[str] = mapped_column(String(200))
    alt: Mapped[str] = mapped_column(Text, default="")
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    animated: Mapped[bool] = mapped_column(Boolean, default=False)
    # Made by a job after the commit; until then pages show the alt text in a frame.
    preview_size: Mapped[int | None] = mapped_column(Integer)
    medium_size: Mapped[int | None] = mapped_column(Integer)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User] = relationship()

    @property
    def storage_key(self) -> str:
        return key_for(self.sha256)

    @property
    def preview_key(self) -> str:
        return f"attachments/previews/{self.sha256}-preview.webp"

    @property
    def medium_key(self) -> str:
        return f"attachments/previews/{self.sha256}-medium.webp"

    @property
    def is_image(self) -> bool:
        return self.kind == IMAGE

    @property
    def is_document(self) -> bool:
        return self.content_type in DOCUMENT_TYPES


def key_for(sha256: str) -> str:
    return f"attachments/{sha256[:2]}/{sha256}"
