"""Where uploaded files live: a folder on this machine, or an S3-compatible object store."""

from pathlib import Path

from flask import Flask, current_app

from .base import Storage
from .local import LocalStorage
from .s3 import S3Storage

__all__ = ["LocalStorage", "S3Storage", "Storage", "check_settings", "files", "make_storage"]
BACKENDS = ("local", "s3")


def files() -> Storage:
    """The app's storage, made on first use and kept for the app's life (a boto3 client
    keeps its connections open, and is safe to share between threads and greenlets)."""
    storage = current_app.extensions.get("storage")
    if storage is None:
        storage = current_app.extensions["storage"] = make_storage(current_app)
    return storage


def make_storage(app: Flask, backend: str | None = None) -> Storage:
    """The storage the settings describe; `backend` overrides STORAGE_BACKEND (the
    migration reads one backend and writes the other)."""
    config = app.config
    backend = backend or config.get("STORAGE_BACKEND") or "local"
    if backend == "s3":
        return S3Storage(
            config["STORAGE_S3_BUCKET"],
            endpoint_url=config.get("STORAGE_S3_ENDPOINT_URL"),
            region=config.get("STORAGE_S3_REGION"),
            access_key=config.get("STORAGE_S3_ACCESS_KEY"),
            secret_key=config.get("STORAGE_S3_SECRET_KEY"),
            scratch=_root(app) / ".scratch",
        )
    return local_storage(app)


def _root(app: Flask) -> Path:
    return Path(app.config.get("STORAGE_PATH") or Path(app.instance_path) / "files")


def local_storage(app: Flask) -> LocalStorage:
    instance = Path(app.instance_path)
    root = _root(app)
    # The Library's folder from before this package: its files stay where they are.
    library = Path(app.config.get("LIBRARY_PATH") or instance / "library")
    return LocalStorage(root, {"library/": library})


def check_settings(config) -> None:
    """Refuse to start on settings that would fail at the first upload instead."""
    backend = config.get("STORAGE_BACKEND") or "local"
    if backend not in BACKENDS:
        raise RuntimeError(f"MEETINGPOINT_STORAGE_BACKEND must be local or s3, not {backend!r}.")
    if backend == "s3" and not config.get("STORAGE_S3_BUCKET"):
        raise RuntimeError(
            "MEETINGPOINT_STORAGE_BACKEND is s3 but MEETINGPOINT_STORAGE_S3_BUCKET is not set."
        )
    # Every file under STORAGE_PATH is a key: given the instance folder (or one above it),
    # the secret key and the database would be listed, and copied by the migration.
    if config.get("STORAGE_PATH") and config.get("INSTANCE_PATH"):
        root = Path(config["STORAGE_PATH"]).resolve()
        instance = Path(config["INSTANCE_PATH"]).resolve()
        if root == instance or root in instance.parents:
            raise RuntimeError(
                "MEETINGPOINT_STORAGE_PATH holds the instance folder: give uploaded files a "
                "folder of their own, such as instance/files."
            )
