"""Uploaded files: the type is read from the content (never trusted from the name), the
name is made safe, and each file is stored once under its SHA-256."""

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import storage
from ..filetypes import DOCUMENTS, IMAGES, UnknownType, extension_of, safe_name, sniff

MAX_BYTES = 20 * 1024 * 1024
CHUNK = 64 * 1024

# The documents and pictures the library takes (not audio, video or plain text).
TYPES = DOCUMENTS | IMAGES
EXTENSIONS = {ext for extensions, _type in TYPES.values() for ext in extensions}


class FileRefused(Exception):
    """Why an upload was refused: `reason` is one of too_large, empty, unknown, mismatch."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class StoredFile:
    sha256: str
    size: int
    name: str
    content_type: str


def key_of(sha256: str) -> str:
    """Where the storage keeps a document: by its content, so the same bytes are kept once."""
    return f"library/{sha256[:2]}/{sha256}"


def store(stream, given_name: str) -> StoredFile:
    """Copy the upload to a temporary file (hashing it), check it, then put it in the
    storage. Nothing is kept of a refused file."""
    files = storage.files()
    digest, size = hashlib.sha256(), 0
    handle = tempfile.NamedTemporaryFile(dir=files.scratch_dir(), prefix="upload-", delete=False)
    try:
        with handle:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FileRefused("too_large")
                digest.update(chunk)
                handle.write(chunk)
        if size == 0:
            raise FileRefused("empty")
        if extension_of(given_name) not in EXTENSIONS:
            raise FileRefused("unknown")
        try:
            kind = sniff(Path(handle.name), extension_of(given_name), TYPES)
        except UnknownType:  # a name we accept, over content that is not what it says
            raise FileRefused("mismatch") from None
        content_type = TYPES[kind][1]
        sha256 = digest.hexdigest()
        files.put_file(key_of(sha256), Path(handle.name), content_type)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    return StoredFile(sha256, size, safe_name(given_name), content_type)


def serve(sha256: str, content_type: str, file_name: str):
    """The stored document as a download (200, 206 or 304), whichever the backend;
    404 when its file is missing."""
    return storage.files().serve(
        key_of(sha256), mimetype=content_type, download_name=file_name, etag=sha256
    )


def discard(sha256: str) -> None:
    storage.files().delete(key_of(sha256))


def title_from(name: str) -> str:
    """ "Decree_2026-14.pdf" -> "Decree 2026-14": a first title for a file's item."""
    base = safe_name(name)
    if extension_of(base):
        base = base.rsplit(".", 1)[0]
    return " ".join(base.replace("_", " ").split()) or base
