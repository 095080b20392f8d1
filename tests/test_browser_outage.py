"""Redis goes away under two people chatting from two server processes (PostgreSQL shared,
as in production): their pages say live delivery is reconnecting, still show every message
in order by asking every few seconds, and go back to live delivery when Redis returns."""

import uuid

import pytest
from browsing import say, shown, wait_until_live

from meetingpoint.chat.models import ChatMessage
from meetingpoint.chat.services import room_channel

pytestmark = pytest.mark.backends("postgresql")
RECONNECTING = "Live delivery is reconnecting"


def test_chat_pages_ride_out_a_redis_outage(browsing, servers, own_redis, member, rooms):
    amina = member(display_name="Amina Diallo")
    kwame = member(display_name="Kwame Mensah")
    settings = {"REDIS_URL": own_redis.url, "RATELIMIT_STORAGE_URI": own_redis.url,
                "CHAT_HEARTBEAT_SECONDS": 2}  # fmt: skip
    one = servers(f"outage-{uuid.uuid4().hex[:8]}", **settings)
    two = servers(one.env["MEETINGPOINT_SOCKETIO_CHANNEL"], **settings)
    browsing.origins |= {one.url.split("//")[1], two.url.split("//")[1]}
    pages = []
    for person, server in ((amina, one), (kwame, two)):
        page = browsing.sign_in(browsing.page(base_url=server.url), person)
        page.goto("/en/rooms/social-dialogue/chat")
        wait_until_live(page)
        pages.append(page)
    a, k = pages
    say(a, "Before the outage")
    k.locator("ol.chat li[data-id]", has_text="Before the outage").wait_for(timeout=2000)

    own_redis.stop()
    for n in range(1, 4):
        say(a, f"During the outage {n}")
        a.locator("ol.chat li[data-id]", has_text=f"During the outage {n}").wait_for()
    # Both pages say so, and Kwame's fetches what live delivery could not bring him.
    a.locator("[data-chat-error]", has_text=RECONNECTING).wait_for()
    k.locator("[data-chat-error]", has_text=RECONNECTING).wait_for(timeout=15_000)
    k.locator("ol.chat li[data-id]", has_text="During the outage 3").wait_for(timeout=15_000)

    own_redis.start()  # the same port: the servers are not restarted
    k.locator("[data-chat-error]").wait_for(state="hidden", timeout=30_000)
    say(a, "After the outage")
    k.locator("ol.chat li[data-id]", has_text="After the outage").wait_for(timeout=15_000)
    a.locator("[data-chat-error]").wait_for(state="hidden", timeout=15_000)

    channel = room_channel(rooms["social-dialogue"])
    stored = ChatMessage.query.filter_by(conversation_id=channel.id).order_by(ChatMessage.id)
    expected = ["Before the outage", *(f"During the outage {n}" for n in (1, 2, 3))]
    expected.append("After the outage")
    assert shown(k) == shown(a) == [m.body_source for m in stored] == expected
