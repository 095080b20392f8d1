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


def configure_assets(app: Flask) -> None:
    static = Path(app.static_folder)

    @app.url_defaults
    def add_fingerprint(endpoint, values):
        if endpoint == "static" and "filename" in values and "v" not in values:
            path = static / values["filename"]
            if path.is_file():  # mtime in the key: a changed file is hashed again
                values["v"] = _fingerprint(str(path), path.stat().st_mtime_ns)

    def max_age(filename):
        # A fingerprinted address never changes content; a bare one may at any deploy.
        return ONE_YEAR if request.args.get("v") else 300

    app.get_send_file_max_age = max_age
