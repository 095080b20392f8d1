"""Command-line tasks: creating an admin, seeding rooms and the demo community."""

from sqlalchemy import func, select

from meetingpoint.accounts.models import User
from meetingpoint.extensions import db
from meetingpoint.rooms.models import Room, RoomMembership


def test_create_admin_then_sign_in_and_administer(runner, client, rooms):
    result = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            "Boss@Example.org",
            "--name",
            "Site Admin",
            "--password",
            "a strong password",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Created admin boss@example.org" in result.output
    from support.web import post

    post(client, "/en/auth/login", {"email": "boss@example.org", "password": "a strong password"})
    assert client.get("/en/rooms/new").status_code == 200


def test_create_admin_promotes_an_existing_account(runner, make_user):
    user = make_user(email="member@example.org")
    result = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            "member@example.org",
            "--name",
            "x",
            "--password",
            "irrelevant1",
        ]
    )
    assert "Promoted" in result.output
    db.session.refresh(user)
    assert user.is_admin


def test_create_admin_refuses_bad_input(runner, app):
    result = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            "not-an-email",
            "--name",
            "x",
            "--password",
            "long enough pw",
        ]
    )
    assert result.exit_code != 0 and "Not a valid email" in result.output
    result = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            "a@example.org",
            "--name",
            "x",
            "--password",
            "short",
        ]
    )
    assert result.exit_code != 0
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_set_role(runner, make_user):
    user = make_user(email="mod@example.org")
    result = runner.invoke(args=["users", "set-role", "mod@example.org", "moderator"])
    assert result.exit_code == 0
    db.session.refresh(user)
    assert user.is_moderator and not user.is_admin


def test_seed_rooms_is_idempotent(runner, app):
    assert "11 created" in runner.invoke(args=["seed", "rooms"]).output
    assert "0 created" in runner.invoke(args=["seed", "rooms"]).output


def test_demo_community(runner, client, app):
    result = runner.invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    users = list(db.session.scalars(select(User)))
    assert len(users) >= 25
    assert len({u.country for u in users}) >= 20
    assert len({u.constituency for u in users}) >= 6
    assert {u.locale for u in users} == {"en", "es", "fr", "pt"}
    assert db.session.scalar(select(func.count()).select_from(RoomMembership)) >= 40
    # Every room has someone in it, so a newcomer sees the place alive.
    for room in db.session.scalars(select(Room)):
        count = db.session.scalar(
            select(func.count())
            .select_from(RoomMembership)
            .where(RoomMembership.room_id == room.id)
        )
        assert count >= 2, room.slug
    assert "0 participants created" in runner.invoke(args=["seed", "demo"]).output
    from support.web import post

    demo = next(u for u in users if u.display_name == "Amina Diallo")
    response = post(
        client, "/en/auth/login", {"email": demo.email, "password": "meetingpoint-demo"}
    )
    assert response.headers["Location"] == "/fr/"


def test_demo_discussions(runner, client, app):
    from meetingpoint.forums.models import Post, Topic

    result = runner.invoke(args=["seed", "demo"])
    assert "5 discussions opened" in result.output, result.output
    assert db.session.scalar(select(func.count()).select_from(Topic)) == 5
    languages = set(db.session.scalars(select(Post.language)))
    assert languages == {"en", "es", "fr", "pt"}
    assert db.session.scalar(select(func.max(Post.depth))) >= 2
    assert "0 discussions opened" in runner.invoke(args=["seed", "demo"]).output
    page = client.get("/en/search?q=cooperativas").get_data(as_text=True)
    assert "Cooperativas de catadores" in page


def test_demo_library(runner, client, app):
    result = runner.invoke(args=["seed", "demo"])
    assert "3 library links shared" in result.output, result.output
    page = client.get("/en/library/?room=south-south-sdgs").get_data(as_text=True)
    assert "South-South Galaxy" in page and "Organisation internationale du Travail" not in page
    assert "0 library links shared" in runner.invoke(args=["seed", "demo"]).output
