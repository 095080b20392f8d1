"""In a real browser: what is written offline (a reply, a chat message) waits in the
outbox, goes once the link is back (from the next page, or from the service worker with no
page open), is stored and shown once, and what can no longer be posted comes back with its
reason and its text."""

import time

import pytest
from playwright.sync_api import expect
from sqlalchemy import select
from support.browsing import say, shown, wait_until_live
from support.forum import ROOM
from support.service_worker import read, under_worker

from meetingpoint.chat.models import ChatMessage
from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.forums import services
from meetingpoint.forums.models import Post, Topic

pytestmark = pytest.mark.backends("sqlite")
CHAT = f"/en/rooms/{ROOM}/chat"


def _topic(author, rooms) -> Topic:
    draft = services.PostDraft("How do your councils meet?", "en")
    return services.create_topic(author, rooms[ROOM], "Tripartite councils", draft)


def _replies(topic_id: int) -> list[str]:
    db.session.rollback()  # what the server has committed since
    query = select(Post.body_source).where(Post.topic_id == topic_id, Post.parent_id.is_not(None))
    return list(db.session.scalars(query))


def _chat_messages() -> list[str]:
    db.session.rollback()
    return list(db.session.scalars(select(ChatMessage.body_source).order_by(ChatMessage.id)))


def _eventually(read_now, expected, seconds: float = 20):
    """What the database holds once the browser has sent what it had (it sends on its own)."""
    deadline = time.monotonic() + seconds
    while (found := read_now()) != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


def _write_offline(page, context, opening_id: int, text: str) -> None:
    page.goto(f"/en/posts/{opening_id}/reply")
    context.set_offline(True)
    page.locator("#body").fill(text)
    page.get_by_role("button", name="Post").click()
    page.locator(".outbox li", has_text="Waiting to send").wait_for()


def test_a_reply_written_offline_is_sent_once_when_the_link_is_back(browsing, member, rooms):
    amina = member(display_name="Amina Diallo")
    topic = _topic(amina, rooms)
    opening_id, topic_id = topic.last_post_id, topic.id
    browsing.expect_console_errors = True  # the browser reports its failed reconnections
    page = browsing.signed_in_page(amina)
    context = page.context
    _write_offline(page, context, opening_id, "Ours meets monthly, written on the bus.")
    assert page.locator("#body").input_value() == ""  # ready for the next one
    assert _replies(topic_id) == []

    context.set_offline(False)
    page.locator(".outbox a", has_text="Sent: open it").wait_for()
    assert _replies(topic_id) == ["Ours meets monthly, written on the bus."]

    # Opening pages again sends nothing twice: the outbox is empty.
    page.goto(f"/en/rooms/{ROOM}/topics/{topic_id}")
    page.reload()
    assert page.locator(".outbox").is_hidden()
    assert _replies(topic_id) == ["Ours meets monthly, written on the bus."]
    assert page.locator("article.post", has_text="written on the bus").count() == 1

    # Kwame, in his own browser, sees it once.
    kwame = browsing.signed_in_page(member(display_name="Kwame Mensah"))
    kwame.goto(f"/en/rooms/{ROOM}/topics/{topic_id}")
    assert kwame.locator("article.post", has_text="written on the bus").count() == 1


def test_a_queued_reply_to_a_topic_locked_meanwhile_comes_back_with_its_text(
    browsing, member, make_user, rooms
):
    amina = member(display_name="Amina Diallo")
    topic = _topic(amina, rooms)
    opening_id, topic_id = topic.last_post_id, topic.id
    browsing.expect_console_errors = True  # the browser reports its failed reconnections
    page = browsing.signed_in_page(amina)
    _write_offline(page, page.context, opening_id, "A thought that must not be lost.")

    topic.locked_at = utcnow()  # a moderator closes the topic while she is offline
    db.session.commit()
    page.context.set_offline(False)

    refused = page.locator(".outbox li", has_text="Not sent")
    refused.wait_for()
    assert "This topic is locked: no new replies." in refused.inner_text()
    assert refused.locator("textarea").input_value() == "A thought that must not be lost."
    assert _replies(topic_id) == []

    # It stays until she removes it, on every page.
    page.goto(f"/en/rooms/{ROOM}/")
    page.locator(".outbox li", has_text="Not sent").wait_for()
    page.get_by_role("button", name="Remove").click()
    page.locator(".outbox").wait_for(state="hidden")


def test_a_reply_and_a_chat_message_written_offline_are_stored_and_shown_once(
    browsing, member, rooms
):
    amina, kwame = member(display_name="Amina Diallo"), member(display_name="Kwame Mensah")
    topic = _topic(amina, rooms)
    opening_id, topic_id = topic.last_post_id, topic.id
    browsing.expect_console_errors = True  # the browser reports its failed reconnections
    chat = browsing.signed_in_page(amina)
    context = chat.context
    under_worker(chat, f"/en/rooms/{ROOM}/")
    read(chat, CHAT)  # kept, so that it opens on the bus
    his_chat = browsing.signed_in_page(kwame)
    his_chat.goto(CHAT)
    wait_until_live(his_chat)

    # Offline: a reply in one tab, a message in the chat's kept copy (no connection there)
    # in another, whose tab is then closed.
    tab = context.new_page()
    _write_offline(tab, context, opening_id, "Ours meets monthly, written on the bus.")
    chat.goto(CHAT)
    chat.locator("[data-offline-banner]").wait_for()
    say(chat, "Count me in for Thursday's call.")
    chat.locator(".outbox li", has_text="Waiting to send · Chat").wait_for()
    chat.close()
    assert _replies(topic_id) == [] and _chat_messages() == []

    # Back online, the open tab sends both, once.
    context.set_offline(False)
    assert _eventually(_chat_messages, ["Count me in for Thursday's call."]) == [
        "Count me in for Thursday's call."
    ]
    assert _eventually(lambda: _replies(topic_id), ["Ours meets monthly, written on the bus."])
    tab.locator(".outbox a", has_text="Sent: open it").first.wait_for()

    # Each shown once, in both browsers.
    his_chat.locator("ol.chat li[data-id]", has_text="Thursday's call").wait_for()
    assert shown(his_chat) == ["Count me in for Thursday's call."]
    his_chat.goto(f"/en/rooms/{ROOM}/topics/{topic_id}")
    assert his_chat.locator("article.post", has_text="written on the bus").count() == 1
    again = context.new_page()
    again.goto(CHAT)
    wait_until_live(again)
    assert shown(again) == ["Count me in for Thursday's call."]
    assert again.locator("ol.chat li.pending").count() == 0
    assert again.locator(".outbox").is_hidden()
    again.goto(f"/en/rooms/{ROOM}/topics/{topic_id}")
    assert again.locator("article.post", has_text="written on the bus").count() == 1
    assert _chat_messages() == ["Count me in for Thursday's call."]
    assert _replies(topic_id) == ["Ours meets monthly, written on the bus."]


def test_the_worker_sends_the_outbox_with_no_page_of_ours_open(browsing, member, rooms):
    """Background Sync: the browser wakes the worker once it has a link again."""
    amina = member(display_name="Amina Diallo")
    topic = _topic(amina, rooms)
    opening_id, topic_id = topic.last_post_id, topic.id
    browsing.expect_console_errors = True  # the browser reports its failed reconnections
    page = browsing.signed_in_page(amina)
    context = page.context
    under_worker(page, f"/en/rooms/{ROOM}/")
    origin = page.evaluate("location.origin")
    _write_offline(page, context, opening_id, "Sent while the phone was in a pocket.")
    tags = page.evaluate("navigator.serviceWorker.ready.then(r => r.sync.getTags())")
    assert tags == ["outbox"]

    blank = context.new_page()
    page.close()  # no page of ours is left to send it
    devtools = context.new_cdp_session(blank)
    registrations = []
    devtools.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    devtools.send("ServiceWorker.enable")
    deadline = time.monotonic() + 10
    while not registrations and time.monotonic() < deadline:
        blank.wait_for_timeout(100)
    context.set_offline(False)
    # What Chromium does when the link comes back, asked for now rather than waited for.
    devtools.send(
        "ServiceWorker.dispatchSyncEvent",
        {
            "origin": origin,
            "registrationId": registrations[0]["registrationId"],
            "tag": "outbox",
            "lastChance": False,
        },
    )
    expected = ["Sent while the phone was in a pocket."]
    assert _eventually(lambda: _replies(topic_id), expected) == expected

    # The next page finds nothing left to send, and the reply there once (the page may
    # still meet the entry if it opens before the worker has removed it: sent again, the
    # client id makes it the same reply).
    blank.goto(f"/en/rooms/{ROOM}/topics/{topic_id}")
    assert blank.locator("article.post", has_text="in a pocket").count() == 1
    expect(blank.locator(".outbox li", has_text="Waiting to send")).to_have_count(0)
    assert _replies(topic_id) == expected
