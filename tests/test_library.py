"""The library: documents checked by their content and served safely (from the local
folder and from S3), links, videos that load nothing from their host until played,
filters, permissions, discussions."""

import io
import zipfile

import pytest
from support.library import PDF, describe, download_of, upload
from support.pages import check_page
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.i18n import LANGUAGES
from meetingpoint.library import files
from meetingpoint.library.models import LibraryItem
from meetingpoint.library.videos import parse_video

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def office_file(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(
                {"docx": "word/document.xml", "pptx": "ppt/presentation.xml"}[kind], "<x/>"
            )
    return buffer.getvalue()


@pytest.fixture
def member(auth, make_user):
    person = make_user(display_name="Nadia")
    auth.login(person)
    return person


@pytest.mark.parametrize(
    ("content", "name", "served_as"),
    [
        (PDF, "inspection.pdf", "application/pdf"),
        (PNG, "poster.png", "image/png"),
        (
            office_file("docx"),
            "notes.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            office_file("pptx"),
            "slides.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        (office_file("odt"), "notes.odt", "application/vnd.oasis.opendocument.text"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
            "old.xls",
            "application/vnd.ms-excel",
        ),
    ],
)
def test_documents_are_served_with_the_type_of_their_content(
    client, rooms, member, storage_backend, content, name, served_as
):
    response = upload(client, rooms, content, name)
    assert response.status_code == 302
    item = db.session.scalar(db.select(LibraryItem))
    download = download_of(client, item.id)
    assert download.data == content
    assert download.headers["Content-Type"].split(";")[0] == served_as
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert name in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]
    db.session.refresh(item)
    assert item.download_count == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "report.pdf", "does not match its name (.pdf)"),
        (office_file("docx"), "report.pdf", "does not match its name (.pdf)"),
        (PDF, "report.docx", "does not match its name (.docx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "macro.pdf", "does not match"),
        (b"MZ\x90\x00 program", "setup.exe", "Only PDF, Word, Excel, PowerPoint and OpenDocument"),
        (
            b"<svg onload=alert(1)>",
            "logo.svg",
            "Only PDF, Word, Excel, PowerPoint and OpenDocument",
        ),
        (b"", "empty.pdf", "The file is empty."),
        (PDF + b"\x00" * files.MAX_BYTES, "huge.pdf", "The file is larger than 20 MB."),
    ],
)
def test_bad_files_are_refused_and_the_description_kept(
    client, app, rooms, member, storage_backend, content, name, message
):
    response = upload(client, rooms, content, name)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert "How inspectorates in the South plan visits." in page  # nothing typed is lost
    assert db.session.query(LibraryItem).count() == 0
    assert list(storage_backend.keys()) == []  # and nothing of the file is kept,
    assert list(storage_backend.scratch_dir().iterdir()) == []  # not even its temporary copy


def test_a_request_far_over_the_limit_gets_a_translated_refusal(client, rooms, member):
    huge = b"0" * (26 * 1024 * 1024)
    response = upload(client, rooms, huge, "huge.pdf", url="/fr/library/add/document")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert '<html lang="fr"' in page and "25,0 Mo" in page


def test_file_names_lose_paths_and_control_characters(client, rooms, member):
    upload(client, rooms, PDF, "..\\..\\C:\\Users\\x/../etc/evil\x07 \u202ename\x00.pdf")
    item = db.session.scalar(db.select(LibraryItem))
    assert item.file_name == "evil name.pdf"
    header = download_of(client, item.id).headers["Content-Disposition"]
    assert "/" not in header and "\\" not in header and "\x07" not in header


def test_a_second_upload_of_the_same_file_points_to_the_first(
    client, rooms, member, storage_backend
):
    upload(client, rooms, PDF, "inspection.pdf")
    again = upload(client, rooms, PDF, "copy.pdf", title="Another title")
    assert again.status_code == 400
    page = again.get_data(as_text=True)
    first = db.session.scalar(db.select(LibraryItem))
    assert "This file is already in the library." in page
    assert f'href="/en/library/{first.id}"' in page
    assert db.session.query(LibraryItem).count() == 1
    assert download_of(client, first.id).data == PDF  # still whole


def test_members_add_links_and_only_web_addresses(client, rooms, member):
    bad = post(client, "/en/library/add/link", describe(rooms, url="javascript:alert(1)"))
    assert bad.status_code == 400
    assert "Give the web address, starting with http:// or https://." in bad.get_data(True)
    good = post(client, "/en/library/add/link", describe(rooms, url="https://example.org/guide"))
    item = db.session.scalar(db.select(LibraryItem))
    assert good.headers["Location"] == f"/en/library/{item.id}"
    page = client.get(f"/en/library/{item.id}").get_data(as_text=True)
    assert 'href="https://example.org/guide" rel="nofollow ugc noopener"' in page


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1", ("youtube", "dQw4w9WgXcQ")),
        ("https://youtu.be/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871", ("vimeo", "76979871")),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
        ("javascript://youtube.com/%0aalert(1)", None),
    ],
)
def test_video_addresses_are_recognised(url, expected):
    assert parse_video(url) == expected


def test_a_video_loads_nothing_from_its_host_until_played(client, rooms, member):
    data = describe(rooms, item_type="video", url="https://youtu.be/dQw4w9WgXcQ")
    post(client, "/en/library/add/video", data)
    item = db.session.scalar(db.select(LibraryItem))
    page = client.get(f"/en/library/{item.id}")
    html = page.get_data(as_text=True)
    assert "<iframe" not in html and "youtube-nocookie" not in html
    assert "frame-src" not in page.headers["Content-Security-Policy"]
    assert f'href="/en/library/{item.id}/play"' in html
    played = client.get(f"/en/library/{item.id}/play")
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in played.get_data(
        as_text=True
    )
    assert (
        "frame-src https://www.youtube-nocookie.com;" in played.headers["Content-Security-Policy"]
    )
    refused = post(client, "/en/library/add/video", describe(rooms, url="https://example.org/v"))
    assert "Give the address of a video on YouTube or Vimeo." in refused.get_data(as_text=True)


def test_only_the_adder_and_moderators_edit_and_remove(
    client, auth, make_user, rooms, member, storage_backend
):
    upload(client, rooms, PDF, "inspection.pdf")
    item = db.session.scalar(db.select(LibraryItem))
    stored = files.key_of(item.sha256)
    assert storage_backend.exists(stored)
    edited = post(
        client, f"/en/library/{item.id}/edit", describe(rooms, title="Inspection toolkit")
    )
    assert edited.status_code == 302
    auth.logout()
    assert client.get("/en/library/add/document").status_code == 302  # to sign in
    auth.login(make_user())
    assert client.get(f"/en/library/{item.id}/edit").status_code == 403
    assert post(client, f"/en/library/{item.id}/remove").status_code == 403
    auth.logout()
    auth.login(make_user(role="moderator"))
    post(client, f"/en/library/{item.id}/edit", describe(rooms, title="Labour inspection toolkit"))
    db.session.refresh(item)
    assert item.title == "Labour inspection toolkit"
    post(client, f"/en/library/{item.id}/remove")
    assert db.session.query(LibraryItem).count() == 0 and not storage_backend.exists(stored)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Give a title of at most 200 characters."),
        ({"year": "1850"}, "Give a year between 1900 and"),
        ({"year": "soon"}, "Give a year between 1900 and"),
        ({"year": "²"}, "Give a year between 1900 and"),  # isdigit(), yet not for int()
        ({"rooms": ["²", str(2**63), str(2**31)]}, "Choose at least one room for the item."),
        # None ticked and too little text to tell it from.
        (
            {"languages": [], "title": "Guide", "description": ""},
            "Choose the language or languages of the item.",
        ),  # fmt: skip
        ({"languages": ["xx"]}, "Choose the language or languages of the item."),
        ({"rooms": []}, "Choose at least one room for the item."),
        ({"item_type": "poem"}, "Choose what kind of item this is."),
    ],
)
def test_bad_descriptions_are_refused(client, rooms, member, changes, message):
    data = describe(rooms, url="https://example.org/guide", **changes)
    response = post(client, "/en/library/add/link", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.query(LibraryItem).count() == 0


def test_filters_cover_every_field_and_lists_sort(client, rooms, member):
    upload(client, rooms, PDF, "inspection.pdf")
    post(client, "/en/library/add/link", describe(
        rooms, title="Cooperatives in Brazil", description="A case from Recife.",
        item_type="case_study", year="2019", source="UNSSC", languages=["pt"],
        rooms=[str(rooms["social-solidarity-economy"].id)], url="https://example.org/coop",
    ))  # fmt: skip
    pdf = db.session.scalar(db.select(LibraryItem).where(LibraryItem.kind == "document"))
    download_of(client, pdf.id)

    def found(**query) -> str:
        return client.get("/en/library/", query_string=query).get_data(as_text=True)

    both = ("Toolkit on labour inspection", "Cooperatives in Brazil")
    for query, expected in [
        ({"q": "recife"}, 1), ({"q": "inspectorates"}, 0), ({"type": "toolkit"}, 0),
        ({"language": "pt"}, 1), ({"room": "child-labour-modern-slavery"}, 0),
        ({"year": "2019"}, 1), ({"source": "unssc"}, 1), ({"kind": "document"}, 0),
    ]:  # fmt: skip
        page = found(**query)
        assert (
            both[expected] in page and both[1 - expected] not in page.split("Most downloaded")[0]
        ), query
    by_downloads = found(order="downloads")
    assert by_downloads.index(both[0]) < by_downloads.index(both[1])
    newest = found()
    assert newest.index(both[1]) < newest.index(both[0])
    room = client.get("/en/rooms/social-solidarity-economy/").get_data(as_text=True)
    assert "Cooperatives in Brazil" in room and "Toolkit on labour inspection" not in room


def test_an_item_s_discussion_is_opened_once(client, auth, make_user, rooms, member):
    upload(client, rooms, PDF, "inspection.pdf")
    item = db.session.scalar(db.select(LibraryItem))
    first = post(client, f"/en/library/{item.id}/discuss")
    assert first.headers["Location"].startswith("/en/rooms/child-labour-modern-slavery/topics/")
    auth.logout()
    auth.login(make_user())
    assert (
        post(client, f"/en/library/{item.id}/discuss").headers["Location"]
        == first.headers["Location"]
    )
    topic = client.get(first.headers["Location"]).get_data(as_text=True)
    assert f'href="/en/library/{item.id}"' in topic


@pytest.mark.parametrize("lang", LANGUAGES)
def test_library_pages_render_in_every_language(client, rooms, member, lang):
    upload(client, rooms, PDF, "inspection.pdf")
    post(client, "/en/library/add/video", describe(rooms, url="https://vimeo.com/76979871"))
    document, video = db.session.scalars(db.select(LibraryItem).order_by(LibraryItem.id)).all()
    for path in (
        "", f"{document.id}", f"{video.id}", f"{video.id}/play", f"{document.id}/edit",
        "add/document", "add/link", "add/video",
    ):  # fmt: skip
        check_page(client.get(f"/{lang}/library/{path}"), lang)


def test_deleting_an_account_with_its_content_removes_its_items(
    client, rooms, member, storage_backend
):
    from support.settings import PASSWORD

    from meetingpoint.accounts.services import delete_account

    upload(client, rooms, PDF, "inspection.pdf")
    stored = files.key_of(db.session.scalar(db.select(LibraryItem)).sha256)
    assert storage_backend.exists(stored)
    delete_account(member, PASSWORD, remove_content=True)
    assert db.session.query(LibraryItem).count() == 0 and not storage_backend.exists(stored)
