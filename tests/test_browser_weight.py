"""Weight and privacy as a browser sees them: through the nginx site from deploy/, a first
visit (empty cache) to the home page, a room, a 100-reply topic and a topic with 20 pictures
stays under 100 KB on the wire, every request to our own origin."""

import shutil

import pytest
from support.first_visits import BUDGET_KB, first_visit, seed_pages, signed_in_cookies
from support.nginx_server import Nginx
from support.settings import IN_CI

pytestmark = pytest.mark.backends("sqlite")


@pytest.fixture
def proxy(browsing):
    if shutil.which("nginx") is None:
        if IN_CI:
            pytest.fail("nginx is required under CI=true (.ci/run installs it)")
        pytest.skip("nginx is not installed")
    port = browsing.server.port
    nginx = Nginx(browsing.server.workdir, [port, port]).start()
    browsing.origins.add(f"127.0.0.1:{nginx.port}")
    yield nginx
    nginx.stop()


def test_first_visits_stay_under_the_budget_and_at_home(browsing, proxy, capsys):
    reader, pages = seed_pages(replies=100)
    cookies = signed_in_cookies(proxy.url, reader.email)
    figures = []
    for name, path in pages.items():
        for signed_in in (False, True):
            weight = first_visit(browsing.browser, proxy.url, path, cookies if signed_in else None)
            who = "member" if signed_in else "visitor"
            figures.append((f"{name} ({who})", weight))
            assert weight.hosts == {f"127.0.0.1:{proxy.port}"}, f"{name}: {weight.hosts}"
            assert weight.kb < BUDGET_KB, f"{name} ({who}): {weight.kb:.1f} KB"
    with capsys.disabled():
        print("\nfirst visit, empty cache, through nginx:")
        for label, weight in figures:
            print(f"  {label:32} {weight.requests:3d} requests {weight.kb:6.1f} KB")
    # The topic weighed is the whole thread, on one page.
    page = browsing.page()
    page.goto(proxy.url + pages["topic, 100 replies"])
    assert page.locator("article.post").count() == 101
    # The pictures' topic shows all twenty, each a preview loaded only near the window.
    page.goto(proxy.url + pages["topic, 20 pictures"])
    assert page.locator("ul.attachments img[loading=lazy][src$='/preview']").count() == 20
    # The signed-in pages carry the live connection's script: it was counted, not skipped.
    assert all(w.requests >= 4 for label, w in figures if "member" in label)
