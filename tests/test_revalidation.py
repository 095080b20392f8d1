"""A second visit to an unchanged reading page costs a 304, for visitors and for signed-in
readers; never another reader's copy; and signing in or out empties the browser's cache."""

import pytest
from sqlalchemy import select
from support.web import AuthActions, post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic

ROOM = "social-dialogue"


@pytest.fixture
def topic_url(client, auth, member):
    auth.login(member(display_name="Amina Diallo"))
    data = {"title": "Wage councils", "body": "Who sits on yours?", "language": "en"}
    post(client, f"/en/rooms/{ROOM}/topics/new", {**data, "tags": "", "submit": "Post"})
    topic = db.session.scalar(select(Topic).order_by(Topic.id.desc()))
    return f"/en/rooms/{ROOM}/topics/{topic.id}"


def again(client, url, first):
    return client.get(url, headers={"If-None-Match": first.headers["ETag"]})


def test_a_readers_unchanged_topic_is_a_304_until_a_reply_changes_it(client, topic_url):
    first = client.get(topic_url)
    assert first.status_code == 200 and "Amina Diallo</a></li>" in first.get_data(as_text=True)
    assert first.headers["Cache-Control"] == "private, no-cache"  # kept for them, checked
    second = again(client, topic_url, first)
    # Rendered again with a newly signed token, yet the same page: nothing is sent.
    assert second.status_code == 304 and second.data == b""
    assert second.headers["ETag"] == first.headers["ETag"]

    opening = db.session.scalar(select(Post))
    post(client, f"/en/posts/{opening.id}/reply",
         {"body": "Three parties.", "language": "en", "submit": "Post"})  # fmt: skip
    changed = again(client, topic_url, first)
    assert changed.status_code == 200 and "Three parties." in changed.get_data(as_text=True)


def test_one_readers_copy_is_never_confirmed_for_another(app, client, topic_url, member):
    mine = client.get(topic_url)
    other = app.test_client()
    AuthActions(other).login(member(display_name="Kofi Boateng"))
    theirs = again(other, topic_url, mine)
    assert theirs.status_code == 200 and "Kofi Boateng</a></li>" in theirs.get_data(as_text=True)
    visitor = again(app.test_client(), topic_url, mine)
    assert visitor.status_code == 200 and "Amina Diallo</a></li>" not in visitor.get_data(
        as_text=True
    )
    # The same person in a new session: the copy's forms carry the old session's token.
    fresh = app.test_client()
    AuthActions(fresh).login(db.session.scalar(select(Post)).author.email)
    assert again(fresh, topic_url, mine).status_code == 200


def test_a_visitors_kept_page_is_a_304_from_the_store(app, client, auth, topic_url):
    from meetingpoint.pagecache.pages import HEADER

    auth.logout()
    visitor = app.test_client()
    first = visitor.get(topic_url)
    assert (first.headers[HEADER], first.headers["Cache-Control"]) == ("miss", "no-cache")
    second = again(visitor, topic_url, first)
    assert (second.status_code, second.headers[HEADER], second.data) == (304, "hit", b"")


@pytest.mark.parametrize("path", ["/en/", f"/en/rooms/{ROOM}/"])
def test_home_and_room_pages_are_revalidated_too(client, topic_url, path):
    first = client.get(path)
    assert first.headers["Cache-Control"] == "private, no-cache"
    assert again(client, path, first).status_code == 304


def test_signing_in_and_out_empties_the_browsers_cache(client, auth, topic_url):
    assert "Clear-Site-Data" not in client.get(topic_url).headers
    assert auth.logout().headers["Clear-Site-Data"] == '"cache"'
    assert "Clear-Site-Data" not in client.get(topic_url).headers
    signed_in = auth.login(db.session.scalar(select(Post)).author.email)
    assert signed_in.headers["Clear-Site-Data"] == '"cache"'


def test_other_pages_of_a_signed_in_reader_are_still_never_stored(client, topic_url):
    for path in ("/en/account/", "/en/messages/", "/en/notifications/"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-store" and "ETag" not in response.headers


def test_the_workers_check_is_a_304_for_a_signed_in_reader(client, topic_url):
    first = client.get("/sw.js")
    assert first.headers["Cache-Control"] == "private, no-cache"
    assert again(client, "/sw.js", first).status_code == 304
