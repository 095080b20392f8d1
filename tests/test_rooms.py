"""Thematic rooms: seeded in four languages, joined and left, administered by admins only."""

import pytest
from sqlalchemy import func, select
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.i18n import LANGUAGES
from meetingpoint.rooms.models import Room, RoomMembership, RoomText
from meetingpoint.rooms.services import seed_rooms

EXPECTED_ROOMS = {
    "south-south-sdgs",
    "child-labour-modern-slavery",
    "green-jobs-just-transition",
    "skills-development",
    "social-protection",
    "social-dialogue",
    "labour-migration",
    "fragile-to-fragile",
    "city-to-city",
    "social-solidarity-economy",
    "public-private-partnerships",
}


def test_seeded_rooms_have_every_language(rooms):
    assert set(rooms) == EXPECTED_ROOMS
    for room in rooms.values():
        texts = {t.language: t for t in room.texts}
        assert set(texts) == set(LANGUAGES)
        assert all(t.name and len(t.description) > 80 for t in texts.values())
        # Each translation is its own text, not the English copied over.
        assert len({t.description for t in texts.values()}) == 4


def test_seeding_again_changes_nothing_and_keeps_edits(rooms):
    text = db.session.get(RoomText, (rooms["social-dialogue"].id, "en"))
    text.name = "Social dialogue (edited)"
    db.session.commit()
    assert seed_rooms() == 0
    assert db.session.scalar(select(func.count()).select_from(Room)) == 11
    assert (
        db.session.get(RoomText, (rooms["social-dialogue"].id, "en")).name
        == "Social dialogue (edited)"
    )


@pytest.mark.parametrize(
    "lang, name",
    [
        ("en", "Labour migration"),
        ("es", "Migración laboral"),
        ("fr", "Migrations de main-d&#39;œuvre"),
        ("pt", "Migração laboral"),
    ],
)
def test_room_is_shown_in_the_readers_language(client, rooms, lang, name):
    assert f"<h1>{name}</h1>" in client.get(f"/{lang}/rooms/labour-migration/").get_data(
        as_text=True
    )


def test_missing_language_falls_back_to_english(client, rooms):
    room = rooms["social-dialogue"]
    room.texts = [t for t in room.texts if t.language != "pt"]
    db.session.commit()
    page = client.get("/pt/rooms/social-dialogue/").get_data(as_text=True)
    assert '<article class="room" lang="en">' in page
    assert "<h1>Social dialogue</h1>" in page


def test_join_and_leave(client, auth, make_user, rooms):
    user = make_user(display_name="Omar Haddad", country="JO")
    auth.login(user)
    response = post(client, "/en/rooms/labour-migration/join", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Welcome to the room!" in page
    assert "Omar Haddad" in page and "Jordan" in page
    assert "Leave the room" in page
    post(client, "/en/rooms/labour-migration/join")  # twice is harmless
    assert db.session.scalar(select(func.count()).select_from(RoomMembership)) == 1
    assert "1 member" in client.get("/en/").get_data(as_text=True)

    page = post(client, "/en/rooms/labour-migration/leave", follow_redirects=True).get_data(
        as_text=True
    )
    assert "You have left the room." in page
    assert db.session.scalar(select(func.count()).select_from(RoomMembership)) == 0


def test_anonymous_visitors_must_sign_in_to_join(client, rooms):
    response = post(client, "/en/rooms/labour-migration/join")
    assert response.headers["Location"].startswith("/en/auth/login")
    assert db.session.scalar(select(func.count()).select_from(RoomMembership)) == 0


def test_members_cannot_administer_rooms(client, auth, make_user, rooms):
    auth.login(make_user())
    assert client.get("/en/rooms/new").status_code == 403
    assert client.get("/en/rooms/social-dialogue/edit").status_code == 403
    assert post(client, "/en/rooms/social-dialogue/archive").status_code == 403
    response = post(client, "/en/rooms/new", {"slug": "sneaky", "name_en": "Sneaky"})
    assert response.status_code == 403
    assert db.session.scalar(select(Room).where(Room.slug == "sneaky")) is None
    assert rooms["social-dialogue"].archived_at is None


def test_anonymous_visitors_are_sent_to_sign_in_for_admin_pages(client, rooms):
    assert client.get("/en/rooms/new").headers["Location"].startswith("/en/auth/login")


def room_form(**changes):
    form = {
        "slug": "domestic-workers",
        "position": "5",
        "name_en": "Domestic workers",
        "description_en": "Rights and organising.",
        "name_es": "Trabajadoras del hogar",
        "description_es": "Derechos y organización.",
        "name_fr": "",
        "description_fr": "",
        "name_pt": "",
        "description_pt": "",
    }
    form.update(changes)
    return form


def test_admin_creates_edits_and_archives_a_room(client, auth, make_user, rooms):
    auth.login(make_user(role="admin"))
    response = post(client, "/en/rooms/new", room_form())
    assert response.headers["Location"] == "/en/rooms/domestic-workers/"
    room = db.session.scalar(select(Room).where(Room.slug == "domestic-workers"))
    assert {t.language for t in room.texts} == {"en", "es"}
    assert "<h1>Trabajadoras del hogar</h1>" in client.get("/es/rooms/domestic-workers/").get_data(
        as_text=True
    )
    # The room comes first in the list (position 5).
    assert client.get("/en/rooms/").get_data(as_text=True).index("Domestic workers") < client.get(
        "/en/rooms/"
    ).get_data(as_text=True).index("South-South cooperation and the SDGs")

    response = post(
        client,
        "/en/rooms/domestic-workers/edit",
        room_form(name_fr="Travailleuses domestiques", name_es=""),
    )
    assert response.headers["Location"] == "/en/rooms/domestic-workers/"
    db.session.expire_all()
    assert {t.language for t in room.texts} == {"en", "fr"}

    post(client, "/en/rooms/domestic-workers/archive")
    db.session.expire_all()
    assert room.is_archived
    page = client.get("/en/rooms/").get_data(as_text=True)
    assert page.index("Archived rooms") < page.index("Domestic workers")
    post(client, "/en/rooms/domestic-workers/archive")
    db.session.expire_all()
    assert not room.is_archived


def test_archived_room_cannot_be_joined(client, auth, make_user, rooms):
    from meetingpoint.rooms.services import set_archived

    set_archived(rooms["social-dialogue"], True)
    auth.login(make_user())
    page = post(client, "/en/rooms/social-dialogue/join", follow_redirects=True).get_data(
        as_text=True
    )
    assert "This room is archived" in page
    assert db.session.scalar(select(func.count()).select_from(RoomMembership)) == 0


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"slug": "social-dialogue"}, "Another room already uses this address."),
        ({"slug": "Bad Slug!"}, "Use lowercase letters, digits and hyphens only."),
        ({"slug": "new"}, "This address is reserved."),
        ({"name_en": ""}, "This field is required."),
        ({"name_en": "x" * 121}, "Please use at most 120 characters."),
    ],
)
def test_bad_room_input_is_refused(client, auth, make_user, rooms, changes, message):
    auth.login(make_user(role="admin"))
    response = post(client, "/en/rooms/new", room_form(**changes))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Room)) == 11


def test_unknown_room_is_404(client, rooms):
    assert client.get("/en/rooms/nowhere/").status_code == 404
