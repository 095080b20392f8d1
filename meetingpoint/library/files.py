"""Uploaded files: the type is read from the content (never trusted from the name), the
name is made safe, and each file is stored once under its SHA-256."""

import hashlib
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import storage

MAX_BYTES = 20 * 1024 * 1024
CHUNK = 64 * 1024

# Each type we accept: the extensions a name may carry, and the type it is served as.
TYPES = {
    "pdf": (("pdf",), "application/pdf"),
    "png": (("png",), "image/png"),
    "jpeg": (("jpg", "jpeg"), "image/jpeg"),
    "gif": (("gif",), "image/gif"),
    "webp": (("webp",), "image/webp"),
    "docx": (("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        ("pptx",),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": (("odt",), "application/vnd.oasis.opendocument.text"),
    "ods": (("ods",), "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (("odp",), "application/vnd.oasis.opendocument.presentation"),
    "doc": (("doc",), "application/msword"),
    "xls": (("xls",), "application/vnd.ms-excel"),
    "ppt": (("ppt",), "application/vnd.ms-powerpoint"),
}
EXTENSIONS = {ext for extensions, _type in TYPES.values() for ext in extensions}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Office formats' compound file
_OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


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
            kind = sniff(Path(handle.name), extension_of(given_name))
        except FileRefused:  # a name we accept, over content we do not recognise
            raise FileRefused("mismatch") from None
        extensions, content_type = TYPES[kind]
        if extension_of(given_name) not in extensions:
            raise FileRefused("mismatch")
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
    base = _base_name(name)
    if extension_of(name):
        base = base.rsplit(".", 1)[0]
    return " ".join(base.replace("_", " ").split()) or base


def extension_of(name: str) -> str:
    base = _base_name(name)
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def safe_name(name: str) -> str:
    """The last path part, without control or invisible characters, at most 160 long."""
    base = "".join(
        c for c in _base_name(name) if unicodedata.category(c)[0] not in "CZ" or c == " "
    )
    base = " ".join(base.split()).strip(". ")
    extension = extension_of(base)
    stem = base[: -len(extension) - 1] if extension else base
    stem = stem[: 150 - len(extension)].strip(". ") or "document"
    return f"{stem}.{extension}" if extension else stem


def _base_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name or "")
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def sniff(path: Path, extension: str) -> str:
    """Which of TYPES the content is, or FileRefused("unknown"/"mismatch")."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(_OLE):
        # The compound file does not say cheaply which program wrote it: the name decides
        # among the three, and nothing else may hide behind the header.
        if extension in ("doc", "xls", "ppt"):
            return extension
        raise FileRefused("mismatch")
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    raise FileRefused("unknown")


def _sniff_zip(path: Path) -> str:
    """Office Open XML or OpenDocument, from the archive's listing (nothing is unpacked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 100:
                    declared = archive.read("mimetype").strip()
                    if declared in _ODF:
                        return _ODF[declared]
            if "[Content_Types].xml" in names:
                for prefix, kind in _OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        pass
    raise FileRefused("unknown")
