"""Live chat in real browsers: two people in a room's chat (delivery, typing, presence, the
unread count), one of them dropping offline and catching up, and a direct conversation
started from the directory."""

import time

import pytest
from support.browsing import say, shown, wait_until_live

pytestmark = pytest.mark.backends("sqlite")
ROOM_CHAT = "/{lang}/rooms/social-dialogue/chat"


def open_chat(browsing, person, lang: str):
    page = browsing.signed_in_page(person, lang, locale=lang)
    page.goto(ROOM_CHAT.format(lang=lang))
    wait_until_live(page)
    return page


def test_two_people_chat_live_in_a_room(browsing, member):
    amina = member(display_name="Amina Diallo", locale="fr", languages=["fr"])
    carlos = member(display_name="Carlos Mamani", locale="es", languages=["es"])
    a = open_chat(browsing, amina, "fr")
    c = open_chat(browsing, carlos, "es")

    # Presence: each sees the other online (Carlos at once, Amina with her next heartbeat).
    online = "[data-online] li[data-user-id='{}']"
    c.locator(online.format(amina.id)).wait_for()
    a.locator(online.format(carlos.id)).wait_for()

    # Typing shows on the other side, in the reader's language.
    a.locator("[data-chat-form] textarea").press_sequentially("Bonjour")
    c.locator("[data-typing]", has_text="Amina Diallo está escribiendo").wait_for()

    # A message appears in the other browser within two seconds.
    say(a, "Bonjour à tous, la réunion tripartite commence à 14 h.")
    began = time.monotonic()
    c.locator("ol.chat li[data-id]", has_text="réunion tripartite").wait_for(timeout=2000)
    assert time.monotonic() - began < 2
    say(c, "¡Buenas tardes desde La Paz!")
    a.locator("ol.chat li[data-id]", has_text="desde La Paz").wait_for(timeout=2000)
    assert (
        shown(a)
        == shown(c)
        == [
            "Bonjour à tous, la réunion tripartite commence à 14 h.",
            "¡Buenas tardes desde La Paz!",
        ]
    )

    # The unread count: Amina writes to Carlos directly; his header counts it while he
    # stays in the room's chat, and clears once he reads it.
    badge = c.locator("[data-unread-messages]")
    assert badge.is_hidden()
    direct = a.context.new_page()
    direct.goto(f"/fr/people/{carlos.id}")
    direct.get_by_role("button", name="Envoyer un message").click()
    wait_until_live(direct)
    say(direct, "Carlos, pouvez-vous partager la note sur la convention 144 ?")
    c.locator("[data-unread-messages]:visible", has_text="1").wait_for()
    badge.click()
    c.locator("[data-inbox] a", has_text="Amina Diallo").click()
    c.locator("ol.chat li[data-id]", has_text="convention 144").wait_for()
    wait_until_live(c)
    c.locator("[data-unread-messages]").wait_for(state="hidden")


def test_a_reader_who_goes_offline_gets_every_message_once_in_order(browsing, member):
    amina = member(display_name="Amina Diallo")
    kofi = member(display_name="Kofi Boateng")
    a = open_chat(browsing, amina, "en")
    k = open_chat(browsing, kofi, "en")
    say(a, "Before the break")
    k.locator("ol.chat li[data-id]", has_text="Before the break").wait_for()

    # Kofi's connection drops; Amina goes on writing.
    browsing.expect_console_errors = True  # the browser reports its failed reconnections
    k.context.set_offline(True)
    k.locator("[data-chat-error]", has_text="Connection lost").wait_for(timeout=30_000)
    for n in range(1, 11):
        say(a, f"Point {n} of the agenda")
        a.locator("ol.chat li[data-id]", has_text=f"Point {n} of the agenda").wait_for()
    assert len(shown(k)) == 1

    # Back online: all ten, in order, none twice.
    k.context.set_offline(False)
    k.locator("ol.chat li[data-id]", has_text="Point 10 of the agenda").wait_for(timeout=30_000)
    expected = ["Before the break"] + [f"Point {n} of the agenda" for n in range(1, 11)]
    assert shown(k) == expected
    assert k.locator("[data-chat-error]").is_hidden()


def test_a_direct_conversation_started_from_the_directory(browsing, member):
    amina = member(display_name="Amina Diallo", country="SN", languages=["fr", "en"])
    member(display_name="Someone Else", country="BR", languages=["pt"])
    rahul = member(display_name="Rahul Mehta", country="IN", languages=["en"], locale="en")
    a = browsing.signed_in_page(amina, "fr", locale="fr")
    r = browsing.signed_in_page(rahul, "en")
    r.goto("/en/messages/")
    wait_until_live(r)

    # Amina looks for someone in Asia and the Pacific who speaks English.
    a.goto("/fr/people/")
    a.locator("#region").select_option("asia-pacific")
    a.locator("#language").select_option("en")
    a.locator("form.filters button[type=submit]").click()
    cards = a.locator("main li.card.person")
    cards.first.wait_for()
    assert cards.count() == 1 and "Rahul Mehta" in cards.first.inner_text()
    cards.first.get_by_role("button", name="Envoyer un message").click()
    wait_until_live(a)
    assert "Rahul Mehta" in a.locator("h1").inner_text()
    say(a, "Hello Rahul, I read your note on skills recognition for migrant workers.")

    # Rahul's inbox shows the new conversation's count; he opens it and answers.
    r.locator("[data-unread-messages]:visible", has_text="1").wait_for()
    r.reload()
    r.locator("[data-inbox] a", has_text="Amina Diallo").click()
    wait_until_live(r)
    assert shown(r) == ["Hello Rahul, I read your note on skills recognition for migrant workers."]
    say(r, "Thank you, Amina. Shall we compare the Indian and Senegalese schemes?")
    a.locator("ol.chat li[data-id]", has_text="Senegalese schemes").wait_for(timeout=2000)
