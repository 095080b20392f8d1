"""Fingerprinted static files: every address carries ?v=<hash of the file>, so browsers and
nginx may keep them for a year, and a changed file gets a new address at once."""

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, request

ONE_YEAR = 365 * 24 * 3600


@lru_cache(maxsize=256)
def _fingerprint(path: str, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def fingerprint(path: Path) -> str:
    """The hash that goes in `?v=`; a changed file (new mtime) is hashed again."""
    return _fingerprint(str(path), path.stat().st_mtime_ns)


def version_of(root: Path, paths) -> str:
    """One hash for a set of files under `root` (the service worker's version): changes with
    any of them, and is the same on every machine that deploys the same files."""
    digest = hashlib.sha256()
    for path in sorted(p for p in paths if p.is_file()):
        digest.update(f"{path.relative_to(root).as_posix()}={fingerprint(path)}\n".encode())
    return digest.hexdigest()[:12]


def configure_assets(app: Flask) -> None:
    static = Path(app.static_folder)

    @app.url_defaults
    def add_fingerprint(endpoint, values):
        if endpoint == "static" and "filename" in values and "v" not in values:
            path = static / values["filename"]
            if path.is_file():
                values["v"] = fingerprint(path)

    def max_age(filename):
        # A fingerprinted address never changes content; a bare one may at any deploy.
        return ONE_YEAR if request.args.get("v") else 300

    app.get_send_file_max_age = max_age
