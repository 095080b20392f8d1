"""Redis goes away under two people chatting from two server processes (PostgreSQL shared,
as in production): their pages say live delivery is reconnecting, still show every message
in order by asking every few seconds, and go back to live delivery when Redis returns."""

import uuid

import pytest
from support.browsing import say, shown, wait_until_live

from meetingpoint.chat.models import ChatMessage
from meetingpoint.chat.services import room_channel

# Their timings assume the machine to themselves: make test runs them after the rest.
pytestmark = [pytest.mark.backends("postgresql"), pytest.mark.alone]
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


def test_a_message_sent_while_the_database_is_away_is_sent_again_until_stored(
    browsing, servers, member, rooms, database_url
):
    """The page is told "try again", says plainly that the message is not sent yet, keeps
    it, and sends it again with the same client id until it is stored: once."""
    from support.tcp_cut import through_relay

    amina = member(display_name="Amina Diallo")
    relay, relayed_url = through_relay(database_url)
    server = servers(DATABASE_URL=relayed_url, DATABASE_POOL_TIMEOUT=2,
                     CHAT_HEARTBEAT_SECONDS=2)  # fmt: skip
    browsing.origins.add(server.url.split("//")[1])
    page = browsing.sign_in(browsing.page(base_url=server.url), amina)
    page.goto("/en/rooms/social-dialogue/chat")
    wait_until_live(page)
    try:
        relay.cut()
        say(page, "Written while the database was away")
        waiting = page.locator("ol.chat li.pending", has_text="Written while the database")
        waiting.locator(".status", has_text="Not sent yet").wait_for(timeout=30_000)
        assert shown(page) == []
        relay.start()
        page.locator("ol.chat li[data-id]", has_text="Written while the database").wait_for(
            timeout=60_000
        )
        waiting.wait_for(state="detached")
    finally:
        if relay.listener is not None:
            relay.cut()
    channel = room_channel(rooms["social-dialogue"])
    stored = ChatMessage.query.filter_by(conversation_id=channel.id).all()
    assert [m.body_source for m in stored] == ["Written while the database was away"]
    assert shown(page) == ["Written while the database was away"]
