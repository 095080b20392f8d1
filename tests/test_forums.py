"""Threaded forums: topics, nested replies, views, permalinks, editing and deleting."""

import re

import pytest
from sqlalchemy import event
from support.forum import ROOM, answer, count, last, open_topic
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, PostRevision, Topic


def test_member_opens_a_topic_and_it_shows_in_the_room(client, auth, member):
    auth.login(member(display_name="Sami Ben Salah"))
    response = open_topic(
        client,
        tags="Tripartism, informal-economy",
        language="fr",
        body="Le **dialogue social** tunisien.",
    )
    topic = last(Topic)
    assert response.headers["Location"] == f"/en/rooms/{ROOM}/topics/{topic.id}"
    assert topic.tag_names == ["informal-economy", "tripartism"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        '<div class="body" lang="fr"><p>Le <strong>dialogue social</strong> tunisien.</p>' in page
    )
    room_page = client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert "Tripartite councils" in room_page and "#tripartism" in room_page


def test_non_members_read_but_must_join_to_post(client, auth, member, make_user):
    auth.login(member())
    open_topic(client)
    auth.logout()
    outsider = make_user()
    auth.login(outsider)
    topic = last(Topic)
    assert client.get(f"/en/rooms/{ROOM}/topics/{topic.id}").status_code == 200
    page = open_topic(client, title="Sneaky").get_data(as_text=True)
    assert "Join the room to take part in its discussions." in page
    page = answer(client, topic.id, "me too").get_data(as_text=True)
    assert "Join the room to take part in its discussions." in page
    assert count(Topic) == 1 and count(Post) == 1


def test_a_reply_form_lets_a_non_member_join_and_come_back(client, auth, member, make_user):
    auth.login(member())
    open_topic(client)
    auth.logout()
    auth.login(make_user())
    opening = last(Post)
    reply_page = f"/en/posts/{opening.id}/reply?quote=1"
    page = client.get(reply_page).get_data(as_text=True)
    assert "Join Social dialogue and reply" in page
    assert f'name="next" value="{reply_page}"' in page
    joined = post(client, f"/en/rooms/{ROOM}/join", {"next": reply_page})
    assert joined.headers["Location"] == reply_page
    page = client.get(reply_page).get_data(as_text=True)
    assert "Join the room" not in page and 'name="body"' in page
    # Only a path on this site is a place to come back to.
    post(client, f"/en/rooms/{ROOM}/leave")
    elsewhere = post(client, f"/en/rooms/{ROOM}/join", {"next": "https://example.com/"})
    assert elsewhere.headers["Location"] == f"/en/rooms/{ROOM}/"


def test_anonymous_visitors_read_and_are_sent_to_sign_in_to_write(client, auth, member):
    auth.login(member())
    open_topic(client)
    auth.logout()
    topic = last(Topic)
    assert client.get(f"/en/rooms/{ROOM}/topics/{topic.id}").status_code == 200
    assert (
        client.get(f"/en/rooms/{ROOM}/topics/new").headers["Location"].startswith("/en/auth/login")
    )


def test_replies_nest_and_show_as_a_tree_or_by_date(client, auth, member):
    auth.login(member(display_name="Author"))
    open_topic(client)
    opening = last(Post)
    answer(client, opening.id, "First reply")
    first = last(Post)
    answer(client, opening.id, "Second reply")
    answer(client, first.id, "Reply to the first")
    nested = last(Post)
    assert (first.depth, nested.depth) == (1, 2)
    assert nested.path.startswith(first.path)
    assert db.session.get(Topic, opening.topic_id).reply_count == 3

    url = f"/en/rooms/{ROOM}/topics/{opening.topic_id}"
    page = client.get(url).get_data(as_text=True)
    order = [page.index(t) for t in ["First reply", "Reply to the first", "Second reply"]]
    assert order == sorted(order)  # depth-first: the answer sits under what it answers
    tree = page.split("First reply")[1].split("Second reply")[0]
    assert '<ol class="replies">' in tree

    page = client.get(url + "?view=flat").get_data(as_text=True)
    order = [page.index(t) for t in ["First reply", "Second reply", "Reply to the first"]]
    assert order == sorted(order)  # by date
    assert "in reply to Author" in page


def test_deep_threads_continue_on_their_own_page(client, auth, member):
    auth.login(member())
    open_topic(client)
    parent = last(Post)
    for level in range(1, 10):
        answer(client, parent.id, f"Level {level} here")
        parent = last(Post)
    topic_id = parent.topic_id
    page = client.get(f"/en/rooms/{ROOM}/topics/{topic_id}").get_data(as_text=True)
    assert "Level 6 here" in page and "Level 7 here" not in page
    link = re.search(r'href="([^"]+from=\d+)">Continue this thread \(3 replies\)', page).group(1)
    branch = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert "Level 9 here" in branch and "You are reading one branch" in branch

    # The permalink of the deepest post opens a branch that shows it.
    response = client.get(f"/en/posts/{parent.id}")
    assert f"#post-{parent.id}" in response.headers["Location"]
    page = client.get(response.headers["Location"].split("#")[0]).get_data(as_text=True)
    assert f'id="post-{parent.id}"' in page


def test_permalink_opens_the_topic_at_the_post(client, auth, member):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    response = client.get(f"/fr/posts/{opening.id}")
    assert (
        response.headers["Location"]
        == f"/fr/rooms/{ROOM}/topics/{opening.topic_id}#post-{opening.id}"
    )


def test_quote_and_preview_without_javascript(client, auth, member):
    auth.login(member(display_name="Grace"))
    open_topic(client, body="Youth **employment** matters.")
    opening = last(Post)
    page = client.get(f"/en/posts/{opening.id}/reply?quote=1").get_data(as_text=True)
    assert "Grace wrote:\n&gt; Youth **employment** matters." in page
    response = answer(client, opening.id, "I *agree*", submit="", preview="Preview")
    page = response.get_data(as_text=True)
    assert "<p>I <em>agree</em></p>" in page and "I *agree*</textarea>" in page
    assert count(Post) == 1  # a preview saves nothing


def test_edit_keeps_every_version(client, auth, member):
    auth.login(member(display_name="Writer"))
    open_topic(client, body="First words")
    opening = last(Post)
    response = post(
        client,
        f"/en/posts/{opening.id}/edit",
        {"title": "Better title", "body": "Second words", "submit": "Save"},
    )
    assert response.headers["Location"] == f"/en/posts/{opening.id}"
    db.session.expire_all()
    assert opening.body_source == "Second words" and opening.topic.title == "Better title"
    assert count(PostRevision) == 2
    history = client.get(f"/en/posts/{opening.id}/history").get_data(as_text=True)
    assert history.index("Second words") < history.index("First words")
    assert "Better title" in history and "first version" in history
    page = client.get(f"/en/rooms/{ROOM}/topics/{opening.topic_id}").get_data(as_text=True)
    assert ">edited</a>" in page


def test_only_the_author_or_a_moderator_edits_or_deletes(app, client, auth, member):
    author = member()
    auth.login(author)
    open_topic(client, body="Mine")
    opening = last(Post)
    auth.logout()
    auth.login(member())
    assert client.get(f"/en/posts/{opening.id}/edit").status_code == 403
    assert post(client, f"/en/posts/{opening.id}/edit", {"body": "Hijacked"}).status_code == 403
    assert post(client, f"/en/posts/{opening.id}/delete").status_code == 403
    auth.logout()
    auth.login(member(role="moderator"))
    response = post(client, f"/en/posts/{opening.id}/edit", {"body": "Moderated", "submit": "Save"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Post, opening.id).body_source == "Moderated"


def test_delete_keeps_replies_in_place(client, auth, member):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    answer(client, opening.id, "A reply to be deleted")
    middle = last(Post)
    answer(client, middle.id, "An answer that stays")
    post(client, f"/en/posts/{middle.id}/delete")
    page = client.get(f"/en/rooms/{ROOM}/topics/{opening.topic_id}").get_data(as_text=True)
    assert "A reply to be deleted" not in page and "This post was deleted." in page
    assert "An answer that stays" in page
    refused = answer(client, middle.id, "Too late").get_data(as_text=True)
    assert "That post was deleted: reply to another one." in refused
    assert client.get(f"/en/posts/{middle.id}/history").status_code == 404


def test_locked_topic_refuses_replies(client, auth, member):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    topic = db.session.get(Topic, opening.topic_id)
    topic.locked_at = topic.created_at
    db.session.commit()
    page = answer(client, opening.id, "Still talking").get_data(as_text=True)
    assert "This topic is locked: no new replies." in page
    assert count(Post) == 1


def test_markdown_is_sanitised(client, auth, member):
    auth.login(member())
    body = (
        "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
        "![chart](https://example.org/chart.png) [site](https://ilo.org)"
    )
    open_topic(client, title='<script>alert("t")</script>', body=body, tags="ok")
    topic = last(Topic)
    page = client.get(f"/en/rooms/{ROOM}/topics/{topic.id}").get_data(as_text=True)
    assert "<script>alert" not in page and "<img" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in page
    assert (
        '<a href="https://example.org/chart.png" class="image-link" '
        'rel="nofollow ugc noopener">chart</a>'
    ) in page
    assert '<a href="https://ilo.org" rel="nofollow ugc noopener">site</a>' in page


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 201}, "Please use at most 200 characters."),
        ({"body": "   "}, "This field is required."),
        ({"body": "x" * 20001}, "Please use at most 20000 characters."),
        ({"tags": "<b>bold</b>"}, "Tags use letters, digits and hyphens"),
        ({"tags": "a,b,c,d,e,f"}, "Use at most 5 tags."),
        ({"language": "xx"}, "Not a valid choice"),
    ],
)
def test_bad_topics_are_refused_and_kept(client, auth, member, fields, message):
    auth.login(member())
    response = open_topic(client, **fields)
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200 and message in page
    assert count(Topic) == 0
    if fields.get("body", "").strip() and len(fields.get("body", "")) < 100:
        assert fields["body"] in page  # what was typed is still there


def test_forged_ids_are_not_found(client, auth, member, rooms):
    auth.login(member())
    open_topic(client)
    topic = last(Topic)
    assert client.get(f"/en/rooms/labour-migration/topics/{topic.id}").status_code == 404
    assert client.get(f"/en/rooms/{ROOM}/topics/999999").status_code == 404
    assert answer(client, 999999, "hello").status_code == 404
    assert client.get(f"/en/rooms/{ROOM}/topics/{topic.id}?from=999999").status_code == 404


def statements_during(app, action):
    """Run `action` and count the SQL statements the served app sent meanwhile."""
    statements = []

    def record(connection, cursor, statement, *rest):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        result = action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return result, len(statements)


def test_topic_page_query_count_does_not_grow_with_replies(app, client, auth, member):
    from meetingpoint.database import utcnow
    from meetingpoint.forums.models import path_segment

    auth.login(member())
    counts = {}
    for replies in (10, 1000):
        open_topic(client, title=f"Topic with {replies}")
        opening = last(Post)
        rows = []
        for n in range(replies):
            rows.append(
                Post(
                    topic_id=opening.topic_id,
                    author_id=opening.author_id,
                    parent_id=opening.id,
                    depth=1,
                    language="en",
                    body_source=f"r{n}",
                    body_html=f"<p>r{n}</p>",
                    created_at=utcnow(),
                )
            )
        db.session.add_all(rows)
        db.session.flush()
        for row in rows:
            row.path = opening.path + path_segment(row.id)
        db.session.commit()
        url = f"/en/rooms/{ROOM}/topics/{opening.topic_id}"
        page, counts[replies] = statements_during(app, lambda: client.get(url))  # noqa: B023
        assert page.status_code == 200 and "<p>r0</p>" in page.get_data(as_text=True)
    assert 0 < counts[10] == counts[1000], counts


def test_long_discussions_are_read_in_pages_and_permalinks_find_the_page(client, auth, member):
    from meetingpoint.forums.services import BRANCHES_PER_PAGE

    auth.login(member())
    open_topic(client)
    opening = last(Post)
    for n in range(BRANCHES_PER_PAGE + 2):
        answer(client, opening.id, f"Branch number {n:03d}")
    late = last(Post)
    answer(client, late.id, "Deep in the last branch")
    deep = last(Post)
    url = f"/en/rooms/{ROOM}/topics/{opening.topic_id}"
    first = client.get(url).get_data(as_text=True)
    assert "Branch number 000" in first and f"Branch number {BRANCHES_PER_PAGE:03d}" not in first
    assert 'rel="next"' in first and "How do yours work?" in first
    second = client.get(url + "?page=2").get_data(as_text=True)
    assert f"Branch number {BRANCHES_PER_PAGE + 1:03d}" in second
    assert "Deep in the last branch" in second and "Branch number 000" not in second
    assert "How do yours work?" in second  # the opening post heads every page
    response = client.get(f"/en/posts/{deep.id}")
    assert response.headers["Location"] == f"{url}?page=2#post-{deep.id}"


def test_display_names_render_inert_in_the_forum(client, auth, member):
    auth.login(member(display_name="<img src=x onerror=alert(1)>"))
    open_topic(client)
    opening = last(Post)
    page = client.get(f"/en/rooms/{ROOM}/topics/{opening.topic_id}").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    room_page = client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert "<img src=x" not in room_page
