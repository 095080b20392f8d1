"""A suspended participant reads and looks after their own account; every other write, and
every moderator's or admin's power, is refused until the suspension ends."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_datetime
from sqlalchemy import func, select
from support.chat_sockets import send
from support.forum import ROOM, answer, last, open_topic
from support.web import AuthActions, csrf_token, post

from meetingpoint import create_app
from meetingpoint.academy.models import Enrolment
from meetingpoint.accounts.models import User
from meetingpoint.accounts.standing import WRITES_ALLOWED
from meetingpoint.chat import services as chat_services
from meetingpoint.chat.models import ChatMessage, Conversation, ConversationMember
from meetingpoint.config import TestingConfig
from meetingpoint.extensions import db, socketio
from meetingpoint.forums.models import Draft, Post, PostReaction, PostReport, Topic
from meetingpoint.notifications.preferences import EVENTS

READING = {"GET", "HEAD", "OPTIONS"}
# Socket events that only read (or keep the reader's own position and presence): open to a
# suspended participant. Any other event must refuse them, or be added here with a reason.
READING_EVENTS = {"connect", "disconnect", "open", "history", "read", "here"}
# A value for each kind of address part, so that any write address can be built.
SAMPLES = {
    "lang_code": "en",
    "slug": ROOM,
    "module_slug": "module",
    "kind": "topic",
    "action": "lock",
    "token": "token",
    "key": ROOM,
}
UNTIL = datetime.combine(datetime.now(UTC).date() + timedelta(days=7), time.min, tzinfo=UTC)


def _write_rules() -> list:
    """Every address that takes something other than GET, as (endpoint, rule)."""
    app = create_app(TestingConfig)
    return [
        pytest.param(rule.endpoint, rule.rule, id=rule.endpoint)
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule))
        if rule.methods - READING
    ]


WRITE_RULES = _write_rules()


def _sample(rule, name: str):
    """A value the rule accepts for `name`: an id, one of its own choices, or a sample."""
    choices = getattr(rule._converters.get(name), "items", None)
    if name.endswith("_id"):
        return 1
    return SAMPLES[name] if not choices or SAMPLES.get(name) in choices else min(choices)


def reason(moment=UNTIL, lang="en", zone="UTC") -> str:
    return {
        "en": "Your account is suspended until {}.",
        "fr": "Votre compte est suspendu jusqu'au {}.",
    }[lang].format(format_datetime(moment, "medium", tzinfo=ZoneInfo(zone), locale=lang))


@pytest.fixture
def suspended(member):
    """A member of the social dialogue room, suspended for a week (as a moderator would)."""

    def make(**fields):
        return member(suspended_until=UNTIL, **fields)

    return make


def table_contents() -> dict:
    """Every row of every table: what must not change when a write is refused."""
    db.session.rollback()  # a fresh read, not the snapshot of an open transaction
    return {
        table.name: sorted(map(repr, db.session.execute(select(table)).all()))
        for table in db.metadata.sorted_tables
    }


# The refusal comes before the view and asks the database nothing the engine could change:
# one engine is enough here (the concrete tests below run on both).
@pytest.mark.backends("sqlite")
@pytest.mark.parametrize("endpoint, path", WRITE_RULES)
def test_every_write_is_refused_while_suspended_or_explicitly_allowed(
    app, client, auth, make_user, endpoint, path
):
    rule = next(r for r in app.url_map.iter_rules() if (r.endpoint, r.rule) == (endpoint, path))
    values = {name: _sample(rule, name) for name in rule.arguments}
    url = rule.build(values, append_unknown=False)[1]
    for role in ("member", "moderator", "admin"):
        auth.login(make_user(role=role, suspended_until=UNTIL))
        token = csrf_token(client)
        before = table_contents()
        response = client.post(url, data={"csrf_token": token}, headers={"X-CSRFToken": token})
        page = response.get_data(as_text=True)
        if endpoint in WRITES_ALLOWED:  # standing.py says why each may still be used
            assert response.status_code != 403 and reason() not in page, role
        else:
            assert response.status_code == 403, f"{endpoint} is not refused for a {role}"
            assert reason() in page and table_contents() == before, role
        auth.logout()


def test_the_allowed_writes_are_real_addresses(app):
    posting = {rule.endpoint for rule in app.url_map.iter_rules() if rule.methods - READING}
    assert WRITES_ALLOWED <= posting


def test_the_refusal_is_translated_and_in_the_readers_time_zone(client, auth, suspended):
    auth.login(suspended(time_zone="America/Sao_Paulo"))
    response = post(client, f"/fr/rooms/{ROOM}/topics/new", {"title": "T", "body": "B"})
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert reason(lang="fr", zone="America/Sao_Paulo") in page.replace("&#39;", "'")


@pytest.fixture
def discussion(client, auth, member):
    """A topic by a member in good standing; returns its opening post, nobody signed in."""
    auth.login(member(display_name="Topic Author"))
    open_topic(client, body="Opening words")
    auth.logout()
    return last(Post)


def suspend_moderator(client, auth, member, moderator) -> None:
    """An admin suspends `moderator` through the profile page, then signs out."""
    auth.login(member(role="admin"))
    form = {"until": UNTIL.date().isoformat(), "suspend": "y"}
    assert post(client, f"/en/people/{moderator.id}/suspend", form).status_code == 302
    auth.logout()
    db.session.expire_all()
    assert moderator.is_suspended and not moderator.is_moderator


def test_a_suspended_moderator_moderates_nothing(client, auth, member, discussion):
    moderator = member(role="moderator")
    suspend_moderator(client, auth, member, moderator)
    target = member(display_name="Someone")
    topic = discussion.topic
    auth.login(moderator)

    assert client.get("/en/moderation/").status_code == 403
    assert ">Moderation</a>" not in client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert client.get("/en/dashboard/staff").status_code == 403
    assert client.get(f"/en/posts/{discussion.id}/edit").status_code == 403
    refused = [
        post(client, f"/en/posts/{discussion.id}/hide"),
        post(client, f"/en/posts/{discussion.id}/edit", {"body": "Rewritten by a moderator"}),
        post(client, f"/en/posts/{discussion.id}/delete"),
        post(client, f"/en/rooms/{ROOM}/topics/{topic.id}/lock"),
        post(client, f"/en/rooms/{ROOM}/topics/{topic.id}/pin"),
        post(client, f"/en/rooms/{ROOM}/topics/{topic.id}/move", {"room": "labour-migration"}),
        post(
            client,
            f"/en/people/{target.id}/suspend",
            {"until": UNTIL.date().isoformat(), "suspend": "y"},
        ),
    ]
    for response in refused:
        assert response.status_code == 403 and reason() in response.get_data(as_text=True)
    db.session.expire_all()
    assert discussion.hidden_at is None and discussion.deleted_at is None
    assert discussion.body_source == "Opening words"
    assert topic.locked_at is None and topic.pinned_at is None and topic.room.slug == ROOM
    assert not target.is_suspended


def test_a_suspended_moderator_sees_hidden_posts_as_members_do(client, auth, member, discussion):
    auth.login(member(role="moderator"))
    post(client, f"/en/posts/{discussion.id}/hide")
    auth.logout()
    moderator = member(role="moderator")
    suspend_moderator(client, auth, member, moderator)
    auth.login(moderator)
    page = client.get(f"/en/rooms/{ROOM}/topics/{discussion.topic_id}").get_data(as_text=True)
    assert "Opening words" not in page and "A moderator has hidden this post." in page


def test_only_an_admin_lifts_a_suspended_moderators_suspension(client, auth, member):
    suspended_moderator = member(role="moderator")
    suspend_moderator(client, auth, member, suspended_moderator)
    auth.login(member(role="moderator"))
    response = post(client, f"/en/people/{suspended_moderator.id}/suspend", {"lift": "y"})
    assert response.status_code == 403
    db.session.expire_all()
    assert suspended_moderator.is_suspended


def test_a_suspended_admin_changes_no_roles_and_opens_no_rooms(client, auth, member):
    admin = member(role="admin")
    auth.login(member(role="admin"))
    form = {"until": UNTIL.date().isoformat(), "suspend": "y"}
    post(client, f"/en/people/{admin.id}/suspend", form)
    auth.logout()
    someone = member()
    auth.login(admin)
    assert post(client, f"/en/people/{someone.id}/role", {"role": "admin"}).status_code == 403
    assert client.get("/en/rooms/new").status_code == 403
    db.session.expire_all()
    assert someone.role == "member"


def test_a_suspended_member_changes_nothing_others_see(
    client, auth, member, make_user, suspended, discussion, academy
):
    person = member(display_name="Troublemaker", bio="Before")
    stranger = make_user(display_name="Stranger")
    auth.login(person)
    group = post(client, "/en/messages/groups", {"title": "Before the suspension"})
    group_id = int(group.headers["Location"].split("/")[3])
    person.suspended_until = UNTIL
    db.session.commit()

    def members() -> int:
        query = select(func.count()).where(ConversationMember.conversation_id == group_id)
        return db.session.scalar(query)

    refused = [
        post(
            client,
            "/en/account/",
            {
                "display_name": "New name",
                "bio": "New bio",
                "country": "KE",
                "organisation": "Somewhere",
                "constituency": "government",
                "languages": "en",
                "locale": "en",
                "time_zone": "UTC",
            },
        ),
        post(client, "/en/messages/groups", {"title": "Another group"}),
        post(client, f"/en/messages/{group_id}/people/{stranger.id}"),
        post(client, f"/en/posts/{discussion.id}/report", {"reason": "I do not like it"}),
        post(client, f"/en/posts/{discussion.id}/react/thanks"),
        post(client, "/en/academy/sstc-2016/enrol"),
        post(client, "/en/academy/sstc-2016/follow"),
        post(client, f"/en/drafts/reply/{discussion.id}", {"body": "Kept for later"}),
        answer(client, discussion.id, "Let me in"),
        open_topic(client, title="New topic from suspended"),
        post(client, f"/en/messages/with/{stranger.id}"),
        post(client, f"/en/rooms/{ROOM}/chat", {"body": "Hello", "language": "en"}),
    ]
    for response in refused:
        assert response.status_code == 403 and reason() in response.get_data(as_text=True)
    db.session.expire_all()
    assert (person.display_name, person.bio) == ("Troublemaker", "Before")
    groups = db.session.scalar(select(func.count()).select_from(Conversation))
    assert groups == 1 and members() == 1
    for model in (PostReport, PostReaction, Draft, ChatMessage, Enrolment):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0, model
    assert db.session.scalar(select(func.count()).select_from(Post)) == 1
    assert db.session.scalar(select(func.count()).select_from(Topic)) == 1


def test_a_suspended_member_still_reads_and_looks_after_their_account(
    client, auth, suspended, discussion
):
    person = suspended()
    auth.login(person)
    topic_page = client.get(f"/en/rooms/{ROOM}/topics/{discussion.topic_id}")
    assert topic_page.status_code == 200 and "Opening words" in topic_page.get_data(as_text=True)
    assert client.get("/en/account/export.json").status_code == 200
    quiet = {event: "off" for event in EVENTS} | {"digest": ""}
    settings = post(client, "/en/notifications/settings", quiet)
    assert settings.status_code == 302
    assert post(client, "/en/notifications/read").status_code == 302
    changed = post(
        client,
        "/en/account/password",
        {
            "current_password": "correct horse battery",
            "password": "a brand new passphrase",
            "confirm": "a brand new passphrase",
        },
    )
    assert changed.status_code == 302 and "/auth/login" in changed.headers["Location"]
    assert auth.login(person, "a brand new passphrase").status_code == 302
    form = {"password": "a brand new passphrase", "confirm": "y"}
    deleted = post(client, "/en/account/delete", form)
    assert deleted.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, person.id).is_deleted


@pytest.fixture
def connect(app):
    """A live connection for `user`, signed in through the HTTP sign-in form."""
    opened = []

    def make(user):
        http = app.test_client()
        AuthActions(http).login(user)
        sock = socketio.test_client(app, flask_test_client=http)
        opened.append(sock)
        return sock

    yield make
    for sock in opened:
        if sock.is_connected():
            sock.disconnect()


def test_a_suspended_member_sends_nothing_over_the_live_connection(connect, member, rooms):
    channel = chat_services.room_channel(rooms[ROOM])
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    a, k = connect(amina), connect(kwame)
    for sock in (a, k):
        assert sock.emit("open", {"conversation_id": channel.id}, callback=True)["ok"]
    mine = send(a, channel.id, "Before the suspension", "b1")["message"]["id"]
    theirs = send(k, channel.id, "Kwame's words", "k1")["message"]["id"]
    amina.suspended_until = UNTIL
    db.session.commit()
    for sock in (a, k):
        sock.get_received()

    attempts = {
        "typing": {"conversation_id": channel.id},
        "send": {"conversation_id": channel.id, "body": "x", "client_id": "s1", "language": "en"},
        "edit": {"message_id": mine, "body": "Rewritten"},
        "delete": {"message_id": mine},
    }
    for event, data in attempts.items():
        assert a.emit(event, data, callback=True) == {"ok": False, "error": reason()}, event
    assert k.get_received() == []  # no typing notice, no message, no change
    for event, data in {
        "open": {"conversation_id": channel.id},
        "history": {"conversation_id": channel.id, "before_id": theirs + 1},
        "read": {"conversation_id": channel.id, "up_to_id": theirs},
        "here": {"conversation_id": channel.id},
    }.items():
        assert a.emit(event, data, callback=True)["ok"], event
    db.session.expire_all()
    message = db.session.get(ChatMessage, mine)
    assert message.body_source == "Before the suspension" and message.deleted_at is None
    assert db.session.scalar(select(func.count()).select_from(ChatMessage)) == 2


def test_a_suspended_moderator_deletes_nobodys_chat_message(connect, member, rooms):
    channel = chat_services.room_channel(rooms[ROOM])
    moderator, kwame = member(role="moderator"), member()
    k = connect(kwame)
    theirs = send(k, channel.id, "Kwame's words", "k1")["message"]["id"]
    moderator.suspended_until = UNTIL
    db.session.commit()
    m = connect(moderator)
    reply = m.emit("delete", {"message_id": theirs}, callback=True)
    assert reply == {"ok": False, "error": reason()}
    db.session.expire_all()
    assert db.session.get(ChatMessage, theirs).deleted_at is None


@pytest.mark.parametrize("event", sorted({name for name, _h, _ns in socketio.handlers}))
def test_every_socket_event_reads_or_refuses_the_suspended(connect, member, rooms, event):
    """The live counterpart of the address walk: a new event must decide."""
    if event in READING_EVENTS:
        return
    channel = chat_services.room_channel(rooms[ROOM])
    person = member()
    sock = connect(person)
    mine = send(sock, channel.id, "Mine", "m1")["message"]["id"]
    person.suspended_until = UNTIL
    db.session.commit()
    data = {
        "conversation_id": channel.id,
        "message_id": mine,
        "body": "Changed",
        "client_id": "m2",
        "language": "en",
        "up_to_id": mine,
    }
    assert sock.emit(event, data, callback=True) == {"ok": False, "error": reason()}
