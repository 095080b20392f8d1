"""Key-question discussions: staff open them and participants take part; participants-only
questions stay out of observers' reach, and answer-first questions show the others' answers
only after one's own."""

import pytest
from support.web import post

from meetingpoint.academy.discussions.topics import open_discussion
from meetingpoint.academy.services import enrol, follow
from meetingpoint.academy.settings.services import add_facilitator
from meetingpoint.extensions import db
from meetingpoint.forums.access import opening_post
from meetingpoint.i18n import LANGUAGES
from meetingpoint.rooms.services import join_room


@pytest.fixture
def question(academy, make_user, rooms):
    """The first question of the social dialogue module, its discussion opened."""
    module = academy.modules[6]
    admin = make_user(role="admin")
    topic = open_discussion(admin, academy, module.questions[0].id)
    return module.questions[0], topic


def member(make_user, academy, rooms, role, **fields):
    person = make_user(**fields)
    {"participant": enrol, "observer": follow}[role](person, academy)
    join_room(person, rooms["social-dialogue"])
    return person


def answer(client, topic, body):
    opening = opening_post(topic)
    data = {"body": body, "language": "en", "submit": "Post"}
    return post(client, f"/en/posts/{opening.id}/reply", data)


def latest_post_id() -> int:
    from meetingpoint.forums.models import Post

    return db.session.scalar(db.select(db.func.max(Post.id)))


def topic_url(topic, **query):
    url = f"/en/rooms/social-dialogue/topics/{topic.id}"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_participants_only_questions_stay_out_of_observers_reach(
    client, auth, make_user, academy, rooms, question
):
    key_question, topic = question
    key_question.participants_only = True
    db.session.commit()
    participant = member(make_user, academy, rooms, "participant")
    auth.login(participant)
    assert answer(client, topic, "Our tripartite council meets monthly.").status_code == 302
    reply_id = latest_post_id()
    auth.logout()

    observer = member(make_user, academy, rooms, "observer")
    auth.login(observer)
    refused = client.get(topic_url(topic))
    assert refused.status_code == 403
    assert "This discussion is for the participants of" in refused.get_data(as_text=True)
    assert client.get(f"/en/posts/{reply_id}").status_code == 403
    assert (
        client.get(topic_url(topic).replace("/topics/", "/topics/") + "/feed.atom").status_code
        == 403
    )
    response = answer(client, topic, "Observers should not write here.")
    assert response.status_code == 403
    found = client.get("/en/search?q=tripartite").get_data(as_text=True)
    assert "council meets monthly" not in found
    module_page = client.get(f"/en/academy/sstc-2016/modules/{academy.modules[6].slug}")
    assert "Participants only" in module_page.get_data(as_text=True)
    auth.logout()
    assert client.get(topic_url(topic)).status_code == 403  # passers-by neither

    facilitator = make_user(email="lead@example.org")
    add_facilitator(make_user(role="admin"), academy, "lead@example.org")
    auth.login(facilitator)
    assert "council meets monthly" in client.get(topic_url(topic)).get_data(as_text=True)
    found = client.get("/en/search?q=tripartite").get_data(as_text=True)
    assert "council meets monthly" in found
    db.session.refresh(topic)
    assert topic.reply_count == 1  # the observer's attempt changed nothing


def test_answer_first_questions_show_the_others_after_one_s_own(
    client, auth, make_user, academy, rooms, question
):
    key_question, topic = question
    key_question.answer_first = True
    db.session.commit()
    first = member(make_user, academy, rooms, "participant", display_name="Kwame")
    auth.login(first)
    answer(client, topic, "Kwame thinks social dialogue starts with trust.")
    auth.logout()

    second = member(make_user, academy, rooms, "observer", display_name="Ana")
    auth.login(second)
    for view in ({}, {"view": "flat"}):
        page = client.get(topic_url(topic, **view)).get_data(as_text=True)
        assert "Write your own answer first" in page
        assert "starts with trust" not in page
    kwame_reply = latest_post_id()
    assert client.get(f"/en/posts/{kwame_reply}/reply?quote=1").status_code == 403
    assert "Kwame thinks" not in client.get("/en/search?q=trust").get_data(as_text=True)
    assert answer(client, topic, "Ana: dialogue needs strong, free unions.").status_code == 302
    page = client.get(topic_url(topic)).get_data(as_text=True)
    assert "starts with trust" in page and "free unions" in page
    assert "Write your own answer first" not in page
    assert "Kwame thinks" in client.get("/en/search?q=trust").get_data(as_text=True)
    auth.logout()

    feed = client.get(topic_url(topic) + "/feed.atom").get_data(as_text=True)
    assert "starts with trust" not in feed  # a feed reader has answered nothing
    auth.login(make_user(role="moderator"))
    assert "starts with trust" in client.get(topic_url(topic)).get_data(as_text=True)


def test_staff_set_the_rules_on_the_module_form(client, auth, make_user, academy, rooms):
    from support.academy import module_form

    module = academy.modules[6]
    auth.login(make_user(role="admin"))
    data = module_form(module, participants_only=["0"], answer_first=["0", "1"])
    url = f"/en/academy/sstc-2016/modules/{module.slug}/edit"
    assert post(client, url, data).status_code == 302
    db.session.expire_all()
    assert [(q.participants_only, q.answer_first) for q in module.questions] == [
        (True, True),
        (False, True),
    ]
    form = client.get(url).get_data(as_text=True)
    assert 'name="participants_only" value="0" checked' in form
    assert 'name="participants_only" value="1" checked' not in form


def test_staff_open_a_key_question_s_discussion_and_participants_take_part(
    client, auth, make_user, academy
):
    from meetingpoint.academy.services import enrol
    from meetingpoint.forums.models import Post, Topic
    from meetingpoint.rooms.models import Room
    from meetingpoint.rooms.services import join_room

    module = academy.modules[6]  # social dialogue
    question = module.questions[0]
    url = f"/en/academy/sstc-2016/questions/{question.id}/discussion"
    participant = make_user(display_name="Thandi")
    enrol(participant, academy)
    auth.login(participant)
    assert post(client, url).status_code == 403
    auth.logout()

    facilitator = make_user(role="admin", locale="fr")
    auth.login(facilitator)
    opened = post(client, url)
    topic = db.session.scalar(db.select(Topic))
    assert opened.headers["Location"] == f"/en/rooms/social-dialogue/topics/{topic.id}"
    assert topic.title == question.text("fr").text
    opening = db.session.scalar(db.select(Post))
    assert all(question.text(code).text in opening.body_source for code in LANGUAGES)
    assert post(client, url).headers["Location"] == opened.headers["Location"]  # once
    auth.logout()

    room = db.session.scalar(db.select(Room).where(Room.slug == "social-dialogue"))
    join_room(participant, room)
    auth.login(participant)
    reply = post(
        client,
        f"/en/posts/{opening.id}/reply",
        {"body": "Our tripartite council meets monthly.", "language": "en", "submit": "Post"},
    )
    assert reply.status_code == 302
    page = client.get(f"/en/academy/sstc-2016/modules/{module.slug}").get_data(as_text=True)
    assert "Discussion: 1 reply" in page
    checklist = client.get("/en/academy/sstc-2016/").get_data(as_text=True)
    assert checklist.count("data-contributed") == 1
    auth.logout()
    auth.login(facilitator)
    board = client.get("/en/academy/sstc-2016/dashboard").get_data(as_text=True)
    assert f'data-module="{module.slug}">1<' in board
    # Thandi (Kenya, government, as the factory makes people) is the one voice heard.
    assert 'data-voice-region="africa">1<' in board
    assert 'data-voice-constituency="government">1<' in board
