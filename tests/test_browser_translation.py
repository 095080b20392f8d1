"""Translating in a real browser (against a LibreTranslate stand-in): in place under the
original and hidden again in one click, for posts and for chat messages that arrive live;
and without JavaScript, on a page of its own."""

import pytest
from support.browsing import SERVER_SETTINGS, audit, say, wait_until_live
from support.fake_libretranslate import FakeLibreTranslate

from meetingpoint.forums.access import opening_post
from meetingpoint.forums.services import PostDraft, create_topic

pytestmark = pytest.mark.backends("sqlite")
FRENCH = "Les travailleurs migrants doivent pouvoir transférer leurs droits sociaux."


@pytest.fixture
def translating(browsing, servers):
    fake = FakeLibreTranslate().start()
    browsing.use(servers(**SERVER_SETTINGS, TRANSLATION_URL=fake.url))
    yield fake
    fake.stop()


def test_a_reader_translates_a_post_and_a_live_message_in_place(
    browsing, translating, member, rooms
):
    amina = member(display_name="Amina Diallo", locale="fr")
    topic = create_topic(amina, rooms["social-dialogue"], "Portabilité", PostDraft(FRENCH, "fr"))
    lucia = member(display_name="Lucía Quispe", locale="es")
    page = browsing.signed_in_page(lucia, "es", locale="es")
    page.goto(f"/es/rooms/social-dialogue/topics/{topic.id}")
    post = page.locator("article.post").first
    post.get_by_role("link", name="Traducir").click()
    translation = post.locator(".translation")
    translation.wait_for()
    assert translation.locator(".machine").inner_text() == (
        "Traducción automática del francés por LibreTranslate"
    )
    assert translation.locator(".body").get_attribute("lang") == "es"
    assert translation.locator(".body").inner_text().startswith("[fr→es] Portabilité")
    assert post.locator(".body").first.inner_text() == FRENCH  # the original, still there
    post.get_by_role("link", name="Traducir").click()  # one click: the original alone
    translation.wait_for(state="hidden")
    post.get_by_role("link", name="Traducir").click()
    translation.wait_for()
    assert len(translating.translations()) == 1

    # A chat message that arrives live carries its own link.
    page.goto("/es/rooms/social-dialogue/chat")
    wait_until_live(page)
    other = browsing.signed_in_page(amina, "fr", locale="fr")
    other.goto("/fr/rooms/social-dialogue/chat")
    wait_until_live(other)
    say(other, "Bonjour à toutes et à tous, la réunion tripartite commence à 14 h.")
    message = page.locator("ol.chat li[data-id]").last
    message.get_by_role("link", name="Traducir").click()
    message.locator(".translation .body", has_text="[fr→es] Bonjour").wait_for()
    assert other.locator("ol.chat li[data-id] a.translate").count() == 0  # her own language


def test_without_javascript_the_translation_opens_on_its_own_page(
    browsing, translating, member, rooms
):
    amina = member(display_name="Amina Diallo")
    topic = create_topic(amina, rooms["social-dialogue"], "Portabilité", PostDraft(FRENCH, "fr"))
    page = browsing.page(locale="pt-PT", java_script_enabled=False)
    browsing.sign_in(page, member(display_name="Joana Silva"), "pt")
    page.goto(f"/pt/rooms/social-dialogue/topics/{topic.id}")
    page.locator("article.post").first.get_by_role("link", name="Traduzir").click()
    assert page.locator("h2", has_text="Tradução automática do francês").count() == 1
    assert FRENCH in page.locator(".body.original").inner_text()
    assert page.locator(".translation .body").inner_text().startswith("[fr→pt]")
    page.get_by_role("link", name="Voltar ao sítio onde foi escrito").click()
    assert f"/topics/{topic.id}" in page.url
    # The page passes the same accessibility rules as the others.
    checker = browsing.page(bypass_csp=True)
    browsing.sign_in(checker, member(), "pt")
    assert audit(checker, f"/pt/translate/post/{opening_post(topic).id}") == []
