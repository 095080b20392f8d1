"""In a real browser: what is written offline waits in the outbox, goes once the link is
back, and what can no longer be posted comes back with its reason and its text."""

import pytest
from sqlalchemy import select
from support.forum import ROOM

from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.forums import services
from meetingpoint.forums.models import Post, Topic

pytestmark = pytest.mark.backends("sqlite")


def _topic(author, rooms) -> Topic:
    draft = services.PostDraft("How do your councils meet?", "en")
    return services.create_topic(author, rooms[ROOM], "Tripartite councils", draft)


def _replies(topic_id: int) -> list[str]:
    db.session.rollback()  # what the server has committed since
    query = select(Post.body_source).where(Post.topic_id == topic_id, Post.parent_id.is_not(None))
    return list(db.session.scalars(query))


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
