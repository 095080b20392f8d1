"""What an uploaded file is, read from its first bytes (never trusted from its name), and a
name safe to give it back under."""

import unicodedata
import zipfile
from pathlib import Path


class UnknownType(Exception):
    """The content is none of the types we accept, or not the type its name says."""

    def __init__(self, reason: str = "unknown"):
        super().__init__(reason)
        self.reason = reason  # unknown or mismatch


# Each type: the extensions a name may carry, and the type it is served as.
DOCUMENTS = {
    "pdf": (("pdf",), "application/pdf"),
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
IMAGES = {
    "png": (("png",), "image/png"),
    "jpeg": (("jpg", "jpeg"), "image/jpeg"),
    "gif": (("gif",), "image/gif"),
    "webp": (("webp",), "image/webp"),
}
# Voice notes and short videos, as phones record them.
MEDIA = {
    "mp3": (("mp3",), "audio/mpeg"),
    "ogg": (("ogg", "oga", "opus"), "audio/ogg"),
    "wav": (("wav",), "audio/wav"),
    "m4a": (("m4a", "aac"), "audio/mp4"),
    "mp4": (("mp4", "m4v", "mov"), "video/mp4"),
    "webm": (("webm",), "video/webm"),
}
TEXT = {"txt": (("txt", "csv", "md"), "text/plain; charset=utf-8")}

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Office formats' compound file
_OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
_AUDIO_BRANDS = (b"M4A ", b"M4B ")
_TEXT_SAMPLE = 64 * 1024


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


def sniff(path: Path, extension: str, accepted: dict) -> str:
    """Which of `accepted` (a mapping like DOCUMENTS | IMAGES) the file at `path` is, given
    the extension of its name; UnknownType("unknown" or "mismatch") otherwise."""
    kind = _kind(path, extension)
    if kind is None or kind not in accepted:
        raise UnknownType("mismatch" if extension in _extensions(accepted) else "unknown")
    if extension not in accepted[kind][0]:
        raise UnknownType("mismatch")
    return kind


def _extensions(accepted: dict) -> set[str]:
    return {ext for extensions, _type in accepted.values() for ext in extensions}


def _kind(path: Path, extension: str) -> str | None:  # noqa: C901  (one test per format)
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
    if head[:4] == b"RIFF":
        return {b"WEBP": "webp", b"WAVE": "wav"}.get(head[8:12])
    if head.startswith(_OLE):
        # The compound file does not say cheaply which program wrote it: the name decides
        # among the three, and nothing else may hide behind the header.
        return extension if extension in ("doc", "xls", "ppt") else None
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3"
    if head[4:8] == b"ftyp":
        return "m4a" if head[8:12] in _AUDIO_BRANDS else "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    return "txt" if _is_text(path) else None


def _zip_kind(path: Path) -> str | None:
    """Office Open XML or OpenDocument, from the archive's listing (nothing is unpacked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                declared = archive.read("mimetype").strip()
                if declared in _ODF:
                    return _ODF[declared]
            if "[Content_Types].xml" in names:
                for prefix, kind in _OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        pass
    return None


def _is_text(path: Path) -> bool:
    """UTF-8 with no control characters but tabs and line ends, and no markup that a browser
    would run if it ever took the file for a page."""
    with path.open("rb") as handle:
        sample = handle.read(_TEXT_SAMPLE)
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:  # not merely a character cut at the sample's end
            return False
        text = sample[: error.start].decode("utf-8")
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        return False
    lowered = text[:1024].lstrip().lower()
    return not lowered.startswith(("<!doctype", "<html", "<svg", "<?xml", "<script"))
