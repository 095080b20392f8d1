"""Copy every local file to the object store, each read back and compared by SHA-256;
what is already there and matches is skipped, so an interrupted run is simply run again."""

import hashlib
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .base import CHUNK
from .local import LocalStorage
from .s3 import SHA256_META, S3Storage

_CONTENT_NAMED = re.compile(r"^library/[0-9a-f]{2}/([0-9a-f]{64})$")

COPIED, PRESENT, DAMAGED, FAILED = "copied", "present", "damaged", "failed"


@dataclass
class Tally:
    counts: dict[str, int] = field(
        default_factory=lambda: {COPIED: 0, PRESENT: 0, DAMAGED: 0, FAILED: 0}
    )
    deleted: int = 0
    left: int = 0  # not looked at, past --limit

    @property
    def ok(self) -> bool:
        return not (self.counts[DAMAGED] or self.counts[FAILED])


def migrate(
    source: LocalStorage,
    target: S3Storage,
    *,
    limit: int | None = None,
    delete_local: bool = False,
    report: Callable[[str, str], None] = lambda key, outcome: None,
) -> Tally:
    """Each local key, in a stable order: copied (then read back), or found already there.
    `limit` stops after that many copies; `delete_local` removes each local file once its
    copy is known whole. Nothing is ever deleted from the object store but a bad copy."""
    tally = Tally()
    for key in source.keys():
        if limit is not None and tally.counts[COPIED] >= limit:
            tally.left += 1
            continue
        outcome = _move_one(source, target, key)
        tally.counts[outcome] += 1
        report(key, outcome)
        if delete_local and outcome in (COPIED, PRESENT):
            source.delete(key)
            tally.deleted += 1
    return tally


def _move_one(source: LocalStorage, target: S3Storage, key: str) -> str:
    sha256, size = _digest(source, key)
    named = _CONTENT_NAMED.match(key)
    if named and named.group(1) != sha256:
        return DAMAGED  # a Library file is named by its content: this one has changed
    if _already_there(target, key, sha256, size):
        return PRESENT
    content_type = mimetypes.guess_type(key)[0] or "application/octet-stream"
    target.put_file(key, source.path_of(key), content_type)
    if target.sha256(key) != sha256:
        # Removed, or the next run would trust the checksum written with it.
        target.delete(key)
        return FAILED
    return COPIED


def _already_there(target: S3Storage, key: str, sha256: str, size: int) -> bool:
    """A copy of the same size whose recorded SHA-256 matches (every object this app
    writes records one, and a PUT lands whole or not at all); an object written by other
    means (aws s3 sync, say) is read back and hashed instead."""
    head = target.head(key)
    if head is None or head["ContentLength"] != size:
        return False
    recorded = head.get("Metadata", {}).get(SHA256_META)
    if recorded is not None:
        return recorded == sha256
    return target.sha256(key) == sha256


def _digest(source: LocalStorage, key: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with source.open(key) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
