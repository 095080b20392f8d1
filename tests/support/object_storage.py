"""A real S3 API on a loopback port (moto in server mode), a bucket per test, and the
`storage_backend` fixture that runs a test on the local folder and on S3 (a pytest plugin)."""

import importlib.util
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from flask import current_app

from support.live_servers import free_port
from support.settings import IN_CI

REGION = "us-east-1"


class S3Server:
    """`python -m moto.server` on a free port: S3's HTTP API, kept in the process's memory."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = workdir
        self.process = None
        self._client = None

    @staticmethod
    def problem() -> str | None:
        for module in ("moto.server", "boto3", "flask_cors"):
            if importlib.util.find_spec(module.split(".")[0]) is None:
                return f"{module} is not installed (requirements-dev.txt)"
        return None

    def start(self) -> "S3Server":
        self.log = open(self.workdir / f"moto-{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        client = self.client()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                client.list_buckets()
                return self
            except Exception:  # not listening yet
                time.sleep(0.1)
        self.stop()
        log = (self.workdir / f"moto-{self.port}.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"the S3 server did not start: {log}")

    def client(self):
        """One client for the run (a boto3 client takes 0.3 s to make, and is thread-safe)."""
        if self._client is None:
            import boto3

            self._client = boto3.session.Session().client(
                "s3", endpoint_url=self.url, region_name=REGION,
                aws_access_key_id="test", aws_secret_access_key="test",
            )  # fmt: skip
        return self._client

    def settings(self, bucket: str) -> dict:
        """The app's settings for this server and bucket."""
        return {
            "STORAGE_BACKEND": "s3",
            "STORAGE_S3_BUCKET": bucket,
            "STORAGE_S3_ENDPOINT_URL": self.url,
            "STORAGE_S3_REGION": REGION,
            "STORAGE_S3_ACCESS_KEY": "test",
            "STORAGE_S3_SECRET_KEY": "test",
        }

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """One S3 server for the run (for each xdist worker); required under CI=true."""
    problem = S3Server.problem()
    if problem:
        if IN_CI:
            pytest.fail(f"an S3 server is required under CI=true: {problem}")
        pytest.skip(f"no S3 server: {problem}")
    server = S3Server(tmp_path_factory.mktemp("s3")).start()
    yield server
    server.stop()


class Bucket:
    """A bucket of the test's own: its name, the app settings that use it, a client."""

    def __init__(self, server: S3Server):
        self.name = f"test-{uuid.uuid4().hex[:16]}"
        self.client = server.client()
        self.settings = server.settings(self.name)
        self.client.create_bucket(Bucket=self.name)

    def keys(self) -> list[str]:
        listed = self.client.list_objects_v2(Bucket=self.name)
        return sorted(entry["Key"] for entry in listed.get("Contents", ()))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def remove(self) -> None:
        for key in self.keys():
            self.client.delete_object(Bucket=self.name, Key=key)
        self.client.delete_bucket(Bucket=self.name)


@pytest.fixture
def s3_bucket(s3_server):
    bucket = Bucket(s3_server)
    yield bucket
    bucket.remove()


def use_storage(apps, settings: dict) -> None:
    """Point the apps at other storage settings; each makes its storage again on next use."""
    for app in apps:
        app.config.update(settings)
        app.extensions.pop("storage", None)


@pytest.fixture(params=["local", "s3"])
def storage_backend(request, app):
    """The test runs twice: on the local folder, and on a bucket of its own (S3). Gives the
    storage the test body's app uses."""
    from meetingpoint.storage import files

    if request.param == "s3":
        bucket = request.getfixturevalue("s3_bucket")
        use_storage((app, current_app), bucket.settings)
    return files()
