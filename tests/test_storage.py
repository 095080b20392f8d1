"""Uploaded files on both storages (a local folder and a real S3 API): resumed and
revalidated downloads, a missing file, the interface itself, old Library folders kept."""

import hashlib
import io

import pytest
from flask import current_app
from support.library import PDF, download_of, upload
from werkzeug.exceptions import NotFound

from meetingpoint import create_app
from meetingpoint.extensions import db
from meetingpoint.library import files
from meetingpoint.library.models import LibraryItem

DOCUMENT = PDF + b"%" + bytes(range(256)) * 40  # 10 KB, every byte value


@pytest.fixture
def member(auth, make_user):
    person = make_user(display_name="Nadia")
    auth.login(person)
    return person


@pytest.fixture
def document(client, rooms, member, storage_backend):
    assert upload(client, rooms, DOCUMENT, "Informe de inspección.pdf").status_code == 302
    return db.session.scalar(db.select(LibraryItem))


def downloads_of(item) -> int:
    db.session.refresh(item)
    return item.download_count


def test_a_resumed_download_gets_the_rest_and_is_not_counted_twice(client, document):
    first = download_of(client, document.id, Range="bytes=0-999")
    assert first.status_code == 206 and first.data == DOCUMENT[:1000]
    assert first.headers["Content-Range"] == f"bytes 0-999/{len(DOCUMENT)}"
    rest = download_of(client, document.id, Range="bytes=1000-")
    assert rest.status_code == 206 and rest.data == DOCUMENT[1000:]
    assert first.data + rest.data == DOCUMENT
    assert rest.headers["Content-Length"] == str(len(DOCUMENT) - 1000)
    assert downloads_of(document) == 1
    for response in (first, rest):  # still a download, whatever the storage
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response.headers["Content-Security-Policy"]
    last = download_of(client, document.id, Range="bytes=-100")  # the last 100 bytes
    assert last.status_code == 206 and last.data == DOCUMENT[-100:]
    beyond = download_of(client, document.id, Range=f"bytes={len(DOCUMENT) + 10}-")
    assert beyond.status_code == 416
    assert beyond.headers["Content-Range"] == f"bytes */{len(DOCUMENT)}"


def test_a_browser_that_has_the_file_is_told_it_is_unchanged(client, document):
    whole = download_of(client, document.id)
    assert whole.status_code == 200 and whole.data == DOCUMENT
    assert whole.headers["ETag"] == f'"{document.sha256}"'
    assert whole.headers["Content-Length"] == str(len(DOCUMENT))
    again = download_of(client, document.id, **{"If-None-Match": whole.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    other = download_of(client, document.id, **{"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.data == DOCUMENT
    stale = download_of(client, document.id, Range="bytes=0-9", **{"If-Range": '"an-old-version"'})
    assert stale.status_code == 200 and stale.data == DOCUMENT  # not a piece of another file
    head = download_of(client, document.id, method="HEAD")
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Length"] == str(len(DOCUMENT))


def test_a_name_beyond_ascii_reaches_the_browser_whole(client, document):
    disposition = download_of(client, document.id).headers["Content-Disposition"]
    assert 'filename="Informe de inspeccion.pdf"' in disposition
    assert "filename*=UTF-8''Informe%20de%20inspecci%C3%B3n.pdf" in disposition


def test_an_item_whose_file_is_gone_is_not_found_and_not_counted(client, document, storage_backend):
    storage_backend.delete(files.key_of(document.sha256))
    storage_backend.delete(files.key_of(document.sha256))  # missing is fine
    assert download_of(client, document.id).status_code == 404
    ranged = download_of(client, document.id, Range="bytes=5-")
    assert ranged.status_code == 404
    assert downloads_of(document) == 0


def test_each_storage_keeps_files_by_key(app, storage_backend, tmp_path):
    storage = storage_backend
    preview = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x01" * 500
    storage.put_bytes("attachments/previews/abc.webp", preview, "image/webp")
    source = tmp_path / "upload.bin"
    source.write_bytes(DOCUMENT)
    sha = hashlib.sha256(DOCUMENT).hexdigest()
    storage.put_file(f"attachments/{sha[:2]}/{sha}", source, "application/pdf")
    assert source.read_bytes() == DOCUMENT  # the caller's file is left to the caller
    source.write_bytes(b"changed afterwards")  # ...and changing it changes nothing stored
    assert storage.size(f"attachments/{sha[:2]}/{sha}") == len(DOCUMENT)
    assert storage.size("attachments/previews/abc.webp") == len(preview)
    assert storage.size("attachments/previews/none.webp") is None
    assert storage.exists("attachments/previews/abc.webp")
    assert not storage.exists("attachments/previews/none.webp")
    with storage.open(f"attachments/{sha[:2]}/{sha}") as handle:
        assert handle.read(5) == b"%PDF-"
        handle.seek(-4, io.SEEK_END)  # Pillow seeks about in an image
        assert handle.read() == DOCUMENT[-4:]
    with pytest.raises(FileNotFoundError):
        storage.open("attachments/previews/none.webp")
    assert sorted(storage.keys("attachments/previews/")) == ["attachments/previews/abc.webp"]
    assert sorted(storage.keys()) == [
        f"attachments/{sha[:2]}/{sha}",
        "attachments/previews/abc.webp",
    ]
    storage.put_bytes("attachments/previews/abc.webp", b"RIFF again", "image/webp")  # replaced
    with storage.open("attachments/previews/abc.webp") as handle:
        assert handle.read() == b"RIFF again"
    storage.delete("attachments/previews/abc.webp")
    assert list(storage.keys("attachments/previews/")) == []
    for key in ("../secret_key", "/etc/passwd", "attachments//x", "attachments/./x", ""):
        with pytest.raises(ValueError):
            storage.exists(key)


def test_library_files_from_before_stay_where_they_were(client, app, rooms, member):
    """An upgraded deployment moves nothing: the Library's folder keeps its layout."""
    assert upload(client, rooms, DOCUMENT, "inspection.pdf").status_code == 302
    item = db.session.scalar(db.select(LibraryItem))
    old_place = app.config["LIBRARY_PATH"] / item.sha256[:2] / item.sha256
    assert old_place.read_bytes() == DOCUMENT
    assert download_of(client, item.id).data == DOCUMENT


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"STORAGE_BACKEND": "ftp"}, "must be local or s3"),
        ({"STORAGE_BACKEND": "s3"}, "STORAGE_S3_BUCKET is not set"),
        ({"STORAGE_PATH": "instance"}, "STORAGE_PATH holds the instance folder"),
        ({"STORAGE_PATH": "."}, "STORAGE_PATH holds the instance folder"),
    ],
)
def test_storage_settings_that_cannot_work_stop_the_start(tmp_path, settings, message):
    if "STORAGE_PATH" in settings:
        settings = {"STORAGE_PATH": tmp_path / settings["STORAGE_PATH"]}
    with pytest.raises(RuntimeError, match=message):
        create_app({"INSTANCE_PATH": tmp_path / "instance", **settings})


def test_a_preview_is_shown_in_the_page_and_revalidated(storage_backend):
    """What attachments will ask for: an image inline (no download box), cached a while."""
    preview = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x02" * 300
    storage_backend.put_bytes("attachments/previews/7.webp", preview, "image/webp")

    def serve(etag=None, **headers):
        with current_app.test_request_context("/", headers=headers):
            response = storage_backend.serve(
                "attachments/previews/7.webp",
                mimetype="image/webp",
                as_attachment=False,
                etag=etag,
                max_age=60,
            )
            response.direct_passthrough = False  # read it here, as a server would
            body = response.get_data()
            response.close()
            return response, body

    shown, body = serve(etag="preview-7")
    assert shown.status_code == 200 and body == preview
    assert shown.headers["Content-Disposition"] == "inline; filename=7.webp"  # no download box
    assert shown.headers["Content-Type"] == "image/webp"
    assert shown.cache_control.max_age == 60
    assert serve(etag="preview-7", **{"If-None-Match": '"preview-7"'})[0].status_code == 304
    own, _body = serve()  # no ETag given: the storage makes one, and honours it
    assert own.headers["ETag"]
    assert serve(**{"If-None-Match": own.headers["ETag"]})[0].status_code == 304
    with current_app.test_request_context("/"), pytest.raises(NotFound):
        storage_backend.serve("attachments/previews/none.webp", mimetype="image/webp")
