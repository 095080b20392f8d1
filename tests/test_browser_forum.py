"""In a real browser: a newcomer signs up in Portuguese and starts a topic, a Spanish
speaker replies in the thread, and the newcomer finds the reply; the language switcher."""

import email
import email.policy
import re
import time

import pytest

pytestmark = pytest.mark.backends("sqlite")


def verification_link(server) -> str:
    # The server writes the mail after its response has gone (a job): it may take a moment.
    deadline = time.monotonic() + 10
    while not list((server.workdir / "outbox").glob("*.eml")) and time.monotonic() < deadline:
        time.sleep(0.1)
    (message_file,) = sorted((server.workdir / "outbox").glob("*.eml"))
    message = email.message_from_bytes(message_file.read_bytes(), policy=email.policy.default)
    return re.search(r"https?://\S+/auth/verify/\S+", message.get_content()).group(0)


def test_a_newcomer_signs_up_starts_a_topic_and_finds_the_reply(browsing, member):
    # Sign-up, in Portuguese.
    page = browsing.page(locale="pt-PT")
    page.goto("/")
    assert page.url.endswith("/pt/")  # the browser's language chose the interface's
    page.get_by_role("link", name="Aderir").click()
    assert page.locator("label[for=confirm]").inner_text().startswith("Repita a senha")
    page.locator("#email").fill("ana@example.org")
    page.locator("#password").fill("uma frase longa e secreta")
    page.locator("#confirm").fill("uma frase longa e secreta")
    page.locator("#display_name").fill("Ana Tavares")
    page.locator("#country").select_option("MZ")
    page.locator("#organisation").fill("Ministério do Trabalho")
    page.locator("#constituency").select_option("government")
    page.locator("input[name=languages][value=pt]").check()
    page.get_by_role("button", name="Criar a minha conta").click()
    page.wait_for_load_state()
    assert "/pt/" in page.url

    # She follows the confirmation link from the outbox, then signs in.
    page.goto(verification_link(browsing.server))
    assert page.locator(".flash:visible").count() == 1
    browsing.sign_in(page, "ana@example.org", "pt", password="uma frase longa e secreta")
    assert page.get_by_role("button", name="Terminar sessão").is_visible()

    # She joins a room and starts a topic there.
    page.goto("/pt/rooms/")
    page.locator("a[href='/pt/rooms/social-dialogue/']").first.click()
    page.get_by_role("button", name="Entrar na sala").click()
    page.locator("a[href$='/topics/new']").first.click()
    page.get_by_label("Título").fill("Diálogo social nas plataformas digitais")
    page.locator("#body").fill("Como organizam os sindicatos os estafetas das plataformas?")
    page.get_by_role("button", name="Publicar").click()
    page.wait_for_load_state()
    topic_url = page.url
    assert "/topics/" in topic_url

    # A member who reads Spanish replies to her post, in the thread.
    lucia = member(display_name="Lucía Quispe", locale="es", languages=["es"])
    other = browsing.signed_in_page(lucia, "es")
    other.goto(topic_url.replace("/pt/", "/es/"))
    other.locator("article.post").first.get_by_role("link", name="Responder").click()
    other.locator("#body").fill(
        "En Bolivia los repartidores formaron una asociación con el apoyo de la central obrera."
    )
    other.locator("#language").select_option("es")
    other.get_by_role("button", name="Publicar").click()
    other.wait_for_load_state()

    # Ana sees the notification, follows it, and finds the reply nested under her post.
    page.goto("/pt/")
    badge = page.locator("a[href='/pt/notifications/'] .badge")
    assert badge.inner_text().startswith("1")
    page.locator("a[href='/pt/notifications/']").click()
    page.locator("ul.notifications a").first.click()
    page.wait_for_load_state()
    reply = page.locator("ol.thread > li > ol.replies article.post").first
    assert "repartidores formaron una asociación" in reply.inner_text()
    assert reply.locator(".body").get_attribute("lang") == "es"
    assert "Lucía Quispe" in reply.locator(".author").inner_text()
    reply.scroll_into_view_if_needed()

    # She thanks Lucía: one form holds a post's reactions, each button posts to its own.
    reply.locator("button.reaction[formaction$='/react/thanks']").click()
    page.wait_for_load_state()
    thanked = page.locator("ol.replies button.reaction[formaction$='/react/thanks']").first
    assert thanked.get_attribute("aria-pressed") == "true" and thanked.inner_text().endswith("1")
    insightful = page.locator("ol.replies button.reaction[formaction$='/react/insightful']")
    assert insightful.first.get_attribute("aria-pressed") == "false"


def test_the_language_switcher_keeps_the_reader_on_the_same_page(browsing, rooms):
    page = browsing.page()
    page.goto("/en/rooms/social-dialogue/?page=1")
    heading = page.locator("h1").inner_text()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    page.wait_for_load_state()
    assert page.url.endswith("/fr/rooms/social-dialogue/?page=1")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() != heading  # the room's own French name
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="Español").click()
    page.wait_for_load_state()
    assert page.url.endswith("/es/rooms/social-dialogue/?page=1")
    assert page.get_by_role("link", name="Salas").is_visible()
