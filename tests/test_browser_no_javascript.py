"""With JavaScript switched off, in Portuguese: sign in, read and write in the forum, read
and write in a room's chat. Every page is plain HTML first; scripts only add to it."""

import pytest

from meetingpoint.chat import messages
from meetingpoint.chat.services import room_channel
from meetingpoint.forums.services import PostDraft, create_topic

pytestmark = pytest.mark.backends("sqlite")


def test_sign_in_read_and_write_without_javascript(browsing, member, rooms):
    room = rooms["social-dialogue"]
    author = member(display_name="Sami Ben Salah")
    topic = create_topic(author, room, "Conselhos tripartidos", PostDraft("Como funcionam?", "pt"))
    messages.send_message(author, room_channel(room), "Bom dia a todos!", "pt", "c1")
    joana = member(display_name="Joana Silva", locale="pt", languages=["pt"])
    page = browsing.page(locale="pt-PT", java_script_enabled=False)
    assert page.evaluate("1") == 1  # Playwright's own probes still run; the page's do not
    browsing.sign_in(page, joana, "pt")

    # The forum: read the topic, preview a reply, then post it.
    page.goto(f"/pt/rooms/social-dialogue/topics/{topic.id}")
    assert "Como funcionam?" in page.locator("article.post .body").first.inner_text()
    page.locator("article.post").first.get_by_role("link", name="Responder").click()
    page.locator("#body").fill("Em Cabo Verde, o conselho reúne-se **todos os meses**.")
    page.get_by_role("button", name="Pré-visualizar").click()
    assert page.locator(".preview strong").inner_text() == "todos os meses"
    assert page.locator("#body").input_value().startswith("Em Cabo Verde")  # nothing lost
    page.get_by_role("button", name="Publicar").click()
    reply = page.locator("ol.replies article.post", has_text="Em Cabo Verde")
    assert reply.count() == 1 and reply.locator("strong").inner_text() == "todos os meses"

    # The room's chat: read what was said, write, and see it in place after the page reloads.
    page.goto("/pt/rooms/social-dialogue/chat")
    assert page.locator("ol.chat li", has_text="Bom dia a todos!").count() == 1
    page.locator("[data-chat-form] textarea").fill("Olá, Sami! Escrevo da Praia.")
    page.locator("[data-chat-form] [type=submit]").click()
    page.wait_for_load_state()
    said = page.locator("ol.chat li").all_inner_texts()
    assert "Bom dia a todos!" in said[-2] and "Escrevo da Praia" in said[-1]
