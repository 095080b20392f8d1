"""Attachments in a real browser: a picture attached to a reply through the page's file
field, seen as its light preview with its description, then loaded whole when asked; the
reply page with its slots open and a topic with pictures pass axe and the phone check in
every language."""

import base64
import io

import pytest
from support.browsing import PHONE, audit, audit_here
from support.phones import SIDEWAYS, check_on_phone
from support.pictures import photo

from meetingpoint.attachments.uploads import Upload
from meetingpoint.extensions import db
from meetingpoint.forums.access import opening_post
from meetingpoint.forums.services import PostDraft, create_topic, reply

pytestmark = pytest.mark.backends("sqlite")

ROOM = "social-dialogue"
ALT = "Delegates signing the agreement in Dakar"


def a_topic(author, rooms, pictures: int = 0):
    """A topic whose answer carries `pictures` photos (and a PDF), as stored by the forms."""
    topic = create_topic(
        author, rooms[ROOM], "The agreement is signed", PostDraft("Photos follow.", "en")
    )
    if pictures:
        uploads = [
            Upload(io.BytesIO(photo(900 + n, 600)), f"signing-{n}.jpg", f"{ALT} ({n + 1})")
            for n in range(pictures)
        ]
        uploads.append(Upload(io.BytesIO(PDF), "Agreement 2026.pdf"))
        reply(author, topic, opening_post(topic), PostDraft("From the day.", "en", uploads=uploads))
    db.session.commit()
    return topic


PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def test_a_picture_attached_through_the_page_is_previewed_then_loaded_whole(
    browsing, member, rooms
):
    amina = member(display_name="Amina Diallo")
    topic = a_topic(amina, rooms)
    page = browsing.signed_in_page(amina)
    page.goto(f"/en/posts/{opening_post(topic).id}/reply")
    page.get_by_text("Attach pictures or files").click()
    page.locator("#attachments-0-file").set_input_files(
        {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": photo(1600, 1200)}
    )
    page.locator("#attachments-0-alt").fill(ALT)
    page.locator("#body").fill("The signed agreement.")
    page.locator("main form [type=submit][name=submit]").click()
    page.wait_for_load_state()

    picture = page.get_by_role("img", name=ALT)
    picture.scroll_into_view_if_needed()
    page.wait_for_function(
        "(alt) => [...document.images].some(i => i.alt === alt && i.complete && i.naturalWidth)",
        arg=ALT,
    )
    assert picture.evaluate("i => i.naturalWidth") == 640  # the preview, not the photo

    load = page.get_by_role("link", name="Load image, ")
    assert load.inner_text().endswith(" KB") or load.inner_text().endswith(" MB")
    with page.expect_response(lambda r: r.url.endswith("/file")) as answer:
        load.click()
    assert answer.value.status == 200 and answer.value.headers["content-type"] == "image/jpeg"
    page.wait_for_function("() => document.images[0] && document.images[0].naturalWidth")
    assert page.evaluate("() => document.images[0].naturalWidth") == 1600


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_the_reply_form_and_a_topic_with_pictures_pass_axe_and_the_phone(
    browsing, member, rooms, lang
):
    amina = member(display_name="Amina Diallo")
    topic = a_topic(amina, rooms, pictures=2)
    reply_page = f"/{lang}/posts/{opening_post(topic).id}/reply"
    topic_page = f"/{lang}/rooms/{ROOM}/topics/{topic.id}"
    page = browsing.signed_in_page(amina, lang, bypass_csp=True)
    problems = audit(page, topic_page, ready="ul.attachments img >> nth=0")
    page.goto(reply_page)
    page.locator("details.attach").evaluate("d => d.open = true")
    problems += audit_here(page)
    phone = browsing.signed_in_page(amina, lang, viewport=PHONE, is_mobile=True, has_touch=True)
    problems += check_on_phone(phone, topic_page, ready="ul.attachments img >> nth=0")
    problems += check_on_phone(phone, reply_page)
    phone.locator("details.attach").evaluate("d => d.open = true")
    problems += [p.replace("scrolls", "with its slots open, scrolls") for p in _sideways(phone)]
    assert problems == []


def _sideways(page) -> list[str]:
    layout = page.evaluate(SIDEWAYS)
    if layout["scroll"] > layout["width"] or layout["wide"]:
        return [f"{page.url}: scrolls sideways ({layout})"]
    return []


DROP_AND_PASTE = """async ([png, where]) => {
  const file = (bytes, name, type) =>
    new File([Uint8Array.from(atob(bytes), c => c.charCodeAt(0))], name, {type});
  const pasted = new DataTransfer();
  pasted.items.add(file(png, "image.png", "image/png"));
  document.querySelector("#body").dispatchEvent(
    new ClipboardEvent("paste", {clipboardData: pasted, bubbles: true, cancelable: true}));
  const focused = document.activeElement.id;
  const dropped = new DataTransfer();
  dropped.items.add(file(btoa("%PDF-1.7\\n%%EOF\\n"), "Decree 2026-14.pdf", "application/pdf"));
  dropped.items.add(file(btoa("MZ"), "setup.exe", "application/x-msdownload"));
  document.querySelector(where).dispatchEvent(
    new DragEvent("drop", {dataTransfer: dropped, bubbles: true, cancelable: true}));
  return focused;
}"""
DROP_FOUR = """() => {
  const four = new DataTransfer();
  for (const n of [1, 2, 3, 4]) four.items.add(new File(["%PDF-1.7\\n"], `part-${n}.pdf`));
  document.querySelector("main form").dispatchEvent(
    new DragEvent("drop", {dataTransfer: four, bubbles: true, cancelable: true}));
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_pasted_picture_and_dropped_files_fill_the_slots(browsing, member, rooms, lang):
    amina = member(display_name="Amina Diallo")
    topic = a_topic(amina, rooms)
    page = browsing.signed_in_page(amina, lang)
    page.goto(f"/{lang}/posts/{opening_post(topic).id}/reply")
    png = base64.b64encode(photo(800, 600, "PNG")).decode()
    focused = page.evaluate(DROP_AND_PASTE, [png, "main form .field"])
    # The picture is in the first slot, and its description is asked for at once.
    assert focused == "attachments-0-alt"
    assert page.locator("details.attach").get_attribute("open") is not None
    names = "[...document.querySelectorAll('input[type=file]')].map(i => i.files[0]?.name || '')"
    assert page.evaluate(names) == ["image.png", "Decree 2026-14.pdf", "", "", ""]
    status = page.locator(".attach-status")
    assert "Decree 2026-14.pdf, 1" in status.inner_text()
    refused = {
        "en": "“setup.exe” cannot be attached.",
        "fr": "« setup.exe » ne peut pas être joint.",
    }
    assert refused[lang] in status.inner_text()
    assert "image.png, " in page.locator("#attachments-0-file + .attach-chosen").inner_text()

    # Sent as if chosen by hand: the reply carries both.
    page.locator("#attachments-0-alt").fill("A chart of the agreements")
    page.locator("#body").fill("Pasted and dropped.")
    page.locator("main form [type=submit][name=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_role("img", name="A chart of the agreements").count() == 1
    assert page.get_by_role("link", name="Decree 2026-14.pdf").count() == 1

    page.goto(f"/{lang}/posts/{opening_post(topic).id}/reply")
    page.evaluate(DROP_AND_PASTE, [png, "main form .field"])
    page.evaluate(DROP_FOUR)  # three fit; the fourth is one too many
    too_many = {"en": "Attach at most 5 files.", "fr": "Joignez au plus 5 fichiers."}
    assert too_many[lang] in status.inner_text()
    assert page.evaluate(names)[4] == "part-3.pdf"
