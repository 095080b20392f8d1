"""`flask storage migrate --to s3`: every local file copied to a real S3 API, read back and
compared; a run cut short (by --limit, or killed) is finished by running it again."""

import hashlib
import os
import signal
import subprocess
import sys

import pytest
from flask import current_app
from support.library import PDF, download_of, upload
from support.live_servers import ROOT
from support.object_storage import use_storage

from meetingpoint.extensions import db
from meetingpoint.library import files
from meetingpoint.library.models import LibraryItem
from meetingpoint.storage import local_storage

MIGRATE = ["storage", "migrate", "--to", "s3"]


@pytest.fixture
def member(auth, make_user):
    person = make_user(display_name="Nadia")
    auth.login(person)
    return person


@pytest.fixture
def bucket(app, s3_bucket):
    """The S3 settings given, the app still on its local folder (as before a migration)."""
    settings = {name: value for name, value in s3_bucket.settings.items() if "BACKEND" not in name}
    use_storage((app, current_app), settings)
    return s3_bucket


@pytest.fixture
def local_files(client, rooms, member) -> dict[str, bytes]:
    """Three Library documents uploaded the usual way, and two attachment files."""
    kept = {}
    for n in range(3):
        content = PDF + b"%" + f"document {n}".encode() * (n * 1000 + 1)
        assert (
            upload(client, rooms, content, f"report-{n}.pdf", title=f"Report {n}").status_code
            == 302
        )
        kept[files.key_of(hashlib.sha256(content).hexdigest())] = content
    storage = local_storage(current_app)
    for key, content in {
        "attachments/previews/7.webp": b"RIFF\x10\x00\x00\x00WEBPVP8 preview",
        "attachments/ab/abcdef": b"a voice note" * 500,
    }.items():
        storage.put_bytes(key, content, "application/octet-stream")
        kept[key] = content
    return kept


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_every_file_is_copied_checked_and_a_second_run_finishes_the_first(
    app, client, runner, bucket, local_files
):
    first = runner.invoke(args=[*MIGRATE, "--limit", "2"])
    assert first.exit_code == 0, first.output
    assert "Copied 2, already there 0, damaged locally 0, failed 0, left for the next run 3" in (
        first.output
    )
    assert len(bucket.keys()) == 2
    second = runner.invoke(args=MIGRATE)
    assert second.exit_code == 0, second.output
    assert "Copied 3, already there 2, damaged locally 0, failed 0, left for the next run 0" in (
        second.output
    )
    assert bucket.keys() == sorted(local_files)
    for key, content in local_files.items():
        assert sha(bucket.read(key)) == sha(content)
        head = bucket.client.head_object(Bucket=bucket.name, Key=key)
        assert head["Metadata"]["sha256"] == sha(content)
    again = runner.invoke(args=MIGRATE)
    assert "Copied 0, already there 5" in again.output
    assert sorted(local_storage(current_app).keys()) == sorted(local_files)  # nothing deleted

    use_storage((app, current_app), bucket.settings)  # the switch: STORAGE_BACKEND=s3
    items = db.session.scalars(db.select(LibraryItem)).all()
    for item in items:
        assert download_of(client, item.id).data == local_files[files.key_of(item.sha256)]
    cleared = runner.invoke(args=[*MIGRATE, "--delete-local"])
    assert cleared.exit_code == 0, cleared.output
    assert "already there 5" in cleared.output and "deleted locally 5" in cleared.output
    assert list(local_storage(current_app).keys()) == []
    for item in items:
        assert download_of(client, item.id).data == local_files[files.key_of(item.sha256)]


def test_a_changed_local_file_is_not_copied_and_a_wrong_copy_is_replaced(
    app, runner, bucket, local_files
):
    storage = local_storage(current_app)
    damaged, *_ = sorted(key for key in local_files if key.startswith("library/"))
    storage.path_of(damaged).write_bytes(b"%PDF-1.4 changed on disk")
    # A copy made by other means (aws s3 sync, say): same size, other bytes, no checksum.
    wrong = "attachments/ab/abcdef"
    bucket.client.put_object(Bucket=bucket.name, Key=wrong, Body=b"x" * len(local_files[wrong]))
    result = runner.invoke(args=MIGRATE)
    assert result.exit_code == 1
    assert f"damaged  {damaged}" in result.output
    assert f"copied   {wrong}" in result.output
    assert "Copied 4, already there 0, damaged locally 1" in result.output
    assert damaged not in bucket.keys()
    assert bucket.read(wrong) == local_files[wrong]


def test_a_killed_migration_is_finished_by_the_next_run(
    app, runner, bucket, database_url, tmp_path
):
    storage = local_storage(current_app)
    contents = {f"attachments/{n:02}/{n:064x}": os.urandom(100_000) for n in range(40)}
    for key, content in contents.items():
        storage.put_bytes(key, content, "application/octet-stream")
    settings = {**bucket.settings, "STORAGE_BACKEND": "local"}
    env = dict(
        os.environ,
        MEETINGPOINT_DATABASE_URL=database_url,
        MEETINGPOINT_SECRET_KEY="migration-tests",
        MEETINGPOINT_INSTANCE_PATH=str(tmp_path / "instance"),
        MEETINGPOINT_LIBRARY_PATH=str(current_app.config["LIBRARY_PATH"]),
        MEETINGPOINT_STORAGE_PATH=str(current_app.config["STORAGE_PATH"]),
        **{f"MEETINGPOINT_{name}": value for name, value in settings.items()},
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", *MIGRATE],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        copied = 0
        for line in process.stdout:
            copied += line.startswith("copied")
            if copied == 5:
                break
        process.send_signal(signal.SIGKILL)  # no goodbye, as a crash or a lost terminal
    finally:
        process.wait(timeout=30)
        process.stdout.close()
    assert copied == 5
    before = len(bucket.keys())
    assert 5 <= before < 40  # cut halfway
    result = runner.invoke(args=MIGRATE)
    assert result.exit_code == 0, result.output
    summary = result.output.splitlines()[-1]
    again, present = (int(part.split()[-1]) for part in summary.split(",")[:2])
    assert again + present == 40 and present >= 5 and again == 40 - present
    assert bucket.keys() == sorted(contents)
    for key, content in contents.items():
        assert sha(bucket.read(key)) == sha(content)
