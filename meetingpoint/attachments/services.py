"""What happens to attachments with their post or message: attached in its transaction,
previews made after the commit, removed with it, listed for its page."""

from collections import defaultdict
from functools import partial

from sqlalchemy import delete, select
from werkzeug.exceptions import Forbidden

from ..commits import on_commit
from ..database import utcnow
from ..extensions import db
from ..jobs import later
from ..moderation_log import models as log
from ..moderation_log.services import record
from ..storage import files
from .models import Attachment
from .previews import make_previews


def attach(attachments: list[Attachment], *, post_id=None, message_id=None) -> None:
    """Give the files taken (uploads.take) to their post or message; the caller commits."""
    for attachment in attachments:
        attachment.post_id, attachment.message_id = post_id, message_id
        db.session.add(attachment)
    db.session.flush()
    for attachment in attachments:
        if attachment.is_image:
            later(make_previews, attachment.id)


def set_hidden(moderator, attachment: Attachment, hidden: bool) -> None:
    """A moderator hides one file of a post or message from participants (the rest of it
    stays), or shows it again; logged against its post or message, as a hidden post is."""
    if not (moderator.is_authenticated and moderator.is_moderator):
        raise Forbidden
    if (attachment.hidden_at is not None) == hidden:
        return  # sent twice: nothing more to do or log
    attachment.hidden_at = utcnow() if hidden else None
    kind, target = (
        (log.POST, attachment.post_id)
        if attachment.post_id is not None
        else (log.CHAT_MESSAGE, attachment.message_id)
    )
    action = "hide_attachment" if hidden else "show_attachment"
    record(moderator, action, kind, target, attachment.owner_id, attachment.file_name)
    db.session.commit()


def of_posts(post_ids) -> dict[int, list[Attachment]]:
    return _grouped(Attachment.post_id, post_ids)


def of_messages(message_ids) -> dict[int, list[Attachment]]:
    return _grouped(Attachment.message_id, message_ids)


def _grouped(column, ids) -> dict[int, list[Attachment]]:
    ids = list(ids)
    found: dict[int, list[Attachment]] = defaultdict(list)
    if not ids:
        return found
    query = select(Attachment).where(column.in_(ids)).order_by(Attachment.position)
    for attachment in db.session.scalars(query):
        found[getattr(attachment, column.key)].append(attachment)
    return found


def remove(*, post_id=None, message_id=None, owner_id=None) -> None:
    """Delete the attachments of a post, a message or a person (the caller commits); each
    file goes from the storage after the commit, unless another attachment still uses it."""
    if post_id is not None:
        where = Attachment.post_id == post_id
    elif message_id is not None:
        where = Attachment.message_id == message_id
    else:
        where = Attachment.owner_id == owner_id
    hashes = set(db.session.scalars(select(Attachment.sha256).where(where)))
    if not hashes:
        return
    db.session.execute(delete(Attachment).where(where))
    on_commit(db.session, partial(_files_no_longer_used, sorted(hashes)))


def _files_no_longer_used(hashes: list[str]):
    """Asked just before the commit (the rows are gone in this transaction): the files no
    other attachment uses, deleted from the storage once the commit has succeeded."""
    still_used = set(
        db.session.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(hashes)))
    )
    unused = [sha256 for sha256 in hashes if sha256 not in still_used]
    return partial(_delete_files, unused) if unused else None


def _delete_files(hashes: list[str]) -> None:
    storage = files()
    for sha256 in hashes:
        probe = Attachment(sha256=sha256)
        for key in (probe.storage_key, probe.preview_key, probe.medium_key):
            storage.delete(key)
