"""Browser tests' fixtures: Playwright driving Debian's Chromium against a real server, with
every request, console error and each page's last state (a screenshot) kept."""

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support.settings import IN_CI, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("MEETINGPOINT_CHROMIUM") or shutil.which("chromium")
SCREENSHOTS = Path(
    os.environ.get("MEETINGPOINT_SCREENSHOTS", ROOT / "test-results" / "screenshots")
)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 640}
# Presence is looked up with each heartbeat: a short one lets a test see it within seconds.
SERVER_SETTINGS = {"CHAT_HEARTBEAT_SECONDS": 2}


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole run; each test gets fresh contexts (cookies, cache)."""
    if not CHROMIUM:
        message = "Chromium is not installed (apt-get install chromium)"
        if IN_CI:
            pytest.fail(f"{message}: required under CI=true")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # As root (CI) Chromium refuses its sandbox; the pages are our own.
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()


@pytest.fixture
def browsing(app, chromium, servers, request):
    """A real server on the test database and a way to open browser contexts on it.
    After the test: a screenshot of every page still open, then the checks that hold for
    every test (nothing fetched from another host, no script or console error)."""
    session = Browsing(chromium, servers(**SERVER_SETTINGS), request.node.name)
    yield session
    session.finish()


class Browsing:
    def __init__(self, browser, server, test_name: str):
        self.browser = browser
        self.server = server
        self.origins = {urlsplit(server.url).netloc}  # ours; a test adds its nginx front
        self.name = re.sub(r"[^\w.-]+", "-", test_name).strip("-")
        self.contexts = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.expect_console_errors = False

    def use(self, server) -> None:
        """Open the contexts from now on against `server` (a test's own settings)."""
        self.server = server
        self.origins.add(urlsplit(server.url).netloc)

    def context(self, locale: str = "en-GB", **options):
        """A fresh browser profile: empty cache, no cookies."""
        options.setdefault("base_url", self.server.url)
        context = self.browser.new_context(locale=locale, **options)
        self._watch(context)
        return context

    def profile(self, folder: Path, locale: str = "en-GB"):
        """A browser profile on disk, as a person's own (not incognito, which Chromium never
        offers to install an app from): a second Chromium, closed after the test."""
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        context = self.browser.browser_type.launch_persistent_context(
            folder, executable_path=CHROMIUM, args=args, base_url=self.server.url, locale=locale
        )
        self._watch(context)
        return context

    def _watch(self, context) -> None:
        context.set_default_timeout(10_000)
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(f"page error: {error.error}"))
        context.on("page", lambda page: page.on("websocket", self._websocket))
        self.contexts.append(context)

    def page(self, locale: str = "en-GB", **options):
        return self.context(locale, **options).new_page()

    def sign_in(self, page, user, lang: str = "en", password: str = PASSWORD):
        """Through the sign-in form, as a person would."""
        if "/auth/login" not in page.url:
            page.goto(f"/{lang}/auth/login")
        page.locator("#email").fill(getattr(user, "email", user))
        page.locator("#password").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert "/auth/login" not in page.url, page.locator("main").inner_text()
        return page

    def signed_in_page(self, user, lang: str = "en", **options):
        return self.sign_in(self.page(**options), user, lang)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).netloc not in {"", *self.origins}]

    def _console(self, message) -> None:
        if message.type != "error" or _sandbox_at_work(message):
            return
        self.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def _websocket(self, socket) -> None:
        self.requests.append(socket.url)

    def finish(self) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS.glob(f"{self.name}-*.png"):
            old.unlink()
        shots = [page for context in self.contexts for page in context.pages]
        for n, page in enumerate(shots, 1):
            suffix = f"-{n}" if len(shots) > 1 else "-1"
            page.screenshot(path=SCREENSHOTS / f"{self.name}{suffix}.png", full_page=True)
        for context in self.contexts:
            context.close()
        assert self.foreign_requests() == [], "requests to another host"
        if not self.expect_console_errors:
            assert self.errors == [], "errors in the browser console"


def _sandbox_at_work(message) -> bool:
    """Chromium's own viewer of a picture opened by itself tries a script (zoom on click),
    which an attachment's `Content-Security-Policy: sandbox` refuses: that is the sandbox
    doing its job, logged or not depending on how soon the test moves on."""
    url = message.location.get("url") or ""
    return "/attachments/" in url and message.text.startswith("Blocked script execution in")


WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AUDIT = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    where: v.nodes.slice(0, 3).map(n => n.target.join(" "))
  }));
}"""


def audit(page, path: str, ready: str | None = None) -> list[str]:
    """axe's serious and critical findings on `path`; `ready`: what a script shows, waited
    for so that it is checked too."""
    response = page.goto(path)
    assert response.ok, f"{path}: {response.status}"
    if ready:
        page.locator(ready).wait_for()
    return audit_here(page, path)


def audit_here(page, where: str | None = None) -> list[str]:
    """axe's serious and critical findings on the page as it is now (a form's answer, an
    error page, a section opened by a script)."""
    page.add_script_tag(path=AXE)
    return [
        f"{where or page.url}: {v['rule']} ({v['impact']}) {v['help']} at {v['where']}"
        for v in page.evaluate(AUDIT, WCAG)
        if v["impact"] in ("serious", "critical")
    ]


def wait_until_live(page) -> None:
    """The page has its socket and has caught up (chat.js asked for what it missed)."""
    page.wait_for_function("() => window.meetingPoint && window.meetingPoint.socket.connected")


def say(page, text: str) -> None:
    page.locator("[data-chat-form] textarea").fill(text)
    page.locator("[data-chat-form] [type=submit]").click()


def shown(page) -> list[str]:
    """The messages on the page, oldest first, as stored (not the ones still sending)."""
    return page.locator("ol.chat li[data-id] .body").all_inner_texts()


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.exists() and any(SCREENSHOTS.glob("*.png")):
        count = len(list(SCREENSHOTS.glob("*.png")))
        terminalreporter.write_line(f"browser screenshots: {count} in {SCREENSHOTS}")
