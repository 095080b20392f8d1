"""A participant's own profile, password, data export and account deletion."""

import json

import pytest
from sqlalchemy import func, select
from support.accounts import PROFILE
from support.settings import PASSWORD
from support.web import post

from meetingpoint.accounts.models import User
from meetingpoint.extensions import db
from meetingpoint.rooms.models import RoomMembership


def test_edit_profile(client, auth, make_user):
    user = make_user()
    auth.login(user)
    response = post(client, "/en/account/", PROFILE)
    assert response.headers["Location"] == "/en/account/"
    db.session.refresh(user)
    assert (user.display_name, user.country, user.constituency) == ("Kwame Mensah", "GH", "workers")
    assert user.language_codes == ["ak", "en"]
    page = client.get(f"/en/people/{user.id}").get_data(as_text=True)
    assert "Ghana" in page and "Organiser for domestic workers." in page and "Akan" in page


def test_changing_interface_language_follows_it(client, auth, make_user):
    user = make_user()
    auth.login(user)
    response = post(client, "/en/account/", {**PROFILE, "locale": "es"})
    assert response.headers["Location"] == "/es/account/"


def test_change_password(client, auth, make_user):
    user = make_user()
    auth.login(user)
    wrong = post(
        client,
        "/en/account/password",
        {
            "current_password": "nope nope nope",
            "password": "new password 123",
            "confirm": "new password 123",
        },
    )
    assert "Your current password is not correct." in wrong.get_data(as_text=True)
    right = post(
        client,
        "/en/account/password",
        {
            "current_password": PASSWORD,
            "password": "new password 123",
            "confirm": "new password 123",
        },
    )
    assert right.headers["Location"] == "/en/auth/login"
    assert auth.login(user.email, "new password 123").status_code == 302


def test_download_my_data(client, auth, make_user, rooms):
    user = make_user(display_name="Priya Raman", languages=["en", "hi"])
    auth.login(user)
    post(client, "/en/rooms/social-protection/join")
    response = client.get("/en/account/export.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == user.email
    assert data["account"]["languages"] == ["en", "hi"]
    assert [r["room"] for r in data["rooms"]] == ["social-protection"]
    assert "password" not in json.dumps(data)


def test_delete_account(client, auth, make_user, rooms):
    user = make_user(display_name="Thabo Nkosi")
    user_id, email = user.id, user.email
    viewer = make_user()
    auth.login(user)
    post(client, "/en/rooms/social-dialogue/join")

    refused = post(client, "/en/account/delete", {"password": "wrong password", "confirm": "y"})
    assert refused.status_code == 400
    assert "Your password is not correct." in refused.get_data(as_text=True)
    assert db.session.get(User, user_id).deleted_at is None

    response = post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    assert response.headers["Location"] == "/en/"
    db.session.expire_all()
    gone = db.session.get(User, user_id)
    assert gone.is_deleted and gone.email is None and gone.display_name == ""
    assert db.session.scalar(select(func.count()).select_from(RoomMembership)) == 0
    assert auth.login(email).status_code == 200  # cannot sign in any more

    auth.login(viewer)
    assert client.get(f"/en/people/{user_id}").status_code == 404
    assert "Thabo Nkosi" not in client.get("/en/people/").get_data(as_text=True)


def test_delete_needs_the_confirmation_box(client, auth, make_user):
    user = make_user()
    auth.login(user)
    response = post(client, "/en/account/delete", {"password": PASSWORD})
    assert response.status_code == 400
    assert db.session.get(User, user.id).deleted_at is None


def test_deleted_address_can_sign_up_again(client, auth, make_user):
    user = make_user(email="again@example.org")
    auth.login(user)
    post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    from support.accounts import SIGNUP

    response = post(client, "/en/auth/register", {**SIGNUP, "email": "again@example.org"})
    assert "Check your email" in response.get_data(as_text=True)


def test_former_participant_label(app, make_user):
    from meetingpoint.templating import person_name

    user = make_user(display_name="Someone")
    assert person_name(user) == "Someone"
    user.deleted_at = user.created_at
    assert person_name(user) == "Former participant"


def test_deleting_an_account_keeps_or_removes_forum_posts(client, auth, member, app):
    from support.forum import last, open_topic

    from meetingpoint.forums.models import Post

    keeper = member(display_name="Keeper")
    auth.login(keeper)
    open_topic(client, title="Kept topic", body="Words that stay")
    kept = last(Post)
    data = client.get("/en/account/export.json").get_json()
    assert data["forum_posts"][0]["text"] == "Words that stay"
    post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    page = client.get(f"/en/rooms/social-dialogue/topics/{kept.topic_id}").get_data(as_text=True)
    assert "Words that stay" in page and "Former participant" in page and "Keeper" not in page

    remover = member(display_name="Remover")
    auth.login(remover)
    open_topic(client, title="Erased topic", body="Words that go")
    erased = last(Post)
    post(
        client, "/en/account/delete", {"password": PASSWORD, "confirm": "y", "remove_content": "y"}
    )
    page = client.get(f"/en/rooms/social-dialogue/topics/{erased.topic_id}").get_data(as_text=True)
    assert "Words that go" not in page and "This post was deleted." in page
    db.session.expire_all()
    assert db.session.get(Post, erased.id).body_source == ""


@pytest.mark.parametrize(
    "path",
    ["/en/account/", "/en/account/export.json", "/en/account/privacy", "/en/account/password",
     "/en/notifications/settings", "/en/notifications/", "/en/messages/", "/en/no-such-page"],
)  # fmt: skip
def test_responses_to_a_signed_in_reader_are_never_stored(client, auth, make_user, rooms, path):
    # The reading pages (home, a room, a topic) are kept and checked: test_revalidation.py.
    auth.login(make_user())
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert response.headers["Cache-Control"] == "no-store"


def test_visitors_pages_and_static_files_stay_cacheable(app, client, auth, make_user, rooms):
    from meetingpoint.pagecache.pages import HEADER

    reader = make_user()
    visitor, room = app.test_client(), "/en/rooms/social-dialogue/"
    first, again = visitor.get(room), visitor.get(room)
    assert (first.headers[HEADER], again.headers[HEADER]) == ("miss", "hit")
    assert "no-store" not in again.headers.get("Cache-Control", "")
    auth.login(reader)
    mine = client.get(room)
    assert HEADER not in mine.headers and mine.headers["Cache-Control"] == "private, no-cache"
    with client.get("/static/css/site.css") as stylesheet:
        assert "no-store" not in stylesheet.headers.get("Cache-Control", "")
    assert visitor.get(room).headers[HEADER] == "hit"  # the visitors' kept page is still there
