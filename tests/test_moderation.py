"""Moderation: pin, lock, close, move, hide, reports, approval of first posts, suspension."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from support.forum import ROOM, answer, count, last, open_topic
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, PostReport, Topic


@pytest.fixture
def discussion(client, auth, member):
    """A member's topic; returns (author, topic, opening post) with nobody signed in."""
    author = member(display_name="Topic Author")
    auth.login(author)
    open_topic(client, body="Opening words")
    auth.logout()
    opening = last(Post)
    return author, opening.topic, opening


def topic_url(topic):
    return f"/en/rooms/{ROOM}/topics/{topic.id}"


@pytest.mark.parametrize(
    "action, attribute", [("pin", "pinned_at"), ("lock", "locked_at"), ("close", "closed_at")]
)
def test_moderators_pin_lock_and_close_members_cannot(
    client, auth, member, discussion, action, attribute
):
    _author, topic, _opening = discussion
    auth.login(member())
    assert post(client, f"{topic_url(topic)}/{action}").status_code == 403
    auth.logout()
    auth.login(member(role="moderator"))
    assert post(client, f"{topic_url(topic)}/{action}").status_code == 302
    db.session.expire_all()
    assert getattr(topic, attribute) is not None
    post(client, f"{topic_url(topic)}/{action}")
    db.session.expire_all()
    assert getattr(topic, attribute) is None


def test_closed_topic_refuses_replies_but_not_moderators(client, auth, member, discussion):
    _author, topic, opening = discussion
    topic.closed_at = topic.created_at
    db.session.commit()
    auth.login(member())
    page = answer(client, opening.id, "Late words").get_data(as_text=True)
    assert "This topic is closed: no new replies." in page
    auth.logout()
    auth.login(member(role="moderator"))
    assert answer(client, opening.id, "Closing note").status_code == 302
    assert count(Post) == 2


def test_locked_topic_cannot_be_edited_by_its_author(client, auth, discussion):
    author, topic, opening = discussion
    topic.locked_at = topic.created_at
    db.session.commit()
    auth.login(author)
    assert client.get(f"/en/posts/{opening.id}/edit").status_code == 403


def test_pinned_topics_come_first(client, auth, member, discussion):
    _author, topic, _opening = discussion
    auth.login(member())
    open_topic(client, title="A newer topic")
    topic.pinned_at = topic.created_at
    db.session.commit()
    page = client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert page.index("Tripartite councils") < page.index("A newer topic")


def test_moderator_moves_a_topic(client, auth, member, discussion, rooms):
    _author, topic, _opening = discussion
    auth.login(member(role="moderator"))
    response = post(client, f"{topic_url(topic)}/move", {"room": "labour-migration"})
    assert response.headers["Location"] == f"/en/rooms/labour-migration/topics/{topic.id}"
    db.session.expire_all()
    assert topic.room.slug == "labour-migration"
    assert client.get(topic_url(topic)).status_code == 404  # no longer in the old room


def test_report_then_hide_from_the_queue(client, auth, member, discussion):
    author, _topic, opening = discussion
    reader = member(display_name="Careful Reader")
    auth.login(reader)
    page = post(client, f"/en/posts/{opening.id}/report", {"reason": ""}).get_data(as_text=True)
    assert "Tell the moderators what is wrong with this post." in page
    post(client, f"/en/posts/{opening.id}/report", {"reason": "Off topic advertising"})
    post(client, f"/en/posts/{opening.id}/report", {"reason": "Again"})  # counted once
    assert count(PostReport) == 1
    assert client.get("/en/moderation/").status_code == 403
    auth.logout()

    auth.login(member(role="moderator"))
    queue = client.get("/en/moderation/").get_data(as_text=True)
    assert "Off topic advertising" in queue and "Opening words" in queue
    post(client, f"/en/posts/{opening.id}/hide")
    assert "No open reports." in client.get("/en/moderation/").get_data(as_text=True)
    page = client.get(topic_url(opening.topic)).get_data(as_text=True)
    assert "Opening words" in page and "Hidden from participants by a moderator." in page
    auth.logout()

    auth.login(reader)
    page = client.get(topic_url(opening.topic)).get_data(as_text=True)
    assert "Opening words" not in page and "A moderator has hidden this post." in page


def test_dismissing_a_report(client, auth, member, discussion):
    _author, _topic, opening = discussion
    auth.login(member())
    post(client, f"/en/posts/{opening.id}/report", {"reason": "Looks like spam"})
    auth.logout()
    auth.login(member(role="moderator"))
    report = last(PostReport)
    post(client, f"/en/moderation/reports/{report.id}/dismiss")
    db.session.expire_all()
    assert report.resolved_at is not None and not opening.is_hidden


def test_authors_cannot_report_themselves(client, auth, discussion):
    author, _topic, opening = discussion
    auth.login(author)
    assert client.get(f"/en/posts/{opening.id}/report").status_code == 403


def test_reports_keep_a_pace_per_person(app, client, auth, member, discussion):
    author, _topic, opening = discussion
    app.config["FORUM_REPORTS_PER_HOUR"] = 2
    auth.login(author)
    for n in range(2):
        answer(client, opening.id, f"Reply {n}")
    auth.logout()
    first, second, third = db.session.scalars(select(Post).order_by(Post.id)).all()
    auth.login(member())
    for target in (first, second):
        assert post(client, f"/en/posts/{target.id}/report", {"reason": "Spam"}).status_code == 302
    # The same post again changes nothing and costs nothing.
    assert post(client, f"/en/posts/{first.id}/report", {"reason": "Spam"}).status_code == 302
    refused = post(client, f"/es/posts/{third.id}/report", {"reason": "Spam"})
    assert refused.status_code == 429
    assert "Puede denunciar 2 publicaciones por hora" in refused.text
    assert "Spam</textarea>" in refused.text  # the reason is given back
    assert count(PostReport) == 2
    # An hour later there is room for another.
    db.session.execute(
        PostReport.__table__.update().values(created_at=datetime.now(UTC) - timedelta(hours=2))
    )
    db.session.commit()
    assert post(client, f"/en/posts/{third.id}/report", {"reason": "Spam"}).status_code == 302
    assert count(PostReport) == 3


def test_first_posts_wait_for_approval(app, client, auth, member, make_user):
    app.config["FORUM_HOLD_FIRST_POSTS"] = 1
    newcomer = member(display_name="Newcomer")
    auth.login(newcomer)
    open_topic(client, title="My first topic", body="Hello everyone")
    topic = last(Topic)
    assert topic.held_at is not None
    page = client.get(topic_url(topic)).get_data(as_text=True)
    assert "Awaiting a moderator" in page  # the author sees it, marked
    auth.logout()

    auth.login(member(display_name="Someone Else"))
    assert "My first topic" not in client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert client.get(topic_url(topic)).status_code == 404
    auth.logout()

    auth.login(member(role="moderator"))
    assert "Hello everyone" in client.get("/en/moderation/").get_data(as_text=True)
    post(client, f"/en/posts/{last(Post).id}/approve", {"back": "queue"})
    auth.logout()

    auth.login(make_user())
    assert "My first topic" in client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    auth.logout()
    auth.login(newcomer)  # approved once: the next post goes straight out
    answer(client, last(Post).id, "Thanks for approving")
    assert last(Post).held_at is None


def test_held_replies_are_invisible_to_others(app, client, auth, member, discussion):
    app.config["FORUM_HOLD_FIRST_POSTS"] = 1
    _author, topic, opening = discussion
    auth.login(member())
    answer(client, opening.id, "Pending reply")
    held = last(Post)
    auth.logout()
    auth.login(member())
    assert "Pending reply" not in client.get(topic_url(topic)).get_data(as_text=True)
    assert client.get(f"/en/posts/{held.id}").status_code == 404
    assert answer(client, held.id, "Answering the invisible").status_code == 404
    db.session.expire_all()
    assert db.session.get(Topic, topic.id).reply_count == 0


def test_suspended_member_cannot_post(client, auth, member, discussion):
    _author, topic, opening = discussion
    target = member(display_name="Troublemaker")
    auth.login(member())
    until = (datetime.now(UTC).date() + timedelta(days=7)).isoformat()
    assert (
        post(
            client, f"/en/people/{target.id}/suspend", {"until": until, "suspend": "y"}
        ).status_code
        == 403
    )
    auth.logout()
    auth.login(member(role="moderator"))
    post(client, f"/en/people/{target.id}/suspend", {"until": until, "suspend": "y"})
    db.session.expire_all()
    assert target.is_suspended
    auth.logout()

    auth.login(target)
    page = answer(client, opening.id, "Let me in").get_data(as_text=True)
    assert "Your account is suspended until" in page
    page = open_topic(client, title="New topic from suspended").get_data(as_text=True)
    assert "Your account is suspended until" in page
    assert count(Post) == 1


def test_suspension_rules(client, auth, member):
    moderator = member(role="moderator")
    other_moderator = member(role="moderator")
    auth.login(moderator)
    until = (datetime.now(UTC).date() + timedelta(days=3)).isoformat()
    assert (
        post(
            client, f"/en/people/{other_moderator.id}/suspend", {"until": until, "suspend": "y"}
        ).status_code
        == 403
    )
    past = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    member_ = member()
    page = post(
        client,
        f"/en/people/{member_.id}/suspend",
        {"until": past, "suspend": "y"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Choose a date in the future." in page
    db.session.expire_all()
    assert not member_.is_suspended


def test_posting_pace_is_limited_and_text_kept(app, client, auth, member):
    app.config["FORUM_TOPICS_PER_HOUR"] = 2
    auth.login(member())
    open_topic(client, title="One")
    open_topic(client, title="Two")
    response = open_topic(client, title="Three", body="Words I do not want to lose")
    page = response.get_data(as_text=True)
    assert "You are posting faster than we allow." in page
    assert "Words I do not want to lose</textarea>" in page
    assert db.session.scalar(select(func.count()).select_from(Topic)) == 2


def test_hidden_posts_cannot_be_answered_by_members(client, auth, member, discussion):
    _author, _topic, opening = discussion
    auth.login(member(role="moderator"))
    post(client, f"/en/posts/{opening.id}/hide")
    auth.logout()
    auth.login(member())
    page = answer(client, opening.id, "Answering the hidden").get_data(as_text=True)
    assert "That post was deleted: reply to another one." in page
    assert count(Post) == 1


def test_room_pages_list_pinned_topics_then_the_most_recent(client, auth, member, rooms):
    author = member(display_name="Prolific Author")
    base = datetime(2026, 1, 1, tzinfo=UTC)
    room = rooms[ROOM]
    for n in range(42):
        db.session.add(
            Topic(
                room_id=room.id,
                author_id=author.id,
                title=f"Topic {n:02d}",
                language="en",
                created_at=base,
                last_posted_at=base + timedelta(hours=n),
                pinned_at=base + timedelta(minutes=n) if n in (3, 7) else None,
                held_at=base if n == 41 else None,
            )  # fmt: skip
        )
    db.session.commit()

    def titles(page: int) -> list[str]:
        html = client.get(f"/en/rooms/{ROOM}/?page={page}").get_data(as_text=True)
        return re.findall(r">(Topic \d\d)</a>", html), html

    first, html = titles(1)
    # The two pinned, then the newest; the held one (awaiting approval) is not counted.
    assert first[:3] == ["Topic 07", "Topic 03", "Topic 40"] and len(first) == 20
    assert "Page 1 of 3" in html
    second, _ = titles(2)
    third, _ = titles(3)
    assert second[0] == "Topic 22" and len(second) == 20 and third == ["Topic 00"]
    shown = first + second + third
    assert len(set(shown)) == 41 and "Topic 41" not in shown
