"""The light sizes of a picture, made by a job after the commit (or on first request, if
the job has not run yet)."""

from ..extensions import db
from ..jobs import job
from ..storage import files
from . import images
from .models import Attachment


@job("attachments.previews", key=lambda attachment_id: f"previews:{attachment_id}")
def make_previews(attachment_id: int) -> None:
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or not attachment.is_image:
        return
    ensure_previews(attachment)
    db.session.commit()


def ensure_previews(attachment: Attachment) -> None:
    """Make what is missing: the preview always, the medium size for a large picture."""
    if attachment.preview_size is not None:
        return
    storage = files()
    with storage.open(attachment.storage_key) as handle:
        original = handle.read()
    preview = images.preview(original)
    storage.put_bytes(attachment.preview_key, preview, "image/webp")
    medium = images.medium(original)
    if medium is not None:
        storage.put_bytes(attachment.medium_key, medium, "image/webp")
    attachment.preview_size = len(preview)
    attachment.medium_size = len(medium) if medium is not None else 0
