"""Visitors share kept pages, and never see one older than the last change it could show."""

import pytest
from sqlalchemy import select, update
from support.web import post

from meetingpoint.chat.messages import send_message
from meetingpoint.chat.services import open_direct
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic
from meetingpoint.pagecache import pages
from meetingpoint.pagecache.pages import KeptPage, PageStore

ROOM = "social-dialogue"


@pytest.fixture
def topic_url(client, auth, member):
    """A topic opened by a member, who then signs out: the test reads it as a visitor."""
    auth.login(member(display_name="Amina Diallo"))
    data = {"title": "Wage councils", "body": "Who sits on yours?", "language": "en"}
    post(client, f"/en/rooms/{ROOM}/topics/new", {**data, "tags": "", "submit": "Post"})
    topic = db.session.scalar(select(Topic).order_by(Topic.id.desc()))
    return f"/en/rooms/{ROOM}/topics/{topic.id}"


def visit(app, url):
    """A visitor with no cookies at all, as each new reader arrives."""
    response = app.test_client().get(url)
    assert response.status_code == 200
    return response.headers.get(pages.HEADER), response.get_data(as_text=True)


def test_visitors_share_one_rendering_until_a_reply_changes_it(app, client, auth, topic_url):
    auth.logout()
    first, page = visit(app, topic_url)
    again, same = visit(app, topic_url)
    assert (first, again) == ("miss", "hit") and same == page

    auth.login(db.session.scalar(select(Post)).author.email)
    topic_post = db.session.scalar(select(Post))
    post(
        client,
        f"/en/posts/{topic_post.id}/reply",
        {"body": "Three parties.", "language": "en", "submit": "Post"},
    )
    state, page = visit(app, topic_url)
    assert state == "miss" and "Three parties." in page
    # The room's list and the home page were kept before the reply too: both move on.
    assert "1 reply" in visit(app, f"/en/rooms/{ROOM}/")[1]


def test_signed_in_readers_always_get_their_own_page(app, client, auth, topic_url):
    visit(app, topic_url)
    response = client.get(topic_url)
    assert pages.HEADER not in response.headers
    page = response.get_data(as_text=True)
    assert "Amina Diallo</a></li>" in page  # their own name in the menu
    assert 'name="csrf-token"' in page


def test_kept_pages_carry_no_token_or_message_of_one_visitor(app, client, auth, topic_url):
    # Signing out leaves a message for this visitor alone: it shows, and is not kept.
    answer = auth.logout()
    landing = client.get(answer.headers["Location"])
    assert "signed out" in landing.get_data(as_text=True)
    assert landing.headers.get(pages.HEADER) is None
    state, page = visit(app, topic_url)
    assert state == "miss" and 'name="csrf-token"' not in page and "csrf_token" not in page
    # A visitor whose session holds a token (from the sign-in form) gets the shared page.
    reader = app.test_client()
    reader.get("/en/auth/login")
    assert reader.get(topic_url).headers[pages.HEADER] == "hit"


def test_bulk_statements_move_the_counter_on(app, auth, topic_url):
    auth.logout()
    visit(app, topic_url)
    db.session.execute(update(Post).values(body_html="<p>Rewritten in bulk.</p>"))
    db.session.commit()
    state, page = visit(app, topic_url)
    assert state == "miss" and "Rewritten in bulk." in page


def test_changes_visitors_cannot_see_keep_the_pages(app, client, auth, topic_url, make_user):
    author, friend = db.session.scalar(select(Post)).author, make_user()
    visit(app, topic_url)
    client.get(topic_url)  # a member's reading is recorded, for their "new" marks
    conversation = open_direct(author, friend)
    send_message(author, conversation, "A private word.", "en", "client-1")
    assert visit(app, topic_url)[0] == "hit"


def test_a_change_rolled_back_keeps_the_pages(app, auth, topic_url):
    auth.logout()
    visit(app, topic_url)
    topic = db.session.scalar(select(Topic))
    topic.title = "Never saved"
    db.session.flush()
    db.session.rollback()
    state, page = visit(app, topic_url)
    assert state == "hit" and "Never saved" not in page


def test_each_language_and_query_has_its_own_page(app, auth, topic_url):
    auth.logout()
    visit(app, topic_url)
    state, page = visit(app, topic_url.replace("/en/", "/fr/"))
    assert state == "miss" and '<html lang="fr"' in page
    assert visit(app, topic_url + "?view=flat")[0] == "miss"


def test_kept_pages_expire_for_what_depends_on_the_clock(app, auth, topic_url, monkeypatch):
    auth.logout()
    visit(app, topic_url)
    later = pages.time.monotonic() + app.config["PAGE_CACHE_SECONDS"] + 1
    monkeypatch.setattr(pages.time, "monotonic", lambda: later)
    assert visit(app, topic_url)[0] == "miss"


def test_not_found_is_not_kept(app, rooms):
    for _ in range(2):
        response = app.test_client().get(f"/en/rooms/{ROOM}/topics/999999")
        assert response.status_code == 404
        assert response.headers.get(pages.HEADER) != "hit"


def test_store_drops_the_least_recently_used_within_its_budget():
    store = PageStore(max_bytes=4000)
    for name in "abcd":
        store.put((name,), KeptPage(1, 0.0, b"x" * 1000, "text/html"))
    assert store.get(("a",)) is not None  # now the most recently used
    store.put(("e",), KeptPage(1, 0.0, b"x" * 1000, "text/html"))
    assert store.get(("b",)) is None and store.get(("a",)) is not None
    assert store.size == 4000
    store.put(("huge",), KeptPage(1, 0.0, b"x" * 1001, "text/html"))  # over a quarter
    assert store.get(("huge",)) is None
