"""Files in a folder of this machine: the embedded default, for one machine."""

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from flask import Response, abort, send_file

from .base import Storage, check_key


class LocalStorage(Storage):
    """A key is a path under `root`, except under a prefix given its own folder in
    `folders`: {"library/": LIBRARY_PATH} keeps the Library's files where they always were
    (`<LIBRARY_PATH>/<sha[:2]>/<sha>`), so nothing moves when a deployment upgrades."""

    def __init__(self, root: Path, folders: dict[str, Path] | None = None):
        self.root = Path(root)
        self.folders = {prefix: Path(folder) for prefix, folder in (folders or {}).items()}

    def path_of(self, key: str) -> Path:
        check_key(key)
        for prefix, folder in self.folders.items():
            if key.startswith(prefix):
                return folder / key[len(prefix) :]
        return self.root / key

    def put_file(self, key: str, path: Path, content_type: str) -> None:
        target = self.path_of(key)
        # A copy (the kernel's, sendfile), not a hard link: a caller that rewrote its file
        # afterwards would change the stored one too.
        with self._into_place(target) as part:
            shutil.copyfile(path, part)

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        with self._into_place(self.path_of(key)) as part:
            part.write_bytes(data)

    @contextlib.contextmanager
    def _into_place(self, target: Path) -> Iterator[Path]:
        """A hidden name beside the target, renamed over it once whole: a reader finds the
        old file or the new one, never half of one, even if the process dies meanwhile."""
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
        try:
            yield part
            os.replace(part, target)
        finally:
            part.unlink(missing_ok=True)

    def open(self, key: str) -> BinaryIO:
        return self.path_of(key).open("rb")

    def exists(self, key: str) -> bool:
        return self.path_of(key).is_file()

    def size(self, key: str) -> int | None:
        try:
            return self.path_of(key).stat().st_size
        except (FileNotFoundError, NotADirectoryError):
            return None

    def delete(self, key: str) -> None:
        self.path_of(key).unlink(missing_ok=True)

    def keys(self, prefix: str = "") -> Iterator[str]:
        for area, folder in self.folders.items():
            if area.startswith(prefix) or prefix.startswith(area):
                yield from _under(folder, area, prefix)
        mounted = {area.split("/")[0] for area in self.folders}
        for child in sorted(self.root.iterdir()) if self.root.is_dir() else ():
            if child.name not in mounted and not child.name.startswith("."):
                if child.is_file():
                    if child.name.startswith(prefix):
                        yield child.name
                elif f"{child.name}/".startswith(prefix) or prefix.startswith(f"{child.name}/"):
                    yield from _under(child, f"{child.name}/", prefix)

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
        path = self.path_of(key)
        if not path.is_file():
            abort(404)
        return send_file(
            path,
            mimetype=mimetype,
            as_attachment=as_attachment,
            download_name=download_name,
            conditional=True,
            etag=etag if etag is not None else True,
            max_age=max_age,
        )

    def scratch_dir(self) -> Path:
        folder = self.root / ".scratch"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def _under(folder: Path, area: str, prefix: str) -> Iterator[str]:
    """The keys of the files below `folder`, which holds the keys starting with `area`;
    hidden names (files on their way into place, old upload leftovers) are not keys."""
    if not folder.is_dir():
        return
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        relative = Path(directory).relative_to(folder).as_posix()
        base = area if relative == "." else f"{area}{relative}/"
        for name in sorted(names):
            if not name.startswith(".") and (base + name).startswith(prefix):
                yield base + name
