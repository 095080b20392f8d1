"""News for the site and for rooms: written by moderators in one or several languages,
shown on the home and room pages, told to room members, and in Atom feeds."""

import xml.etree.ElementTree as ET

import pytest
from support.pages import check_page
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.i18n import LANGUAGES
from meetingpoint.news.models import NewsItem
from meetingpoint.notifications.models import Notification
from meetingpoint.rooms.services import join_room

ATOM = "{http://www.w3.org/2005/Atom}"


def news_form(**texts) -> dict:
    data = {f"{field}_{lang}": "" for lang in LANGUAGES for field in ("title", "body")}
    data.update(texts)
    return data


def test_moderators_post_room_news_that_members_hear_of(client, auth, make_user, rooms):
    room = rooms["labour-migration"]
    member, outsider = make_user(), make_user()
    join_room(member, room)
    auth.login(make_user())
    assert client.get("/en/news/new").status_code == 403
    assert post(client, "/en/news/new", news_form(title_en="x", body_en="y")).status_code == 403
    auth.logout()
    moderator = make_user(role="moderator")
    auth.login(moderator)
    response = post(
        client,
        "/en/news/new",
        news_form(
            room="labour-migration",
            title_en="Bilateral agreements: new guide",
            body_en="A **short** guide to fair recruitment.",
            title_es="Acuerdos bilaterales: nueva guía",
            body_es="Una guía **breve** sobre la contratación equitativa.",
        ),
    )
    item = db.session.scalar(db.select(NewsItem))
    assert response.headers["Location"] == f"/en/news/{item.id}"
    notified = db.session.scalars(db.select(Notification.user_id)).all()
    assert notified == [member.id]  # members only, never the writer or outsiders
    assert outsider.id not in notified
    spanish = client.get(f"/es/news/{item.id}").get_data(as_text=True)
    assert "Una guía <strong>breve</strong>" in spanish
    french = client.get(f"/fr/news/{item.id}").get_data(as_text=True)
    assert "A <strong>short</strong> guide" in french  # English stands in
    room_page = client.get("/pt/rooms/labour-migration/").get_data(as_text=True)
    assert "Bilateral agreements: new guide" in room_page
    assert 'href="/pt/rooms/labour-migration/news.atom"' in room_page
    auth.logout()
    auth.login(member)
    opened = client.get(f"/en/notifications/{db.session.scalar(db.select(Notification.id))}")
    assert opened.headers["Location"] == f"/en/news/{item.id}"


def test_site_news_shows_on_the_home_page_and_in_the_feed(client, auth, make_user, rooms):
    auth.login(make_user(role="admin"))
    post(client, "/en/news/new", news_form(title_fr="Bienvenue", body_fr="Le site est ouvert."))
    auth.logout()
    home = client.get("/fr/").get_data(as_text=True)
    assert "Bienvenue" in home and 'href="/fr/news/feed.atom"' in home
    feed = client.get("/en/news/feed.atom")
    assert feed.mimetype == "application/atom+xml"
    entries = ET.fromstring(feed.data).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Bienvenue"]
    assert entries[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    room_feed = ET.fromstring(client.get("/en/rooms/labour-migration/news.atom").data)
    assert room_feed.findall(f"{ATOM}entry") == []  # site news is not a room's


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ({}, "Write the news in at least one language."),
        ({"title_pt": "Só o título", "body_es": "Texto"}, "Each language needs both a title"),
        ({"title_en": "x" * 201, "body_en": "Text"}, "Please use at most"),
    ],
)
def test_half_written_news_is_refused_and_kept(client, auth, make_user, rooms, texts, message):
    auth.login(make_user(role="moderator"))
    response = post(client, "/en/news/new", news_form(**texts))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert all(typed in page for typed in texts.values())  # nothing typed is lost
    assert db.session.query(NewsItem).count() == 0


def test_moderators_edit_and_delete_news(client, auth, make_user, rooms):
    auth.login(make_user(role="moderator"))
    post(client, "/en/news/new", news_form(title_en="Draft title", body_en="Body"))
    item = db.session.scalar(db.select(NewsItem))
    post(client, f"/en/news/{item.id}/edit", news_form(title_en="Final title", body_en="Body"))
    assert "Final title" in client.get(f"/en/news/{item.id}").get_data(as_text=True)
    auth.logout()
    auth.login(make_user())
    assert post(client, f"/en/news/{item.id}/delete").status_code == 403
    auth.logout()
    auth.login(make_user(role="moderator"))
    post(client, f"/en/news/{item.id}/delete")
    assert db.session.query(NewsItem).count() == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_pages_render_in_every_language(client, auth, make_user, rooms, lang):
    auth.login(make_user(role="moderator"))
    post(client, "/en/news/new", news_form(room="skills-development", title_en="T", body_en="B"))
    item = db.session.scalar(db.select(NewsItem))
    for path in (
        "news/",
        f"news/{item.id}",
        "news/new",
        f"news/{item.id}/edit",
        "rooms/skills-development/",
    ):
        check_page(client.get(f"/{lang}/{path}"), lang)
