"""Files in an S3-compatible object store (AWS S3, MinIO, Ceph, Garage), shared by every
machine, private, and streamed to readers by the app after its own access check."""

import hashlib
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from flask import Response, abort, request

from .base import CHUNK, Storage, check_key, describe_download

# Objects read back for Pillow or a checksum: kept in memory up to this size, then on disk.
SPOOL_BYTES = 8 * 1024 * 1024
# The SHA-256 of the object's bytes, written with each object (x-amz-meta-sha256):
# `flask storage migrate` compares it without reading the object again.
SHA256_META = "sha256"
# Headers that may turn a GET into a 206, 304 or 412: the size is asked for first.
_CONDITIONS = ("Range", "If-None-Match", "If-Match", "If-Range")
# One boto3 session per process: each new one parses S3's service description again (0.3 to
# 0.6 s); clients made from one share it (30 ms). Making a client is not thread-safe.
_session: Any = None
_session_lock = threading.Lock()


def _client(**arguments):
    global _session
    with _session_lock:
        if _session is None:
            import boto3  # only deployments on S3 pay for loading it (a second)

            _session = boto3.session.Session()
        return _session.client("s3", **arguments)


class S3Storage(Storage):
    """One bucket, no public access needed: every request is signed with the app's keys."""

    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None = None,
        region: str | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        scratch: Path | None = None,
    ):
        from botocore.config import Config
        from botocore.exceptions import ClientError

        self.bucket = bucket
        self._scratch = scratch
        self._client_error = ClientError
        self.client = _client(
            endpoint_url=endpoint_url or None,
            region_name=region or None,
            # None: boto3's own chain (environment, ~/.aws, the machine's role).
            aws_access_key_id=access_key or None,
            aws_secret_access_key=secret_key or None,
            config=Config(
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
                max_pool_connections=32,  # one gevent worker serves many downloads at once
                # Path-style addresses (endpoint/bucket/key) work on every S3-compatible
                # server; virtual hosts need a DNS name per bucket.
                s3={"addressing_style": "path"} if endpoint_url else None,
            ),
        )

    def put_file(self, key: str, path: Path, content_type: str) -> None:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
            handle.seek(0)
            self._put(key, handle, content_type, digest.hexdigest())

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        self._put(key, data, content_type, hashlib.sha256(data).hexdigest())

    def _put(self, key: str, body: Any, content_type: str, sha256: str) -> None:
        # One PUT (files here are tens of MB at most): the object appears whole or not at all.
        self.client.put_object(
            Bucket=self.bucket,
            Key=check_key(key),
            Body=body,
            ContentType=content_type,
            Metadata={SHA256_META: sha256},
        )

    def open(self, key: str) -> BinaryIO:
        """A seekable copy (Pillow seeks): in memory when small, else a temporary file."""
        spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        try:
            stream = self._get(key)
            with stream:
                for chunk in stream.iter_chunks(CHUNK):
                    spooled.write(chunk)
        except BaseException:
            spooled.close()
            raise
        spooled.seek(0)
        return spooled  # type: ignore[return-value]

    def _get(self, key: str, byte_range: str | None = None, if_match: str | None = None):
        arguments = {"Bucket": self.bucket, "Key": check_key(key)}
        if byte_range:
            arguments["Range"] = byte_range
        if if_match:  # the object the size was read from, or an error: never another's bytes
            arguments["IfMatch"] = if_match
        try:
            return self.client.get_object(**arguments)["Body"]
        except self._client_error as error:
            if _missing(error):
                raise FileNotFoundError(key) from None
            raise

    def head(self, key: str) -> dict | None:
        """The object's size, ETag and metadata, or None when there is none."""
        try:
            return self.client.head_object(Bucket=self.bucket, Key=check_key(key))
        except self._client_error as error:
            if _missing(error):
                return None
            raise

    def exists(self, key: str) -> bool:
        return self.head(key) is not None

    def size(self, key: str) -> int | None:
        head = self.head(key)
        return None if head is None else head["ContentLength"]

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=check_key(key))

    def keys(self, prefix: str = "") -> Iterator[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=prefix
        )
        for page in pages:
            for entry in page.get("Contents", ()):
                yield entry["Key"]

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
        """Werkzeug decides 200, 206, 304, 412 or 416 from the size alone (as send_file
        does); then only the bytes asked for are fetched, with the same Range, when the
        response is sent. A plain GET costs one request to the store, a Range or a
        revalidation two (HeadObject, then GetObject if bytes are to be sent)."""
        opened = None
        if request.method == "GET" and not any(name in request.headers for name in _CONDITIONS):
            try:  # the common case: the whole file, size and bytes from one request
                opened = self.client.get_object(Bucket=self.bucket, Key=check_key(key))
            except self._client_error as error:
                if _missing(error):
                    abort(404)
                raise
            described = opened
        else:
            described = self.head(key)
            if described is None:
                abort(404)
        size = described["ContentLength"]
        response = Response(mimetype=mimetype, direct_passthrough=True)
        response.set_etag(etag or described["ETag"].strip('"'))
        response.content_length = size
        name = download_name or key.rsplit("/", 1)[-1]  # as send_file names a path's file
        describe_download(response, name, as_attachment, max_age)
        response.make_conditional(request, accept_ranges=True, complete_length=size)
        version = described["ETag"]
        if response.status_code == 206 and response.content_range is not None:
            start, stop = response.content_range.start, response.content_range.stop
            byte_range = f"bytes={start}-{stop - 1}"
            response.response = _Body(lambda: self._get(key, byte_range, version))
        elif opened is not None:
            response.response = _Body(stream=opened["Body"])
        else:
            response.response = _Body(lambda: self._get(key, None, version))
        return response

    def scratch_dir(self) -> Path:
        folder = self._scratch or Path(tempfile.gettempdir())
        folder.mkdir(parents=True, exist_ok=True)
        return folder


class _Body:
    """The response body: the object's stream, opened only if the server sends a body
    (not for HEAD or 304), and closed whatever happens."""

    def __init__(self, opener=None, stream=None):
        self._opener = opener
        self._stream = stream

    def __iter__(self):
        if self._stream is None:
            self._stream = self._opener()
        yield from self._stream.iter_chunks(CHUNK)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()


def _missing(error) -> bool:
    return error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound")
