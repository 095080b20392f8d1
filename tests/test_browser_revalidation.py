"""In a real browser: a signed-in reader's topic is kept in the browser's HTTP cache and
checked with the server (a 304 when unchanged), and signing out empties that cache while
the service worker's own files stay."""

import pytest

from meetingpoint.forums.services import PostDraft, create_topic

pytestmark = pytest.mark.backends("sqlite")

CACHED = """async (path) => {
  try {
    const answer = await fetch(path, { cache: "only-if-cached", mode: "same-origin" });
    return answer.ok ? await answer.text() : null;
  } catch (error) {
    return null;  // nothing kept
  }
}"""
# Asks the server whether the copy is still good (If-None-Match), as the worker's fetch does.
CHECKED = """async (path) => (await (await fetch(path, { cache: "no-cache" })).text()).length"""


def test_a_readers_page_is_checked_then_forgotten_at_sign_out(browsing, member, rooms):
    author = member(display_name="Thandiwe Nkosi")
    topic = create_topic(
        author, rooms["social-dialogue"], "Tripartite councils in the Sahel",
        PostDraft("Who sits at the table, and who writes the minutes?", "en"),
    )  # fmt: skip
    path = f"/en/rooms/social-dialogue/topics/{topic.id}"
    page = browsing.signed_in_page(member(display_name="Ama Owusu"))
    page.goto(path)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.goto(path)  # read again, under the worker

    kept = page.evaluate(CACHED, path)
    assert kept is not None and "Ama Owusu" in kept
    # Asked again: the server confirms the copy, only headers cross the wire.
    asked, wire = set(), []  # bytes received for the page, as Chromium counts them
    cdp = page.context.new_cdp_session(page)
    cdp.on(
        "Network.requestWillBeSent",
        lambda event: event["request"]["url"].endswith(path) and asked.add(event["requestId"]),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda event: event["requestId"] in asked and wire.append(event["encodedDataLength"]),
    )
    cdp.send("Network.enable")
    assert page.evaluate(CHECKED, path) > 5000  # the whole page, from the copy
    page.wait_for_function("() => true")  # the event has come in
    assert len(wire) == 1 and 0 < wire[0] < 1000, wire  # a 304: headers only

    cookies = page.context.cookies()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Sign in").first.is_visible()
    # The copy answered only requests with that session's cookies (Vary: Cookie); with them
    # put back, the browser still has nothing: the copy went at sign-out.
    page.context.clear_cookies()
    page.context.add_cookies(cookies)
    assert page.evaluate(CACHED, path) is None
    # Chromium logs the miss we asked for; any other console error still fails the test.
    misses = [error for error in browsing.errors if "net::ERR_CACHE_MISS" in error]
    assert len(misses) == 1
    browsing.errors.remove(misses[0])
    names = page.evaluate("() => caches.keys()")
    assert any(name.startswith("mp-static-") for name in names), names
