"""The moderation log: every moderation action is recorded with the action itself, and
only moderators and admins read it, paged and filtered by action."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from support.chat_form import send
from support.forum import ROOM, answer, last, open_topic
from support.web import post

from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, PostReport
from meetingpoint.moderation_log import services
from meetingpoint.moderation_log.models import ModerationAction


def logged() -> list[tuple]:
    db.session.expire_all()
    query = select(ModerationAction).order_by(ModerationAction.id)
    return [
        (row.actor_id, row.action, row.target_kind, row.target_id, row.subject_id, row.detail)
        for row in db.session.scalars(query)
    ]


def as_(client, auth, user):
    auth.logout()
    auth.login(user)


def test_each_moderation_action_is_logged_with_who_what_whose_and_when(
    client, auth, member, make_user, rooms
):
    author = member(display_name="Author")
    auth.login(author)
    open_topic(client, title="Councils", body="Opening words")
    opening = last(Post)
    topic = opening.topic
    answer(client, opening.id, "My own reply")
    own = last(Post)
    post(client, f"/en/posts/{own.id}/edit", {"body": "My own reply, edited", "submit": "Save"})
    post(client, f"/en/posts/{own.id}/delete")
    send(client, f"/en/rooms/{ROOM}/chat", "Something rude")
    message = db.session.scalar(select(ChatMessage))
    assert logged() == []  # authors changing their own writing is not moderation
    as_(client, auth, member())
    post(client, f"/en/posts/{opening.id}/report", {"reason": "Spam"})
    report = last(PostReport)

    moderator = member(role="moderator", display_name="Mod")
    as_(client, auth, moderator)
    url = f"/en/rooms/{ROOM}/topics/{topic.id}"
    for action in ("pin", "lock", "close", "pin"):
        post(client, f"{url}/{action}")
    post(client, f"/en/moderation/reports/{report.id}/dismiss")
    post(client, f"/en/moderation/reports/{report.id}/dismiss")  # already done: not again
    post(client, f"/en/posts/{opening.id}/hide")
    post(client, f"/en/posts/{opening.id}/hide")
    post(client, f"/en/posts/{opening.id}/edit", {"body": "Tidied words", "submit": "Save"})
    post(client, f"{url}/move", {"room": "labour-migration"})
    post(client, f"/en/messages/delete/{message.id}")
    until = datetime.now(UTC).date() + timedelta(days=7)
    post(client, f"/en/people/{author.id}/suspend", {"until": until.isoformat(), "suspend": "y"})
    post(client, f"/en/people/{author.id}/suspend", {"lift": "y"})
    past = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    post(client, f"/en/people/{author.id}/suspend", {"until": past, "suspend": "y"})  # refused

    admin = make_user(role="admin")
    as_(client, auth, admin)
    post(client, f"/en/people/{author.id}/role", {"role": "moderator"})
    post(client, f"/en/posts/{opening.id}/delete")

    m, a, who = moderator.id, admin.id, author.id
    assert logged() == [
        (m, "pin", "topic", topic.id, who, "Councils"),
        (m, "lock", "topic", topic.id, who, "Councils"),
        (m, "close", "topic", topic.id, who, "Councils"),
        (m, "unpin", "topic", topic.id, who, "Councils"),
        (m, "dismiss_report", "post", opening.id, who, ""),
        (m, "hide", "post", opening.id, who, ""),
        (m, "unhide", "post", opening.id, who, ""),
        (m, "edit", "post", opening.id, who, ""),
        (m, "move", "topic", topic.id, who, "social-dialogue → labour-migration"),
        (m, "delete_message", "message", message.id, who, ""),
        (m, "suspend", "user", who, who, until.isoformat()),
        (m, "unsuspend", "user", who, who, ""),
        (a, "role", "user", who, who, "member → moderator"),
        (a, "delete", "post", opening.id, who, ""),
    ]
    page = client.get("/en/moderation/log").get_data(as_text=True)
    assert "14 actions" in page
    entries = page.split('class="log-entries"')[1]
    assert entries.index("Deleted someone else") < entries.index("Pinned a topic")
    assert "social-dialogue → labour-migration" in page and "member → moderator" in page
    assert f'href="/en/rooms/labour-migration/topics/{topic.id}">Councils</a>' in page
    assert "written by Author" in page
    queue = client.get("/en/moderation/").get_data(as_text=True)
    assert 'href="/en/moderation/log"' in queue


def test_approving_a_held_post_is_logged(app, client, auth, member):
    app.config["FORUM_HOLD_FIRST_POSTS"] = 1
    newcomer = member()
    auth.login(newcomer)
    open_topic(client, body="Hello everyone")
    held = last(Post)
    as_(client, auth, member(role="moderator"))
    post(client, f"/en/posts/{held.id}/approve", {"back": "queue"})
    actions = [row[1] for row in logged()]
    assert actions == ["approve"]


def test_the_log_is_paged_and_filtered_by_action(client, auth, member):
    moderator = member(role="moderator")
    people = [member(display_name=f"P{n}") for n in range(3)]
    for n in range(services.PER_PAGE + 2):
        services.record(moderator, "suspend", "user", people[n % 3].id, people[n % 3].id)
    services.record(moderator, "role", "user", people[0].id, people[0].id, "member → admin")
    db.session.commit()
    auth.login(moderator)
    first = client.get("/en/moderation/log").get_data(as_text=True)
    assert "Page 1 of 2" in first and "member → admin" in first
    second = client.get("/en/moderation/log?page=2").get_data(as_text=True)
    assert "member → admin" not in second and "Suspended a participant" in second
    only_roles = client.get("/en/moderation/log?action=role").get_data(as_text=True)
    assert "1 action" in only_roles and "member → admin" in only_roles
    assert '<option value="role" selected>' in only_roles
    unknown = client.get("/en/moderation/log?action=delete_everything")
    assert unknown.status_code == 400 and "Unknown action." in unknown.get_data(as_text=True)


def test_members_and_visitors_cannot_read_the_log(client, auth, member):
    assert client.get("/en/moderation/log").headers["Location"].startswith("/en/auth/login")
    auth.login(member())
    assert client.get("/en/moderation/log").status_code == 403


def test_role_changes_at_the_command_line_are_logged_without_an_actor(
    runner, client, auth, make_user
):
    person = make_user(email="mod@example.org", display_name="Mod To Be")
    runner.invoke(args=["users", "set-role", "mod@example.org", "moderator"])
    runner.invoke(args=["users", "set-role", "mod@example.org", "moderator"])  # no change
    assert logged() == [(None, "role", "user", person.id, person.id, "member → moderator")]
    auth.login(person)
    page = client.get("/en/moderation/log").get_data(as_text=True)
    assert "An operator, at the command line" in page and "member → moderator" in page
