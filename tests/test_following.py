"""Watching, notifications and unread tracking."""

from support.forum import ROOM, answer, last, open_topic
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post
from meetingpoint.notifications.models import Notification


def notifications_of(user):
    rows = db.session.scalars(db.select(Notification).where(Notification.user_id == user.id))
    return sorted(n.kind for n in rows)


def test_reply_notifies_the_author_and_watchers(client, auth, member):
    author = member(display_name="Author")
    watcher = member(display_name="Watcher")
    replier = member(display_name="Replier")
    auth.login(author)
    open_topic(client)
    opening = last(Post)
    auth.logout()
    auth.login(watcher)
    post(client, f"/en/rooms/{ROOM}/topics/{opening.topic_id}/watch")
    auth.logout()
    auth.login(replier)
    answer(client, opening.id, "An answer")
    assert notifications_of(author) == ["reply"]
    assert notifications_of(watcher) == ["watched_reply"]
    assert notifications_of(replier) == []  # never about one's own post

    auth.logout()
    auth.login(author)
    page = client.get("/en/").get_data(as_text=True)
    assert 'Notifications <span class="badge count-badge">1<' in page
    page = client.get("/fr/notifications/").get_data(as_text=True)
    assert "Replier vous a répondu dans « Tripartite councils »" in page
    item = db.session.scalar(db.select(Notification).where(Notification.user_id == author.id))
    response = client.get(f"/en/notifications/{item.id}")
    assert response.headers["Location"] == f"/en/posts/{last(Post).id}"
    assert 'Notifications <span class="badge' not in client.get("/en/").get_data(as_text=True)


def test_others_notifications_cannot_be_opened(client, auth, member):
    author = member()
    auth.login(author)
    open_topic(client)
    opening = last(Post)
    auth.logout()
    auth.login(member())
    answer(client, opening.id, "Hello")
    item = db.session.scalar(db.select(Notification))
    assert client.get(f"/en/notifications/{item.id}").status_code == 404


def test_room_watchers_hear_about_new_topics(client, auth, member):
    watcher = member()
    auth.login(watcher)
    post(client, f"/en/rooms/{ROOM}/watch")
    auth.logout()
    auth.login(member(display_name="Opener"))
    open_topic(client, title="Fresh topic")
    assert notifications_of(watcher) == ["new_topic"]
    auth.logout()
    auth.login(watcher)
    post(client, f"/en/rooms/{ROOM}/watch")  # unwatch
    auth.logout()
    auth.login(member())
    open_topic(client, title="Another topic")
    assert notifications_of(watcher) == ["new_topic"]


def test_unwatching_a_topic_stops_notifications(client, auth, member):
    author = member()
    auth.login(author)
    open_topic(client)
    opening = last(Post)
    answer(client, opening.id, "I follow my own topic")
    post(client, f"/en/rooms/{ROOM}/topics/{opening.topic_id}/watch")  # stop watching
    mine = last(Post)
    auth.logout()
    auth.login(member())
    answer(client, mine.id, "Answering your reply")  # a direct reply still notifies
    answer(client, opening.id, "Answering the opening")  # so does a reply to the opening
    assert notifications_of(author) == ["reply", "reply"]


def test_new_replies_are_marked_and_listed_as_unread(client, auth, member):
    reader = member()
    auth.login(member(display_name="Starter"))
    open_topic(client, title="Followed topic")
    opening = last(Post)
    auth.logout()
    auth.login(reader)
    url = f"/en/rooms/{ROOM}/topics/{opening.topic_id}"
    client.get(url)  # read it once
    assert "Followed topic" not in client.get("/en/unread").get_data(as_text=True)
    auth.logout()
    auth.login(member())
    answer(client, opening.id, "Something new")
    fresh = last(Post)
    auth.logout()
    auth.login(reader)
    assert "Followed topic" in client.get("/en/unread").get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert f'class="post new" id="post-{fresh.id}"' in page
    assert f'class="post new" id="post-{opening.id}"' not in page
    # Having read it, it leaves the unread list and loses its mark.
    assert "Followed topic" not in client.get("/en/unread").get_data(as_text=True)
    assert 'class="post new"' not in client.get(url).get_data(as_text=True)


def test_mark_all_read(client, auth, member):
    author = member()
    auth.login(author)
    open_topic(client)
    opening = last(Post)
    auth.logout()
    auth.login(member())
    answer(client, opening.id, "One")
    answer(client, opening.id, "Two")
    auth.logout()
    auth.login(author)
    post(client, "/en/notifications/read")
    assert 'Notifications <span class="badge' not in client.get("/en/").get_data(as_text=True)


def test_first_visits_and_own_posts_are_not_marked_new(client, auth, member):
    author = member()
    auth.login(author)
    open_topic(client)
    opening = last(Post)
    auth.logout()
    reader = member()
    auth.login(reader)
    answer(client, opening.id, "My own reply")  # posted before ever opening the topic
    url = f"/en/rooms/{ROOM}/topics/{opening.topic_id}"
    assert 'class="post new"' not in client.get(url).get_data(as_text=True)
