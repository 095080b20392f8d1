"""The people directory, profile pages and the "people to meet" suggestions."""

import pytest
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.rooms.models import RoomMembership


@pytest.fixture
def community(make_user, rooms):
    people = {
        "amina": make_user(
            display_name="Amina Diallo",
            country="SN",
            constituency="government",
            organisation="Ministère du Travail",
            languages=["fr", "wo"],
        ),
        "kwame": make_user(
            display_name="Kwame Mensah",
            country="GH",
            constituency="workers",
            organisation="Ghana TUC",
            languages=["en"],
        ),
        "omar": make_user(
            display_name="Omar Haddad",
            country="JO",
            constituency="government",
            organisation="Ministry of Labour",
            languages=["ar", "en"],
        ),
        "lucia": make_user(
            display_name="Lucía Fernández",
            country="AR",
            constituency="academia",
            organisation="Universidad 100%_real",
            languages=["es", "en", "pt"],
        ),
    }
    memberships = {
        "amina": ["social-dialogue"],
        "kwame": ["social-dialogue", "labour-migration"],
        "omar": ["labour-migration"],
        "lucia": ["social-protection"],
    }
    for key, slugs in memberships.items():
        for slug in slugs:
            db.session.add(RoomMembership(room_id=rooms[slug].id, user_id=people[key].id))
    db.session.commit()
    return people


def names_on(client, url):
    page = client.get(url).get_data(as_text=True)
    assert "Not a valid choice" not in page  # absent or unknown filters are not errors
    return {
        n for n in ["Amina Diallo", "Kwame Mensah", "Omar Haddad", "Lucía Fernández"] if n in page
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Amina Diallo", "Kwame Mensah", "Omar Haddad", "Lucía Fernández"}),
        ("q=kwame", {"Kwame Mensah"}),
        ("q=MINISTRY", {"Omar Haddad"}),
        ("q=100%25_", {"Lucía Fernández"}),
        ("q=%25", {"Lucía Fernández"}),
        ("country=SN", {"Amina Diallo"}),
        ("region=africa", {"Amina Diallo", "Kwame Mensah"}),
        ("region=arab-states", {"Omar Haddad"}),
        ("region=americas&constituency=academia", {"Lucía Fernández"}),
        ("constituency=government", {"Amina Diallo", "Omar Haddad"}),
        ("language=fr", {"Amina Diallo"}),
        ("language=en&region=africa", {"Kwame Mensah"}),
        ("room=labour-migration", {"Kwame Mensah", "Omar Haddad"}),
        ("country=ZZ", {"Amina Diallo", "Kwame Mensah", "Omar Haddad", "Lucía Fernández"}),
    ],
)
def test_directory_filters(client, auth, community, make_user, query, expected):
    auth.login(make_user(display_name="Viewer", country="FR", languages=["xx"]))
    assert names_on(client, f"/en/people/?{query}") == expected


def test_directory_paginates(client, auth, make_user, app):
    app.config["PEOPLE_PER_PAGE"] = 3
    people = [make_user(display_name=f"Member {n:02d}") for n in range(7)]
    auth.login(people[0])
    first = client.get("/en/people/").get_data(as_text=True)
    assert "Page 1 of 3" in first and "Member 02" in first and "Member 03" not in first
    assert 'rel="next" href="/en/people/?page=2"' in first
    last = client.get("/en/people/?page=3").get_data(as_text=True)
    assert "Member 06" in last and 'rel="prev"' in last
    assert "No one matches" in client.get("/en/people/?page=99").get_data(as_text=True)


def test_profile_page(client, auth, community):
    auth.login(community["kwame"])
    page = client.get(f"/fr/people/{community['amina'].id}").get_data(as_text=True)
    assert "Amina Diallo" in page and "Sénégal" in page and "Afrique" in page
    assert "Gouvernement" in page and "wolof" in page.lower()
    assert "Dialogue social" in page


def test_unconfirmed_people_are_not_listed(client, auth, make_user, community):
    hidden = make_user(display_name="Not Confirmed Yet", email_verified_at=None)
    auth.login(community["kwame"])
    assert "Not Confirmed Yet" not in client.get("/en/people/").get_data(as_text=True)
    assert client.get(f"/en/people/{hidden.id}").status_code == 404


def test_people_to_meet_share_a_room_and_a_language_but_not_a_country(
    client, auth, community, make_user
):
    # Same country as Kwame, same room, same language: not suggested (they can meet at home).
    make_user(display_name="Ama Owusu", country="GH", languages=["en"])
    auth.login(community["kwame"])
    post(client, "/en/rooms/social-dialogue/join")
    page = client.get("/en/").get_data(as_text=True)
    section = page.split('id="meet-heading"')[1].split("</section>")[0]
    # Omar shares a room and English; Amina shares a room but no language; Lucía no room.
    assert "Omar Haddad" in section
    assert "Amina Diallo" not in section and "Lucía Fernández" not in section
    assert "Ama Owusu" not in section


def test_people_to_meet_invites_joining_rooms_first(client, auth, make_user, rooms):
    auth.login(make_user())
    assert "Join a room or two below" in client.get("/en/").get_data(as_text=True)


def test_admin_changes_a_role(client, auth, make_user):
    admin = make_user(role="admin")
    person = make_user(display_name="Future Moderator")
    auth.login(admin)
    page = client.get(f"/fr/people/{person.id}").get_data(as_text=True)
    assert "Changer le rôle" in page
    response = post(client, f"/en/people/{person.id}/role", {"role": "moderator"})
    assert response.headers["Location"] == f"/en/people/{person.id}"
    db.session.refresh(person)
    assert person.is_moderator and not person.is_admin
    assert "Modérateur" in client.get(f"/fr/people/{person.id}").get_data(as_text=True)


def test_role_changes_are_refused_when_they_should_be(client, auth, make_user):
    admin = make_user(role="admin")
    member = make_user()
    auth.login(admin)
    page = post(client, f"/en/people/{admin.id}/role", {"role": "member"}, follow_redirects=True)
    assert "You cannot change your own role." in page.get_data(as_text=True)
    page = post(client, f"/en/people/{member.id}/role", {"role": "emperor"}, follow_redirects=True)
    assert "Unknown role." in page.get_data(as_text=True)
    db.session.refresh(admin)
    db.session.refresh(member)
    assert admin.is_admin and member.role == "member"

    auth.logout()
    auth.login(member)
    assert "Change the role" not in client.get(f"/en/people/{admin.id}").get_data(as_text=True)
    assert post(client, f"/en/people/{admin.id}/role", {"role": "member"}).status_code == 403
    db.session.refresh(admin)
    assert admin.is_admin
