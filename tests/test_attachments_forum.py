"""Pictures and files in forum posts, through the plain form (no JavaScript): stored once,
cleaned, shown light, served only to whoever may read the post, refused with a reason that
keeps the text."""

import io
import re

import pytest
from PIL import Image
from support.attachments import PDF, fetch, reply_with, slot, stored
from support.forum import ROOM, last, open_topic
from support.pictures import GPS, phone_photo, photo
from support.web import post

from meetingpoint.forums.models import Post
from meetingpoint.storage import files


@pytest.fixture
def opening(client, auth, member, storage_backend):
    auth.login(member(display_name="Amina Diallo"))
    open_topic(client)
    return last(Post)


def test_a_reply_carries_a_photo_and_a_pdf_that_readers_get(client, opening):
    answer_page = reply_with(
        client, opening.id, "The signed agreement, and the workshop.",
        slot(0, phone_photo(), "IMG_2041.jpg", "Delegates signing the agreement in Dakar"),
        slot(1, PDF, "Decree 2026-14.pdf"),
    )  # fmt: skip
    assert answer_page.status_code == 302
    picture, document = stored()
    reply = last(Post)
    assert picture.post_id == document.post_id == reply.id
    assert (picture.kind, picture.width, picture.height) == ("image", 1200, 1600)  # upright
    assert document.file_name == "Decree 2026-14.pdf" and document.content_type == "application/pdf"

    page = client.get(f"/en/rooms/{ROOM}/topics/{opening.topic_id}").text
    img = re.search(r'<img src="(/attachments/\d+/preview)" alt="([^"]*)"[^>]*loading="lazy"', page)
    assert img and img.group(2) == "Delegates signing the agreement in Dakar"
    assert "Load image, " in page and "Decree 2026-14.pdf" in page

    preview = fetch(client, img.group(1))
    assert preview.mimetype == "image/webp" and len(preview.data) <= 16 * 1024
    full = fetch(client, f"/attachments/{picture.id}/file")
    assert full.mimetype == "image/jpeg"
    kept = Image.open(io.BytesIO(full.data))
    assert kept.getexif().get_ifd(GPS) == {} and b"PhoneMaker" not in full.data
    download = fetch(client, f"/attachments/{document.id}/file")
    assert download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]


def test_a_resent_reply_stores_its_files_once(client, opening):
    for _ in range(2):
        reply_with(client, opening.id, "Photo of the meeting", slot(0, photo(), "meeting.jpg"),
                   client_id="with-photo")  # fmt: skip
    assert len(stored()) == 1


SIX = [slot(n, PDF, f"d{n}.pdf") for n in range(5)] + [{"attachments-5-file": (PDF, "d5.pdf")}]
SVG = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
REFUSALS = [
    ("en", SIX, "Attach at most 5 files."),
    ("en", [slot(0, b"", "empty.pdf")], "“empty.pdf” is empty."),
    ("fr", [slot(0, SVG, "logo.svg")], "« logo.svg » ne peut pas être joint."),
    ("es", [slot(0, PDF, "foto.jpg")], "El contenido de «foto.jpg» no corresponde a su nombre."),
    ("pt", [slot(0, photo()[:3000], "partida.jpg")], "«partida.jpg» não pôde ser lido como"),
]


@pytest.mark.parametrize(("lang", "slots", "reason"), REFUSALS)
def test_a_refused_file_says_why_and_keeps_the_text(client, opening, lang, slots, reason):
    page = reply_with(client, opening.id, "Words worth keeping", *slots, lang=lang)
    assert page.status_code == 200
    assert reason in page.text.replace("&#34;", '"').replace("&#39;", "'")
    assert "Words worth keeping" in page.text
    assert stored() == [] and last(Post).id == opening.id


def test_limits_per_file_and_per_day_are_settings(app, client, opening):
    app.config["ATTACHMENT_FILE_BYTES"] = 1000
    page = reply_with(client, opening.id, "Too big", slot(0, PDF + b"0" * 2000, "big.pdf"))
    assert "“big.pdf” is larger than 1 KB." in page.text
    app.config["ATTACHMENT_DAILY_BYTES"] = (len(PDF) + 1) * 3
    for n in range(3):
        sent = reply_with(client, opening.id, f"Part {n}", slot(0, PDF + bytes([n]), f"p{n}.pdf"))
        assert sent.status_code == 302
    page = reply_with(client, opening.id, "One more", slot(0, PDF + b"x", "p3.pdf"))
    assert "past the limit of" in page.text and len(stored()) == 3


def test_a_deleted_post_takes_its_files_with_it(client, opening):
    reply_with(client, opening.id, "Draft minutes", slot(0, PDF, "minutes.pdf"))
    document = stored()[0]
    key, document_id, post_id = document.storage_key, document.id, document.post_id
    assert files().exists(key)
    post(client, f"/en/posts/{post_id}/delete")
    assert stored() == []
    assert not files().exists(key)
    assert fetch(client, f"/attachments/{document_id}/file").status_code == 404


def test_a_reader_s_browser_keeps_a_picture_and_checks_it_for_free(client, opening):
    reply_with(client, opening.id, "The workshop", slot(0, photo(), "workshop.jpg"))
    url = f"/attachments/{stored()[0].id}/preview"
    first = fetch(client, url)
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = fetch(client, url, **{"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_a_post_far_over_the_limit_gets_a_translated_refusal(app, client, opening):
    app.config["ATTACHMENTS_MAX_CONTENT_LENGTH"] = 1024 * 1024
    huge = PDF + b"0" * (2 * 1024 * 1024)
    page = reply_with(client, opening.id, "Too much", slot(0, huge, "huge.pdf"), lang="pt")
    assert page.status_code == 413
    assert "O que enviou excede o que aceitamos aqui (1,0 MB no total)" in page.text
    assert stored() == [] and last(Post).id == opening.id
