"""Bad input gets a clear, translated error and changes nothing; hostile text is escaped."""

import pytest
from sqlalchemy import func, select
from support.accounts import PROFILE, SIGNUP
from support.forum import open_topic
from support.web import post

from meetingpoint.accounts.models import User
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic

SCRIPT = '<script>alert("x")</script><b>bold</b>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"


def user_count():
    return db.session.scalar(select(func.count()).select_from(User))


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"email": ""}, "This field is required."),
        ({"email": "not-an-email"}, "Please enter a valid email address."),
        ({"email": "a" * 250 + "@example.org"}, "Please use at most 254 characters."),
        ({"display_name": "   "}, "This field is required."),
        ({"display_name": "x" * 81}, "Please use at most 80 characters."),
        ({"organisation": "x" * 161}, "Please use at most 160 characters."),
        ({"bio": "x" * 2001}, "Please use at most 2000 characters."),
        ({"password": "short", "confirm": "short"}, "Use between 10 and 200 characters."),
        ({"confirm": "something else entirely"}, "The passwords do not match."),
        ({"country": "XX"}, "Not a valid choice"),
        ({"country": ""}, "This field is required."),
        ({"constituency": "aliens"}, "Not a valid choice"),
        ({"languages": []}, "This field is required."),
        ({"languages": ["klingon"]}, "not a valid choice"),
        ({"time_zone": "Mars/Olympus_Mons"}, "Not a valid choice"),
    ],
)
def test_bad_sign_up_is_refused(client, outbox, changes, message):
    response = post(client, "/en/auth/register", {**SIGNUP, **changes})
    assert response.status_code == 200
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert message in page
    assert "Please correct the fields marked below." in page
    assert user_count() == 0 and outbox() == []


def test_errors_are_translated(client):
    response = post(client, "/es/auth/register", {**SIGNUP, "email": "nope", "display_name": ""})
    page = response.get_data(as_text=True)
    assert "Introduzca una dirección de correo electrónico válida." in page
    assert "Este campo es obligatorio." in page
    assert "Corrija los campos marcados a continuación." in page


def test_duplicate_email_makes_no_second_account(client, make_user):
    make_user(email="taken@example.org")
    response = post(client, "/en/auth/register", {**SIGNUP, "email": "TAKEN@example.org "})
    assert "Check your email" in response.get_data(as_text=True)  # told apart nowhere
    assert user_count() == 1


def test_typed_in_form_is_kept_after_an_error(client):
    response = post(client, "/en/auth/register", {**SIGNUP, "confirm": "different passphrase"})
    page = response.get_data(as_text=True)
    assert 'value="Amina Diallo"' in page
    assert "Inspectrice du travail." in page


@pytest.mark.parametrize(
    "url, data",
    [
        ("/en/auth/register", SIGNUP),
        ("/en/auth/login", {"email": "a@example.org", "password": "whatever!!"}),
        ("/en/auth/reset", {"email": "a@example.org"}),
    ],
)
def test_missing_csrf_token_is_refused(client, outbox, url, data):
    response = client.post(url, data=data)
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    assert user_count() == 0 and outbox() == []


def test_missing_csrf_token_on_member_actions(client, auth, make_user, rooms):
    user = make_user()
    auth.login(user)
    response = client.post("/fr/rooms/social-dialogue/join")
    assert response.status_code == 400
    assert "Ce formulaire a expiré" in response.get_data(as_text=True)
    response = client.post(
        "/en/account/delete", data={"password": "correct horse battery", "confirm": "y"}
    )
    assert response.status_code == 400
    assert db.session.get(User, user.id).deleted_at is None


def test_html_in_every_profile_field_is_shown_escaped(client, auth, make_user, rooms):
    viewer = make_user()
    response = post(
        client,
        "/en/auth/register",
        {**SIGNUP, "display_name": SCRIPT[:80], "organisation": SCRIPT, "bio": SCRIPT},
    )
    assert response.status_code == 200
    user = db.session.scalar(select(User).where(User.email == "amina.diallo@example.org"))
    assert user.organisation == SCRIPT  # stored as written: nothing a user wrote is lost
    user.email_verified_at = viewer.email_verified_at
    db.session.commit()
    db.session.add(
        __import__("meetingpoint.rooms.models", fromlist=["RoomMembership"]).RoomMembership(
            room_id=rooms["social-dialogue"].id, user_id=user.id
        )
    )
    db.session.commit()
    auth.login(viewer)
    for url in [f"/en/people/{user.id}", "/en/people/", "/en/rooms/social-dialogue/"]:
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<b>bold" not in page
        assert "&lt;script&gt;" in page


def test_html_in_room_texts_is_shown_escaped(client, auth, make_user, rooms):
    auth.login(make_user(role="admin"))
    post(
        client,
        "/en/rooms/social-dialogue/edit",
        {"slug": "social-dialogue", "position": "1", "name_en": SCRIPT, "description_en": SCRIPT},
    )
    for url in ["/en/rooms/social-dialogue/", "/en/rooms/", "/en/"]:
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and ESCAPED in page


def test_html_in_search_is_shown_escaped(client, auth, make_user):
    auth.login(make_user())
    page = client.get("/en/people/?q=%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in page


def test_oversized_search_is_ignored_not_an_error(client, auth, make_user):
    auth.login(make_user(display_name="Findable Person"))
    response = client.get("/en/people/?q=" + "x" * 5000)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Findable Person" in page
    assert "Please use at most 100 characters." in page


def test_choices_are_kept_after_an_error(client):
    response = post(client, "/en/auth/register", {**SIGNUP, "confirm": "different passphrase"})
    page = response.get_data(as_text=True)
    assert '<option value="SN" selected>Senegal</option>' in page
    assert '<option value="Africa/Dakar" selected>Africa/Dakar</option>' in page


HUGE = "99999999999999999999999"  # past 64 bits: no engine takes it


@pytest.mark.parametrize(
    "url",
    [
        f"/en/posts/{HUGE}",
        f"/en/posts/{2**63}",
        f"/en/posts/{2**31}",  # ids are PostgreSQL integers: 32 bits
        "/en/posts/0",
        f"/en/rooms/social-dialogue/topics/{HUGE}",
        f"/en/news/{HUGE}",
        f"/en/library/{HUGE}",
        f"/en/messages/{2**63}",
        f"/en/people/{2**31}",
        "/en/rooms/social%00dialogue/",  # a control character names nothing
    ],
)
def test_ids_out_of_range_are_not_found(client, auth, make_user, rooms, url):
    auth.login(make_user())
    response = client.get(url)
    assert response.status_code == 404
    assert "There is nothing at this address." in response.get_data(as_text=True)


@pytest.mark.parametrize("page", [HUGE, str(2**31), "-3", "%C2%B2"])
@pytest.mark.parametrize(
    "path", ["/en/news/", "/en/library/", "/en/people/", "/en/search?q=work&", "/en/rooms/"]
)
def test_page_numbers_out_of_range_show_the_list(client, auth, make_user, rooms, path, page):
    auth.login(make_user())
    separator = "" if path.endswith("&") else "?"
    assert client.get(f"{path}{separator}page={page}").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        f"rooms/social-dialogue/chat?before={HUGE}",
        f"rooms/social-dialogue/chat?after={2**63}",
        "rooms/social-dialogue/chat?after=-1",
        "rooms/social-dialogue/chat?date=9999-12-31",
        "rooms/social-dialogue/chat?date=0001-01-01",
        f"rooms/social-dialogue/topics/TOPIC?from={HUGE}&page={HUGE}",
    ],
)
def test_positions_out_of_range_show_the_conversation(client, auth, member, query):
    auth.login(member())
    open_topic(client)
    topic = db.session.scalar(select(Topic))
    assert client.get(f"/en/{query.replace('TOPIC', str(topic.id))}").status_code == 200


def test_search_dates_beyond_the_calendar_are_ignored(client, auth, member):
    auth.login(member())
    open_topic(client, title="Tripartite councils", body="Wage boards in practice")
    for dates in ["until=9999-12-31", "since=0001-01-01", "since=1-1-1&until=99999-01-01"]:
        response = client.get(f"/en/search?q=wage&{dates}")
        assert response.status_code == 200
        assert "Tripartite councils" in response.get_data(as_text=True)


def test_a_suspension_beyond_the_calendar_is_refused(client, auth, make_user):
    auth.login(make_user(role="admin"))
    person = make_user()
    response = post(
        client,
        f"/en/people/{person.id}/suspend",
        {"until": "9999-12-31", "suspend": "y"},
        follow_redirects=True,
    )
    assert "Please give a date between Jan 1, 1900 and Dec 31, 9998." in response.get_data(
        as_text=True
    )
    assert db.session.get(User, person.id).suspended_until is None


def test_control_characters_are_taken_out_of_forms(client, auth, member):
    """Invisible characters pasted with text are dropped, the text kept: PostgreSQL refuses
    NUL, and XML (the Atom feeds) every C0 control but tab and newline."""

    user = member()
    auth.login(user)
    response = open_topic(
        client, title="Tri\x00partite\x1b councils", body="How\x0b do\tyours\x00 work?"
    )
    assert response.status_code == 302
    topic = db.session.scalar(select(Topic))
    assert topic.title == "Tripartite councils"
    assert db.session.scalar(select(Post.body_source)) == "How do\tyours work?"
    post(
        client, "/en/account/", {**PROFILE, "display_name": "Kwame\x00 Mensah", "bio": "A\x07 bell"}
    )
    db.session.refresh(user)
    assert (user.display_name, user.bio) == ("Kwame Mensah", "A bell")
    page = client.get("/en/people/?q=%00Kwame%01").get_data(as_text=True)
    assert "Kwame Mensah" in page
