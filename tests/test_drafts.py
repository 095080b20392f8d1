"""Drafts survive a reload and go once posted; they are kept only where their writer may
write, a bounded number per person, at a pace."""

import pytest
from flask import current_app
from sqlalchemy import func, select
from support.forum import ROOM, answer, last, open_topic
from support.web import csrf_token

from meetingpoint.extensions import db
from meetingpoint.forums.models import Draft, Post


def save(client, kind, target_id, body="Typed on a bus", lang="en"):
    return client.post(
        f"/{lang}/drafts/{kind}/{target_id}",
        data={"body": body, "title": ""},
        headers={"X-CSRFToken": csrf_token(client)},
    )


def drafts() -> list[str]:
    return list(db.session.scalars(select(Draft.place).order_by(Draft.place)))


def configure(app, **settings):
    app.config.update(settings)
    current_app.config.update(settings)


@pytest.mark.parametrize("kind, target_id", [("topic", 999999), ("reply", 999999), ("page", 1)])
def test_no_draft_for_a_place_that_does_not_exist(client, auth, member, kind, target_id):
    auth.login(member())
    assert save(client, kind, target_id).status_code == 404
    assert drafts() == []


def test_no_draft_where_the_person_may_not_write(client, auth, member, make_user, rooms):
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    topic = opening.topic
    auth.logout()
    auth.login(make_user())  # not a member of the room
    refused = save(client, "reply", opening.id, lang="fr")
    assert refused.status_code == 403
    assert "Rejoignez le salon" in refused.text
    other_room = rooms["labour-migration"]
    assert save(client, "topic", other_room.id).status_code == 403
    # A preview in a room one has not joined gives the text back, and keeps nothing either.
    page = open_topic(client, body="Sneaky", submit="", preview="Preview").get_data(as_text=True)
    assert "Sneaky</textarea>" in page
    topic.locked_at = topic.created_at
    db.session.commit()
    auth.logout()
    auth.login(member())  # a member, but the topic is locked
    locked = save(client, "reply", opening.id)
    assert locked.status_code == 403 and "locked" in locked.text
    assert drafts() == []


def test_past_the_cap_the_oldest_draft_goes(app, client, auth, member, rooms):
    configure(app, DRAFTS_PER_PERSON=2)
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    answer(client, opening.id, "A reply")
    second = last(Post)
    assert save(client, "reply", opening.id).status_code == 204
    assert save(client, "reply", second.id).status_code == 204
    assert save(client, "reply", opening.id, "Edited").status_code == 204  # now the newest
    assert save(client, "topic", rooms[ROOM].id).status_code == 204
    assert drafts() == [f"reply:{opening.id}", f"topic:{rooms[ROOM].id}"]
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 2


def test_saving_drafts_is_paced_per_person(app, client, auth, member):
    configure(app, DRAFT_SAVES_LIMIT="3 per minute")
    auth.login(member())
    open_topic(client)
    opening = last(Post)
    answers = [save(client, "reply", opening.id, f"Version {n}").status_code for n in range(4)]
    assert answers == [204, 204, 204, 429]
    assert db.session.scalar(select(Draft.body)) == "Version 2"


def test_drafts_survive_a_reload_and_go_once_posted(client, auth, member):
    from support.web import csrf_token

    from meetingpoint.forums.models import Draft

    auth.login(member())
    open_topic(client)
    opening = last(Post)
    # Without JavaScript: a preview keeps the text on the server.
    answer(client, opening.id, "Half-written thoughts", submit="", preview="Preview")
    page = client.get(f"/en/posts/{opening.id}/reply").get_data(as_text=True)
    assert "We kept your unsent text" in page and "Half-written thoughts</textarea>" in page
    # With JavaScript: the page saves as one types, with the token in a header.
    response = client.post(
        f"/en/drafts/reply/{opening.id}",
        data={"body": "Typed on a bus"},
        headers={"X-CSRFToken": csrf_token(client)},
    )
    assert response.status_code == 204
    assert "Typed on a bus</textarea>" in client.get(f"/en/posts/{opening.id}/reply").get_data(
        as_text=True
    )
    forged = client.post(f"/en/drafts/reply/{opening.id}", data={"body": "Forged"})
    assert forged.status_code == 400
    # A refusal keeps the text too; a successful post discards the draft.
    answer(client, opening.id, "x" * 20001)
    assert db.session.scalar(db.select(Draft.body)).startswith("xxx")
    answer(client, opening.id, "Finally sent")
    assert db.session.scalar(db.select(func.count()).select_from(Draft)) == 0
    assert "We kept" not in client.get(f"/en/posts/{opening.id}/reply").get_data(as_text=True)


def test_new_topic_draft_keeps_the_title(client, auth, member, rooms):
    auth.login(member())
    open_topic(client, title="Draft title", body="Draft body", submit="", preview="Preview")
    page = client.get(f"/en/rooms/{ROOM}/topics/new").get_data(as_text=True)
    assert 'value="Draft title"' in page and "Draft body</textarea>" in page
