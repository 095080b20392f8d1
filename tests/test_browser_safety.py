"""A muted person's chat message arriving live folds away as the server renders it, and
opens when the reader asks."""

import pytest
from support.browsing import say, wait_until_live

from meetingpoint.safety.services import mute

pytestmark = pytest.mark.backends("sqlite")
ROOM_CHAT = "/en/rooms/social-dialogue/chat"


def test_a_muted_person_s_live_message_arrives_folded(browsing, member):
    amina, carlos = member(display_name="Amina"), member(display_name="Carlos")
    mute(amina, carlos)
    a = browsing.signed_in_page(amina, "en")
    a.goto(ROOM_CHAT)
    wait_until_live(a)
    c = browsing.signed_in_page(carlos, "en")
    c.goto(ROOM_CHAT)
    wait_until_live(c)
    say(c, "Something Amina chose not to read")
    item = a.locator("ol.chat li[data-id]", has_text="Message from a person you muted.")
    item.wait_for()
    body = item.locator("details.muted-writing .body")
    assert body.text_content() == "Something Amina chose not to read"
    assert not body.is_visible()
    item.locator("summary").click()
    assert body.is_visible()
    # Carlos's own page shows his message open: nothing tells him.
    mine = c.locator("ol.chat li[data-id]", has_text="Something Amina chose not to read")
    mine.wait_for()
    assert mine.locator("details").count() == 0
