"""A reply or topic sent twice (a slow link, a second tap, an outbox) is stored once."""

import re
import threading

from sqlalchemy import select
from support.forum import ROOM, answer, count, last, open_topic

from meetingpoint.extensions import db
from meetingpoint.forums import services
from meetingpoint.forums.models import Post, Topic


def _client_id_on(page: str) -> str:
    return re.search(r'name="client_id" type="hidden" value="([^"]+)"', page).group(1)


def test_the_reply_page_gives_each_form_its_own_id(client, auth, member):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    first = _client_id_on(client.get(f"/en/posts/{opening.id}/reply").text)
    second = _client_id_on(client.get(f"/en/posts/{opening.id}/reply").text)
    assert first != second and re.fullmatch(r"[0-9a-f]{32}", first)


def test_a_reply_sent_twice_is_stored_once_and_both_answers_lead_to_it(client, auth, member):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    first = answer(client, opening.id, "Ours meets monthly.", client_id="reply-1")
    again = answer(client, opening.id, "Ours meets monthly.", client_id="reply-1")
    replies = db.session.scalars(select(Post).where(Post.parent_id == opening.id)).all()
    assert [p.body_source for p in replies] == ["Ours meets monthly."]
    assert first.status_code == again.status_code == 302
    assert first.headers["Location"] == again.headers["Location"]
    topic = db.session.get(Topic, opening.topic_id)
    db.session.refresh(topic)
    assert topic.reply_count == 1


def test_a_topic_sent_twice_opens_one_topic(client, auth, member):
    auth.login(member())
    first = open_topic(client, client_id="topic-1")
    again = open_topic(client, client_id="topic-1")
    assert count(Topic) == 1 and count(Post) == 1
    assert first.headers["Location"] == again.headers["Location"]
    assert f"/en/rooms/{ROOM}/topics/" in first.headers["Location"]


def test_the_same_id_from_two_people_makes_two_posts(client, auth, member):
    amina, kwame = member(), member()
    auth.login(amina)
    open_topic(client)
    opening = last(Post)
    answer(client, opening.id, "From Amina", client_id="same")
    auth.logout()
    auth.login(kwame)
    answer(client, opening.id, "From Kwame", client_id="same")
    assert count(Post) == 3


def test_an_id_used_for_another_post_is_no_resend_and_loses_nothing(client, auth, member):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    answer(client, opening.id, "First answer", client_id="reused")
    first_reply = last(Post)
    response = answer(client, first_reply.id, "An answer to the answer", client_id="reused")
    assert response.status_code == 302
    stored = last(Post)
    assert stored.body_source == "An answer to the answer" and stored.parent_id == first_reply.id


def test_a_forged_id_is_refused_with_the_text_kept(client, auth, member):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    for hostile in ["x" * 65, "<script>", "a b", "é"]:
        page = answer(client, opening.id, "Kept for copying", client_id=hostile).text
        assert "This post could not be sent. Reload the page and try again." in page
        assert "Kept for copying</textarea>" in page
    assert count(Post) == 1


def test_two_sends_that_race_store_one_reply(app, member, rooms, monkeypatch):
    """The second send looks before the first has committed, finds nothing, and meets the
    unique (author, client id) when it writes: it answers with the first one's reply."""
    from meetingpoint.accounts.models import User

    author = member()
    services.create_topic(author, rooms[ROOM], "Councils", services.PostDraft("How?", "en"))
    opening_id, author_id = last(Post).id, author.id

    looked = threading.Barrier(2, timeout=10)
    real = services.posted_before

    def look_together(user, client_id):
        found = real(user, client_id)
        looked.wait()  # both have looked before either writes
        return found

    monkeypatch.setattr(services, "posted_before", look_together)
    results, errors = [], []

    def send():
        with app.app_context():
            try:
                user = db.session.get(User, author_id)
                parent = db.session.get(Post, opening_id)
                draft = services.PostDraft("Monthly.", "en", client_id="raced")
                results.append(services.reply(user, parent.topic, parent, draft).id)
            except Exception as error:  # reported below
                errors.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert db.session.scalar(select(Post).where(Post.client_id == "raced")).id == results[0]
    assert count(Post) == 2
