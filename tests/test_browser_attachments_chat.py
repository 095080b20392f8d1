"""Pictures in live chat, in Chromium: one person attaches a picture, the other's page shows
its preview and description at once, and loads the full picture when asked; the chat page
with its attachment slots passes axe and the phone check in four languages."""

import pytest
from support.browsing import AUDIT, PHONE, WCAG, audit, shown, wait_until_live
from support.phones import SIDEWAYS, check_on_phone
from support.pictures import photo

pytestmark = pytest.mark.backends("sqlite")
ROOM_CHAT = "/{lang}/rooms/social-dialogue/chat"
ALT = "Delegates signing the agreement in Accra"


def open_chat(browsing, person, lang: str = "en", **options):
    page = browsing.signed_in_page(person, lang, locale=lang, **options)
    page.goto(ROOM_CHAT.format(lang=lang))
    wait_until_live(page)
    return page


def attach_and_send(page, text: str, name: str = "agreement.jpg", alt: str = ALT) -> None:
    form = page.locator("[data-chat-form]")
    form.locator("details.attach summary").click()
    form.locator("#attachments-0-file").set_input_files(
        files=[{"name": name, "mimeType": "image/jpeg", "buffer": photo()}]
    )
    form.locator("#attachments-0-alt").fill(alt)
    form.locator("textarea").fill(text)
    form.locator("[type=submit]").click()


def test_a_picture_arrives_live_with_its_preview_and_loads_when_asked(browsing, member):
    amina = member(display_name="Amina Diallo")
    kwame = member(display_name="Kwame Mensah")
    a, k = open_chat(browsing, amina), open_chat(browsing, kwame)

    attach_and_send(a, "The signed agreement")
    preview = k.locator(f"ol.chat li[data-id] img[alt='{ALT}']")
    preview.wait_for(timeout=10_000)
    k.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=preview.element_handle()
    )
    assert preview.get_attribute("src").endswith("/preview")
    assert shown(k) == shown(a) == ["The signed agreement"]  # once, on both pages
    assert a.locator("ol.chat li.pending").count() == 0  # the pending copy was replaced
    assert a.locator("[data-chat-form] #attachments-0-file").input_value() == ""

    load = k.locator("ol.chat li[data-id] figcaption a")
    assert load.inner_text().startswith("Load image, ") and load.inner_text().endswith("KB")
    load.click()
    k.wait_for_url("**/attachments/*/file")
    assert k.evaluate("document.images[0].naturalWidth") == 1600

    # Read again later, the page the server renders shows it the same way.
    a.reload()
    assert a.locator(f"ol.chat img[alt='{ALT}']").count() == 1


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_the_chat_page_with_its_slots_passes_axe_and_fits_a_phone(browsing, member, lang):
    amina = member(display_name="Amina Diallo", locale=lang)
    sender = open_chat(browsing, amina, lang)
    attach_and_send(sender, "Photo", alt="The venue")
    sender.locator("ol.chat li[data-id] img").wait_for()
    path = ROOM_CHAT.format(lang=lang)

    page = browsing.page(bypass_csp=True)  # axe is injected as a script of the page
    browsing.sign_in(page, amina, lang)
    problems = audit(page, path, ready="ol.chat li[data-id] img")
    page.locator("details.attach summary").click()  # the slots themselves, open
    problems += [f"{path} (slots open): {v['rule']} {v['help']}" for v in page.evaluate(AUDIT, WCAG)
                 if v["impact"] in ("serious", "critical")]  # fmt: skip

    phone = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    browsing.sign_in(phone, amina, lang)
    problems += check_on_phone(phone, path, ready="ol.chat li[data-id] img")
    phone.locator("details.attach summary").click()
    layout = phone.evaluate(SIDEWAYS)
    if layout["scroll"] > layout["width"] or layout["wide"]:
        problems.append(f"{path} (slots open): scrolls sideways ({layout})")
    assert problems == []


def test_a_picture_sent_offline_waits_in_the_outbox_and_arrives_once(browsing, member):
    amina = member(display_name="Amina Diallo")
    kwame = member(display_name="Kwame Mensah")
    browsing.expect_console_errors = True  # the browser reports its failed reconnections
    a, k = open_chat(browsing, amina), open_chat(browsing, kwame)

    # Offline, the message and its picture are kept in the browser (the File itself, in
    # IndexedDB); the tab is closed before the link comes back.
    a.context.set_offline(True)
    attach_and_send(a, "Written on the bus")
    a.locator("ol.chat li.pending", has_text="agreement.jpg").wait_for()
    context = a.context
    a.close()
    context.set_offline(False)

    # Any next page of hers sends it, as its form would; Kwame sees it live, once.
    context.new_page().goto("/en/rooms/social-dialogue/")
    k.locator(f"ol.chat li[data-id] img[alt='{ALT}']").wait_for(timeout=20_000)
    assert shown(k) == ["Written on the bus"]
    again = context.new_page()
    again.goto(ROOM_CHAT.format(lang="en"))
    wait_until_live(again)
    assert shown(again) == ["Written on the bus"]
    assert again.locator(f"ol.chat img[alt='{ALT}']").count() == 1
