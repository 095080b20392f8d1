"""The storage interface every backend keeps: files put, opened, listed, served by key."""

import hashlib
import time
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from flask import Response

CHUNK = 64 * 1024


class Storage(ABC):
    """Files by key ("library/ab/ab12...", "attachments/previews/x.webp"): a key names one
    file, written whole or not at all, and the same key may be written again."""

    @abstractmethod
    def put_file(self, key: str, path: Path, content_type: str) -> None:
        """Store a copy of the local file at `path` under `key`. `path` is left as it was:
        the caller removes its temporary file afterwards (made under `scratch_dir()`)."""

    @abstractmethod
    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        """Store `data` under `key`."""

    @abstractmethod
    def open(self, key: str) -> BinaryIO:
        """The file, readable and seekable, for `with` (FileNotFoundError when missing)."""

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def size(self, key: str) -> int | None:
        """The size in bytes, None when there is no such file."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove the file; a missing one is not an error."""

    @abstractmethod
    def keys(self, prefix: str = "") -> Iterator[str]:
        """Every key that starts with `prefix`, in no particular order."""

    @abstractmethod
    def serve(
        self,
        key: str,
        *,
        mimetype: str,
        download_name: str | None = None,
        as_attachment: bool = True,
        etag: str | None = None,
        max_age: int = 3600,
    ) -> Response:
        """The file as the response to the current request, once the caller has checked
        who may have it: 304 when If-None-Match names `etag`, 206 for a Range, 404 (abort)
        when missing. The bytes always come through the app, never from another host."""

    @abstractmethod
    def scratch_dir(self) -> Path:
        """A folder for temporary files on their way to put_file."""

    def sha256(self, key: str) -> str:
        """The SHA-256 of the stored bytes, read back whole."""
        digest = hashlib.sha256()
        with self.open(key) as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()


def check_key(key: str) -> str:
    """Keys are relative, slash-separated, without empty, "." or ".." parts: on the local
    backend a key must never name a file outside its folder."""
    parts = key.split("/")
    if not key or any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
        raise ValueError(f"not a storage key: {key!r}")
    return key


def describe_download(
    response: Response, download_name: str, as_attachment: bool, max_age: int
) -> None:
    """Content-Disposition and caching as Werkzeug's send_file writes them, so that both
    backends answer alike: the name plain ASCII plus its UTF-8 form when it needs one."""
    response.cache_control.no_cache = True
    if max_age > 0:
        response.cache_control.no_cache = None
        response.cache_control.public = True
    response.cache_control.max_age = max_age
    response.expires = int(time.time() + max_age)
    try:
        download_name.encode("ascii")
    except UnicodeEncodeError:
        simple = unicodedata.normalize("NFKD", download_name).encode("ascii", "ignore").decode()
        quoted = quote(download_name, safe="!#$&+-.^_`|~")
        names = {"filename": simple, "filename*": f"UTF-8''{quoted}"}
    else:
        names = {"filename": download_name}
    kind = "attachment" if as_attachment else "inline"
    response.headers.set("Content-Disposition", kind, **names)
