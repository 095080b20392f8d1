"""The one path for each library change: add a document, link or video, edit, remove,
count a download, open its discussion."""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlparse

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import Forbidden, NotFound

from ..accounts.choices import SPOKEN_LANGUAGES
from ..accounts.standing import in_good_standing
from ..attachments.access import origin_of
from ..attachments.models import Attachment
from ..database import utcnow
from ..extensions import db
from ..languages import UNDETERMINED
from ..languages.cache import forget as forget_translations
from ..languages.detection import detect
from ..rooms.models import Room
from ..storage import files as storage_files
from . import files
from .models import (
    DOCUMENT,
    ITEM_TYPES,
    LINK,
    VIDEO,
    LibraryItem,
    LibraryItemLanguage,
    LibraryItemRoom,
)
from .videos import parse_video

TITLE_MAX, DESCRIPTION_MAX, SOURCE_MAX, URL_MAX = 200, 5000, 160, 500


class LibraryError(Exception):
    """A refusal the person can act on; str() is translated. `existing` names the item a
    duplicate upload already is."""

    def __init__(self, message: str, existing: LibraryItem | None = None):
        super().__init__(message)
        self.existing = existing


@dataclass
class ItemFields:
    title: str
    item_type: str
    description: str = ""
    year: int | None = None
    source: str = ""
    languages: list[str] = field(default_factory=list)
    room_ids: list[int] = field(default_factory=list)
    url: str = ""  # links and videos


def access_item(item_id: int) -> LibraryItem:
    item = db.session.get(LibraryItem, item_id)
    if item is None:
        raise NotFound
    return item


def can_edit(user, item: LibraryItem) -> bool:
    """Moderators edit and remove any item; members their own; nobody while suspended."""
    if not user.is_authenticated or not in_good_standing(user):
        return False
    return user.is_moderator or item.added_by_id == user.id


def add_document(user, fields: ItemFields, stream, file_name: str) -> LibraryItem:
    """Check the description, then the file; a refused file leaves nothing behind."""
    rooms = _checked(user, fields)
    try:
        stored = files.store(stream, file_name)
    except files.FileRefused as refused:
        raise LibraryError(_refusal(refused.reason, file_name)) from None
    existing = db.session.scalar(select(LibraryItem).where(LibraryItem.sha256 == stored.sha256))
    if existing is not None:  # the same bytes: the stored file is that item's
        raise LibraryError(_("This file is already in the library."), existing)
    item = _new_item(user, DOCUMENT, fields, rooms)
    item.sha256, item.size = stored.sha256, stored.size
    item.file_name, item.content_type = stored.name, stored.content_type
    db.session.add(item)
    try:
        db.session.commit()
    except IntegrityError:  # the same file, sent twice at once: the first one stands
        db.session.rollback()
        existing = db.session.scalar(select(LibraryItem).where(LibraryItem.sha256 == stored.sha256))
        raise LibraryError(_("This file is already in the library."), existing) from None
    return item


def add_attachment(user, attachment: Attachment) -> LibraryItem:
    """A document attached to a post, made a library item in one step: the file copied
    into the library's storage, the title from its name, filed in the post's room and
    language, to be described by the person on the edit page."""
    where = origin_of(attachment)
    if not attachment.is_document or where is None:
        raise LibraryError(_("Only a PDF or office document from a post can be added."))
    room_id, language = where
    fields = ItemFields(
        title=files.title_from(attachment.file_name)[:TITLE_MAX],
        item_type="other",
        languages=[language if language in SPOKEN_LANGUAGES else user.locale],
        room_ids=[room_id],
    )
    with storage_files().open(attachment.storage_key) as stream:
        return add_document(user, fields, stream, attachment.file_name)


def add_link(user, fields: ItemFields) -> LibraryItem:
    rooms = _checked(user, fields)
    if not _is_web_address(fields.url):
        raise LibraryError(_("Give the web address, starting with http:// or https://."))
    item = _new_item(user, LINK, fields, rooms)
    item.url = fields.url.strip()
    db.session.add(item)
    db.session.commit()
    return item


def add_video(user, fields: ItemFields) -> LibraryItem:
    rooms = _checked(user, fields)
    video = parse_video(fields.url)
    if video is None:
        raise LibraryError(_("Give the address of a video on YouTube or Vimeo."))
    item = _new_item(user, VIDEO, fields, rooms)
    item.url = fields.url.strip()
    item.video_host, item.video_id = video
    db.session.add(item)
    db.session.commit()
    return item


def edit_item(user, item: LibraryItem, fields: ItemFields) -> None:
    """The description and filing; a document's file stays, a link's or video's address
    may change."""
    if not can_edit(user, item):
        raise Forbidden
    rooms = _checked(user, fields, adding=False)
    if item.kind == LINK:
        if not _is_web_address(fields.url):
            raise LibraryError(_("Give the web address, starting with http:// or https://."))
        item.url = fields.url.strip()
    elif item.kind == VIDEO:
        video = parse_video(fields.url)
        if video is None:
            raise LibraryError(_("Give the address of a video on YouTube or Vimeo."))
        item.url = fields.url.strip()
        item.video_host, item.video_id = video
    _describe(item, fields, rooms)
    item.updated_at = utcnow()
    forget_translations("library", item.id)
    db.session.commit()


def remove_item(user, item: LibraryItem) -> None:
    if not can_edit(user, item):
        raise Forbidden
    sha256 = item.sha256
    forget_translations("library", item.id)
    db.session.delete(item)
    db.session.commit()
    if sha256:  # after the commit: a failed delete must not lose the file
        files.discard(sha256)


def count_download(item: LibraryItem) -> None:
    """One more download, counted in the database (several processes, no lost updates)."""
    db.session.execute(
        update(LibraryItem)
        .where(LibraryItem.id == item.id)
        .values(download_count=LibraryItem.download_count + 1)
    )
    db.session.commit()


def _checked(user, fields: ItemFields, adding: bool = True) -> list[int]:
    if not user.is_authenticated:
        raise Forbidden
    title = fields.title.strip()
    if not title or len(title) > TITLE_MAX:
        raise LibraryError(_("Give a title of at most %(max)d characters.", max=TITLE_MAX))
    if len(fields.description) > DESCRIPTION_MAX or len(fields.source) > SOURCE_MAX:
        raise LibraryError(_("Please use at most %(max)d characters.", max=DESCRIPTION_MAX))
    if fields.item_type not in ITEM_TYPES:
        raise LibraryError(_("Choose what kind of item this is."))
    this_year = utcnow().year
    if fields.year is not None and not 1900 <= fields.year <= this_year + 1:
        raise LibraryError(
            _("Give a year between %(first)d and %(last)d.", first=1900, last=this_year + 1)
        )
    if not fields.languages:  # none ticked: told from the title and description, if it can be
        found = detect(f"{title}\n\n{fields.description}")
        fields.languages = [] if found == UNDETERMINED else [found]
    if not fields.languages or not set(fields.languages) <= set(SPOKEN_LANGUAGES):
        raise LibraryError(_("Choose the language or languages of the item."))
    rooms = sorted(
        db.session.scalars(
            select(Room.id).where(Room.id.in_(fields.room_ids), Room.archived_at.is_(None))
        )
    )
    if not rooms:
        raise LibraryError(_("Choose at least one room for the item."))
    if adding:
        _check_pace(user)
    return rooms


def _check_pace(user) -> None:
    per_hour = current_app.config.get("LIBRARY_ITEMS_PER_HOUR", 20)
    added = db.session.scalar(
        select(func.count())
        .select_from(LibraryItem)
        .where(
            LibraryItem.added_by_id == user.id,
            LibraryItem.created_at > utcnow() - timedelta(hours=1),
        )
    )
    if added >= per_hour and not user.is_moderator:
        raise LibraryError(
            _("You are adding items faster than we allow. Please wait a little and try again.")
        )


def _new_item(user, kind: str, fields: ItemFields, rooms: list[int]) -> LibraryItem:
    item = LibraryItem(kind=kind, added_by_id=user.id)
    _describe(item, fields, rooms)
    return item


def _describe(item: LibraryItem, fields: ItemFields, rooms: list[int]) -> None:
    item.title = fields.title.strip()
    item.description = fields.description.strip()
    item.item_type = fields.item_type
    item.year = fields.year
    item.source = fields.source.strip()
    item.languages = [LibraryItemLanguage(code=code) for code in sorted(set(fields.languages))]
    item.rooms = [LibraryItemRoom(room_id=room_id) for room_id in rooms]


def _is_web_address(url: str) -> bool:
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and len(url) <= URL_MAX


def _refusal(reason: str, file_name: str) -> str:
    if reason == "too_large":
        return _("The file is larger than 20 MB.")
    if reason == "empty":
        return _("The file is empty.")
    if reason == "mismatch":
        return _(
            "The file's content does not match its name (.%(extension)s): it cannot be added.",
            extension=files.extension_of(file_name) or "?",
        )
    return _(
        "Only PDF, Word, Excel, PowerPoint and OpenDocument files and images "
        "(PNG, JPEG, GIF, WebP) can be uploaded."
    )
