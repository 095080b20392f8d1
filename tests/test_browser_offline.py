"""In a real browser: the service worker takes control, pages read once open again with the
network off (with the banner saying so), a page never read shows the offline page in the
reader's language, a second person on the same browser sees nothing of the first's pages,
"Keep for offline" keeps an Academy module whole, and Chromium finds the site installable."""

import re
from pathlib import Path

import pytest
from support.academy import PDF, module_to_keep
from support.browsing import PHONE, SERVER_SETTINGS, audit
from support.phones import check_on_phone
from support.service_worker import go_offline, read, under_worker

from meetingpoint.academy.services import enrol
from meetingpoint.chat import messages
from meetingpoint.chat.services import open_direct
from meetingpoint.forums.services import PostDraft, create_topic

pytestmark = pytest.mark.backends("sqlite")
BANNER = "[data-offline-banner]"


@pytest.fixture
def topic(member, rooms):
    author = member(display_name="Thandiwe Nkosi")
    return create_topic(
        author, rooms["social-dialogue"], "Tripartite councils in the Sahel",
        PostDraft("Who sits at the table, and who writes the minutes?", "en"),
    )  # fmt: skip


def test_pages_read_once_open_offline_with_a_banner(browsing, topic, member):
    reader = member(display_name="Ama Owusu")
    page = browsing.signed_in_page(reader)
    under_worker(page, "/en/rooms/")
    topic_path = f"/en/rooms/social-dialogue/topics/{topic.id}"
    read(page, topic_path)
    read(page, "/en/rooms/social-dialogue/")
    assert not page.locator(BANNER).is_visible()  # online: no banner

    go_offline(page)
    page.goto(topic_path)
    assert page.locator("h1").inner_text() == "Tripartite councils in the Sahel"
    banner = page.locator(BANNER)
    assert banner.is_visible()
    assert banner.inner_text().startswith("You are offline: this copy is from ")
    assert "{time}" not in banner.inner_text()
    page.goto("/en/rooms/social-dialogue/")
    assert page.locator(BANNER).is_visible()

    # Never read: the offline page, in the reader's language, listing what can be read.
    page.goto("/fr/rooms/labour-migration/")
    assert page.locator("h1").inner_text() == "Lecture hors ligne"
    kept = page.locator("[data-offline-pages] a")
    kept.first.wait_for()
    assert "Tripartite councils in the Sahel" in kept.all_inner_texts()
    page.get_by_role("link", name="Tripartite councils in the Sahel").click()
    assert page.locator(BANNER).is_visible()

    page.context.set_offline(False)
    page.goto(topic_path)
    assert not page.locator(BANNER).is_visible()


@pytest.mark.parametrize("leaving", ["signs out", "session ends"])
def test_the_next_person_on_the_browser_sees_nothing_of_the_first(browsing, topic, member, leaving):
    first, second = member(display_name="Chidi Okeke"), member(display_name="Lina Haddad")
    direct = open_direct(first, second)
    messages.send_message(second, direct, "The draft agreement is attached.", "en", "c1")
    page = browsing.signed_in_page(first)
    under_worker(page, "/en/messages/")
    read(page, f"/en/messages/{direct.id}")
    read(page, f"/en/rooms/social-dialogue/topics/{topic.id}")

    if leaving == "signs out":
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_load_state()
    else:  # no sign-out: the worker learns of the new reader from the pages themselves
        page.context.clear_cookies()
    browsing.sign_in(page, member(display_name="Rosa Mamani"))
    read(page, "/en/rooms/")

    go_offline(page)
    for path in (f"/en/messages/{direct.id}", f"/en/rooms/social-dialogue/topics/{topic.id}"):
        page.goto(path)
        assert page.locator("h1").inner_text() == "Reading offline", path
        assert "Chidi Okeke" not in page.content()
        assert "draft agreement" not in page.content()
    texts = page.locator("[data-offline-pages] a").all_inner_texts()
    assert texts and not any("Tripartite" in text for text in texts)
    assert len(page.evaluate("caches.keys()")) == 3  # static, the index, one reader's pages


def test_a_page_can_ask_the_worker_to_keep_addresses(browsing, topic, member):
    """The hook for the Academy's "Keep for offline" (docs/offline.md)."""
    page = browsing.signed_in_page(member(display_name="Ana Tavares"), "pt")
    under_worker(page, "/pt/rooms/")
    answer = page.evaluate(
        """(urls) => new Promise(resolve => {
          const channel = new MessageChannel();
          channel.port1.onmessage = event => resolve(event.data);
          navigator.serviceWorker.controller.postMessage({type: "keep", urls}, [channel.port2]);
        })""",
        [f"/pt/rooms/social-dialogue/topics/{topic.id}", "/pt/account/", "https://example.org/"],
    )
    assert answer["ok"]
    go_offline(page)
    page.goto(f"/pt/rooms/social-dialogue/topics/{topic.id}")
    assert page.locator("h1").inner_text() == "Tripartite councils in the Sahel"
    assert page.locator(BANNER).inner_text().startswith("Está offline: esta cópia é de ")
    page.goto("/pt/account/")  # not a page that is kept, even when asked
    assert page.locator("h1").inner_text() == "Leitura offline"


def test_keep_for_offline_keeps_a_module_its_discussion_and_its_reading(
    browsing, academy, rooms, make_user
):
    module, topic, item = module_to_keep(academy, make_user(role="admin"), rooms["social-dialogue"])
    reader = make_user(display_name="Nadia Benali")
    enrol(reader, academy)
    page = browsing.signed_in_page(reader)
    under_worker(page, "/en/academy/")
    module_path = f"/en/academy/sstc-2016/modules/{module.slug}"
    page.goto(module_path)
    keep = page.get_by_role("button", name=re.compile(r"^Keep for offline \(about \d+ KB\)$"))
    keep.click()
    status = page.get_by_role("status")
    status.filter(has_text="Kept for offline reading.").wait_for()
    page.reload()  # already kept: the page says since when
    since = re.compile(r"^Kept for offline reading since .+ 20\d\d, .+\.$")
    status.filter(has_text=since).wait_for()

    # Offline, what was never opened opens: the discussion, the reading and its file.
    go_offline(page)
    topic_path = f"/en/rooms/social-dialogue/topics/{topic.id}"
    for path, heading in [
        (module_path, module.text("en").title),
        (topic_path, topic.title),
        (f"/en/library/{item.id}", "Guide to tripartite councils"),
    ]:
        page.goto(path)
        assert page.locator("h1").inner_text() == heading, path
        assert page.locator(BANNER).is_visible(), path
        if path == module_path:  # a copy offers nothing to keep
            assert not page.locator("[data-offline-keep]").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download").click()
    assert download.value.suggested_filename == "councils-guide.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    page.goto("/en/news/")  # never read: the offline page lists the document by its name
    page.locator("[data-offline-pages] a").first.wait_for()
    assert "councils-guide.pdf" in page.locator("[data-offline-pages] a").all_inner_texts()


KEEP = "[data-offline-keep] button"
LABELS = {
    "en": "Keep for offline (about ",
    "es": "Guardar para leer sin conexión (unos ",
    "fr": "Garder pour lire hors ligne (environ ",
    "pt": "Guardar para ler offline (cerca de ",
}


def test_the_keep_control_passes_axe_and_fits_a_phone_in_every_language(
    browsing, academy, rooms, make_user
):
    module = module_to_keep(academy, make_user(role="admin"), rooms["social-dialogue"])[0]
    reader = make_user()
    enrol(reader, academy)
    # axe is injected as a script of the page: the page's CSP would refuse it.
    options = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "bypass_csp": True}
    page = browsing.signed_in_page(reader, **options)
    under_worker(page, "/en/academy/")
    for lang, label in LABELS.items():
        path = f"/{lang}/academy/sstc-2016/modules/{module.slug}"
        assert audit(page, path, ready=KEEP) == []
        assert check_on_phone(page, path, ready=KEEP) == []
        keep = page.locator(KEEP)
        assert keep.inner_text().startswith(label), lang
        keep.click(trial=True)  # visible, enabled and not covered on the phone


def test_the_keep_control_says_why_it_cannot_keep(browsing, servers, academy, rooms, make_user):
    module = module_to_keep(academy, make_user(role="admin"), rooms["social-dialogue"])[0]
    reader = make_user()
    enrol(reader, academy)
    page = browsing.signed_in_page(reader, "fr")
    under_worker(page, "/fr/academy/")
    path = f"/fr/academy/sstc-2016/modules/{module.slug}"
    page.goto(path)
    page.locator(KEEP).wait_for()
    # The connection goes while the page is open: the live connection's polls fail loudly.
    browsing.expect_console_errors = True
    page.context.set_offline(True)
    page.locator(KEEP).click()
    assert page.get_by_role("status").inner_text() == (
        "Vous êtes hors ligne : connectez-vous pour garder ce module et le lire hors ligne."
    )
    page.context.set_offline(False)

    # Where offline reading has less room than the module needs, no button: the reason.
    browsing.use(servers(**SERVER_SETTINGS, OFFLINE_BYTES=8000))
    page = browsing.signed_in_page(reader, "fr")
    under_worker(page, path)
    status = page.get_by_role("status")
    status.filter(has_text="Ce module est trop volumineux").wait_for()
    assert re.fullmatch(
        r"Ce module est trop volumineux pour être gardé hors ligne : environ \d+ Ko, "
        r"pour un espace de 8 Ko\.",
        status.inner_text(),
    )
    assert not page.locator(KEEP).is_visible()
    assert [e for e in browsing.errors if "ERR_INTERNET_DISCONNECTED" not in e] == []


def test_the_offline_page_is_the_reader_s_language_and_precached(browsing):
    page = browsing.page(locale="pt-PT")
    under_worker(page, "/pt/")
    go_offline(page)
    for lang, heading in [("pt", "Leitura offline"), ("es", "Lectura sin conexión")]:
        page.goto(f"/{lang}/library/")
        assert page.locator("h1").inner_text() == heading
        assert page.locator("[data-offline-none]").is_visible()  # nothing read yet


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_chromium_finds_the_site_installable(browsing, lang, tmp_path):
    page = browsing.profile(tmp_path / "profile").new_page()
    under_worker(page, f"/{lang}/")
    manifest = page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
    )
    assert manifest["start_url"] == f"/{lang}/" and manifest["lang"] == lang
    session = page.context.new_cdp_session(page)
    assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    assert session.send("Page.getAppManifest")["errors"] == []
