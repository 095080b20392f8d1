"""Taking files in: each one checked (its type read from its content, its size, the day's
total), pictures cleaned, everything stored once under its hash. A refusal names the file
and says why, and nothing of that post's files is stored."""

import hashlib
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from ..database import utcnow
from ..extensions import db
from ..filetypes import DOCUMENTS, IMAGES, MEDIA, TEXT, UnknownType, extension_of, safe_name
from ..filetypes import sniff as sniff_type
from ..storage import files
from ..templating import file_size
from . import images
from .models import FILE, IMAGE, Attachment, key_for

MAX_PER_POST = 5
ALT_MAX = 500
ACCEPTED = IMAGES | DOCUMENTS | MEDIA | TEXT
_CHUNK = 64 * 1024


class AttachmentRefused(Exception):
    """A translated reason, for the form or the socket answer."""


@dataclass
class Upload:
    stream: IO[bytes]
    file_name: str
    alt: str = ""


@dataclass
class _Prepared:
    upload: Upload
    kind: str
    content_type: str
    sha256: str
    size: int
    data: bytes | None  # a cleaned picture
    path: Path | None  # any other file, as received
    picture: images.CleanImage | None


def take(owner, uploads: list[Upload]) -> list[Attachment]:
    """Check every file, then store them all: the attachments, not yet in the session.
    Raises AttachmentRefused before anything is stored."""
    uploads = [upload for upload in uploads if upload.file_name]
    if len(uploads) > MAX_PER_POST:
        raise AttachmentRefused(
            ngettext("Attach at most %(num)d file.", "Attach at most %(num)d files.", MAX_PER_POST)
        )
    prepared: list[_Prepared] = []
    try:
        for upload in uploads:
            prepared.append(_prepare(upload))
        _check_daily_total(owner, sum(p.size for p in prepared))
        return [_store(owner, position, p) for position, p in enumerate(prepared)]
    finally:
        for p in prepared:
            if p.path is not None:
                p.path.unlink(missing_ok=True)


def _prepare(upload: Upload) -> _Prepared:
    name = safe_name(upload.file_name)
    config = current_app.config
    limit = max(config["ATTACHMENT_IMAGE_BYTES"], config["ATTACHMENT_FILE_BYTES"])
    path, size, digest = _received(upload.stream, limit, name)
    try:
        if size == 0:
            raise AttachmentRefused(_("“%(name)s” is empty.", name=name))
        try:
            kind = sniff_type(path, extension_of(name), ACCEPTED)
        except UnknownType as unknown:
            raise AttachmentRefused(_unknown(unknown.reason, name)) from None
        if kind in IMAGES:
            return _picture(upload, name, path, size)
        if size > config["ATTACHMENT_FILE_BYTES"]:
            raise _too_large(name, config["ATTACHMENT_FILE_BYTES"])
        content_type = ACCEPTED[kind][1]
        return _Prepared(upload, FILE, content_type, digest, size, None, path, None)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _received(stream, limit: int, name: str) -> tuple[Path, int, str]:
    """The upload copied to a temporary file, hashed on the way; past `limit`, refused."""
    digest, size = hashlib.sha256(), 0
    handle = tempfile.NamedTemporaryFile(prefix="attachment-", delete=False)
    path = Path(handle.name)
    try:
        with handle:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _too_large(name, limit)
                digest.update(chunk)
                handle.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path, size, digest.hexdigest()


def _picture(upload: Upload, name: str, path: Path, size: int) -> _Prepared:
    if size > current_app.config["ATTACHMENT_IMAGE_BYTES"]:
        raise _too_large(name, current_app.config["ATTACHMENT_IMAGE_BYTES"])
    try:
        picture = images.clean(path.read_bytes())
    except images.ImageRefused as refused:
        if refused.reason == "too_large":
            raise AttachmentRefused(
                _("“%(name)s” has too many pixels: at most 40 megapixels.", name=name)
            ) from None
        raise AttachmentRefused(
            _("“%(name)s” could not be read as a picture: it may be damaged.", name=name)
        ) from None
    path.unlink(missing_ok=True)
    sha256 = hashlib.sha256(picture.data).hexdigest()
    return _Prepared(
        upload, IMAGE, picture.content_type, sha256, len(picture.data), picture.data, None, picture
    )


def _check_daily_total(owner, adding: int) -> None:
    since = utcnow() - timedelta(days=1)
    today = db.session.scalar(
        select(func.coalesce(func.sum(Attachment.size), 0)).where(
            Attachment.owner_id == owner.id, Attachment.created_at >= since
        )
    )
    limit = current_app.config["ATTACHMENT_DAILY_BYTES"]
    if today + adding > limit:
        raise AttachmentRefused(
            _(
                "These files would take you past the limit of %(limit)s a day. "
                "Attach fewer or smaller files, or try again tomorrow.",
                limit=file_size(limit),
            )
        )


def _store(owner, position: int, prepared: _Prepared) -> Attachment:
    key = key_for(prepared.sha256)
    storage = files()
    if not storage.exists(key):
        if prepared.data is not None:
            storage.put_bytes(key, prepared.data, prepared.content_type)
        elif prepared.path is not None:
            storage.put_file(key, prepared.path, prepared.content_type)
    picture = prepared.picture
    return Attachment(
        owner_id=owner.id,
        position=position,
        kind=prepared.kind,
        sha256=prepared.sha256,
        size=prepared.size,
        content_type=prepared.content_type,
        file_name=safe_name(prepared.upload.file_name),
        alt=" ".join((prepared.upload.alt or "").split())[:ALT_MAX],
        width=picture.width if picture else None,
        height=picture.height if picture else None,
        animated=bool(picture and picture.animated),
        created_at=utcnow(),
    )


def _too_large(name: str, limit: int) -> AttachmentRefused:
    return AttachmentRefused(
        _("“%(name)s” is larger than %(limit)s.", name=name, limit=file_size(limit))
    )


def _unknown(reason: str, name: str) -> str:
    if reason == "mismatch":
        return _("The content of “%(name)s” does not match its name.", name=name)
    return _(
        "“%(name)s” cannot be attached. Pictures (JPEG, PNG, WebP, GIF), PDF, office "
        "documents, plain text, audio and video can.",
        name=name,
    )
