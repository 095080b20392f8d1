"""Moderators hide one attachment of a post (the rest stays), logged as hiding a post is;
a hidden file is a 404 for everyone else; a report of a post covers its files."""

import pytest
from support.attachments import PDF, fetch, reply_with, slot, stored
from support.forum import ROOM, last, open_topic
from support.pictures import photo
from support.web import post

from meetingpoint.forums.models import Post
from meetingpoint.moderation_log.models import ModerationAction


@pytest.fixture
def reply(client, auth, member, storage_backend):
    """Amina's reply with a photo and a PDF; she signs out after."""
    auth.login(member(display_name="Amina Diallo"))
    open_topic(client)
    opening = last(Post)
    reply_with(client, opening.id, "From the workshop",
               slot(0, photo(), "workshop.jpg", "People around a table"),
               slot(1, PDF, "Minutes.pdf"))  # fmt: skip
    auth.logout()
    return last(Post)


def topic_of(reply) -> str:
    return f"/en/rooms/{ROOM}/topics/{reply.topic_id}"


def test_a_moderator_hides_one_file_and_shows_it_again(client, auth, member, make_user, reply):
    picture, document = stored()
    kwame = member(display_name="Kwame Mensah")
    auth.login(make_user(display_name="Grace Moderator", role="moderator"))
    page = client.get(topic_of(reply)).text
    assert page.count("Hide this file") == 2

    hidden = post(client, f"/en/attachments/{picture.id}/hide")
    assert hidden.headers["Location"] == f"/en/posts/{reply.id}"
    page = client.get(topic_of(reply)).text
    assert "Hidden from participants by a moderator." in page and "Show this file again" in page
    assert fetch(client, f"/attachments/{picture.id}/preview").status_code == 200
    (entry,) = ModerationAction.query.filter_by(action="hide_attachment").all()
    assert (entry.target_kind, entry.target_id, entry.detail) == ("post", reply.id, "workshop.jpg")
    assert entry.subject_id == picture.owner_id
    assert "Hid an attachment" in client.get("/en/moderation/log").text

    # Everyone else: the picture is gone from the page and from its address; the PDF stays.
    auth.logout()
    auth.login(kwame)
    page = client.get(topic_of(reply)).text
    assert "A moderator has hidden this file." in page
    assert "People around a table" not in page and "Minutes.pdf" in page
    assert "Hide this file" not in page
    for variant in ("preview", "medium", "file"):
        assert fetch(client, f"/attachments/{picture.id}/{variant}").status_code == 404
    assert fetch(client, f"/attachments/{document.id}/file").status_code == 200

    auth.logout()
    auth.login(ModerationAction.query.one().actor)
    post(client, f"/en/attachments/{picture.id}/show")
    assert stored()[0].hidden_at is None
    actions = [e.action for e in ModerationAction.query.order_by(ModerationAction.id)]
    assert actions == ["hide_attachment", "show_attachment"]


def test_only_moderators_hide_and_only_with_the_form_s_token(
    client, auth, member, make_user, reply
):
    picture, _document = stored()
    auth.login(member(display_name="Kwame Mensah"))
    assert post(client, f"/en/attachments/{picture.id}/hide").status_code == 403
    auth.logout()
    auth.login(make_user(role="moderator"))
    assert client.post(f"/en/attachments/{picture.id}/hide").status_code == 400  # no CSRF token
    assert post(client, "/en/attachments/999999/hide").status_code == 404
    assert stored()[0].hidden_at is None and ModerationAction.query.count() == 0


def test_a_report_covers_the_post_s_files(client, auth, member, make_user, reply):
    auth.login(member(display_name="Kwame Mensah"))
    form = client.get(f"/en/posts/{reply.id}/report").text
    assert "Your report covers the 2 files attached to the post too." in form
    assert "People around a table" in form and "Minutes.pdf" in form
    post(client, f"/en/posts/{reply.id}/report", {"reason": "A private document"})
    auth.logout()
    auth.login(make_user(role="moderator"))
    queue = client.get("/en/moderation/").text
    assert "The report covers the 2 files attached to the post: hide one alone" in queue
    assert "Minutes.pdf" in queue and queue.count("Hide this file") == 2
