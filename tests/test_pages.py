"""Every page renders, in every language, for the visitor it is meant for."""

import pytest
from support.pages import ROOMS_WORD, check_page
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.i18n import LANGUAGES

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/about",
    "/{lang}/rooms/",
    "/{lang}/rooms/social-dialogue/",
    "/{lang}/auth/register",
    "/{lang}/auth/login",
    "/{lang}/auth/reset",
    "/{lang}/auth/verify",
    "/{lang}/offline",
]
MEMBER_PAGES = [
    "/{lang}/",
    "/{lang}/rooms/labour-migration/",
    "/{lang}/people/",
    "/{lang}/people/?country=GH&region=africa&constituency=workers&language=en",
    "/{lang}/people/{user_id}",
    "/{lang}/account/",
    "/{lang}/account/password",
    "/{lang}/account/privacy",
]
ADMIN_PAGES = ["/{lang}/rooms/new", "/{lang}/rooms/social-dialogue/edit"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_render(client, rooms, lang, path):
    check_page(client.get(path.format(lang=lang)), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_member_pages_render(client, auth, rooms, make_user, lang, path):
    user = make_user(display_name="Grace Wanjiru", country="KE")
    auth.login(user)
    check_page(client.get(path.format(lang=lang, user_id=user.id)), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_render(client, auth, rooms, make_user, lang, path):
    auth.login(make_user(role="admin"))
    check_page(client.get(path.format(lang=lang)), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_pages_are_translated(client, lang):
    response = client.get(f"/{lang}/rooms/no-such-room/")
    assert response.status_code == 404
    _check_lang = response.get_data(as_text=True)
    assert f'<html lang="{lang}"' in _check_lang
    assert f">{ROOMS_WORD[lang]}</a>" in _check_lang


def test_pages_load_nothing_from_other_hosts(client, rooms):
    response = client.get("/en/auth/register")
    page = response.get_data(as_text=True)
    assert "http://" not in page.replace("http://localhost", "")
    assert "https://" not in page
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_health_check(client):
    assert client.get("/healthz").get_json() == {
        "status": "ok",
        "database": "ok",
        "redis": "not used",
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_token_and_confirmation_pages_render(client, make_user, lang):
    from meetingpoint.accounts.models import TOKEN_RESET_PASSWORD
    from meetingpoint.auth.tokens import issue_token
    from meetingpoint.extensions import db

    raw = issue_token(make_user(), TOKEN_RESET_PASSWORD, hours=1)
    db.session.commit()
    page = check_page(client.get(f"/{lang}/auth/reset/{raw}"), lang)
    assert 'type="password"' in page
    response = post(client, f"/{lang}/auth/reset", {"email": "someone@example.org"})
    check_page(response, lang)


@pytest.fixture
def discussion(make_user, rooms):
    """A topic with a reply, written by a member of the social dialogue room."""
    from meetingpoint.extensions import db
    from meetingpoint.forums import services as forums
    from meetingpoint.forums.access import opening_post
    from meetingpoint.rooms.models import RoomMembership

    author = make_user(display_name="Forum Author")
    db.session.add(RoomMembership(room_id=rooms["social-dialogue"].id, user_id=author.id))
    db.session.commit()
    topic = forums.create_topic(
        author,
        rooms["social-dialogue"],
        "Councils",
        forums.PostDraft("Opening *post*", "en"),
        "tripartism",
    )
    opening = opening_post(topic)
    forums.reply(author, topic, opening, forums.PostDraft("A reply", "en"))
    return author, topic, opening


FORUM_PAGES = [
    "/{lang}/rooms/social-dialogue/",
    "/{lang}/rooms/social-dialogue/topics/{topic}",
    "/{lang}/rooms/social-dialogue/topics/{topic}?view=flat",
    "/{lang}/rooms/social-dialogue/topics/new",
    "/{lang}/posts/{post}/reply",
    "/{lang}/posts/{post}/reply?quote=1",
    "/{lang}/posts/{post}/edit",
    "/{lang}/posts/{post}/history",
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", FORUM_PAGES)
def test_forum_pages_render(client, auth, discussion, lang, path):
    author, topic, opening = discussion
    auth.login(author)
    page = check_page(client.get(path.format(lang=lang, topic=topic.id, post=opening.id)), lang)
    assert "Forum Author" in page or "topics/new" in path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/search",
        "/{lang}/search?q=councils",
        "/{lang}/unread",
        "/{lang}/notifications/",
        "/{lang}/moderation/",
    ],
)
def test_search_and_following_pages_render(client, auth, discussion, make_user, lang, path):
    auth.login(make_user(role="moderator"))
    check_page(client.get(path.format(lang=lang)), lang)


def test_form_fields_carry_no_empty_aria_and_sensible_defaults(client):
    page = client.get("/en/auth/register").get_data(as_text=True)
    assert '="None"' not in page
    assert '<option value="UTC" selected>UTC</option>' in page
    page = client.get("/fr/auth/register").get_data(as_text=True)
    assert '<option value="SN">Sénégal</option>' in page  # names in the reader's language


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chat_pages_render(client, auth, discussion, make_user, lang):
    author, _topic, _opening = discussion
    auth.login(author)
    check_page(client.get(f"/{lang}/rooms/social-dialogue/chat"), lang)
    check_page(client.get(f"/{lang}/messages/"), lang)
    other = make_user()
    conversation_url = post(client, f"/{lang}/messages/with/{other.id}").headers["Location"]
    check_page(client.get(conversation_url), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_group_and_edit_pages_render(client, auth, make_user, lang):
    from meetingpoint.chat.models import ChatMessage

    auth.login(make_user())
    make_user(display_name="Fatou Diop")
    people_url = post(client, f"/{lang}/messages/groups", {"title": "Inspectors"}).headers[
        "Location"
    ]
    check_page(client.get(people_url), lang)
    check_page(client.get(people_url + "?q=Fatou"), lang)
    conversation_url = people_url.removesuffix("/people")
    post(client, conversation_url, {"body": "Hello", "language": "en", "client_id": "p1"})
    check_page(client.get(conversation_url), lang)
    message = db.session.scalar(db.select(ChatMessage))
    check_page(client.get(f"/{lang}/messages/edit/{message.id}"), lang)
    check_page(client.get(f"/{lang}/people/"), lang)


DEVICES_HEADING = {"en": "Your devices", "es": "Sus dispositivos", "fr": "Vos appareils",
                   "pt": "Os seus dispositivos"}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_notification_settings_with_a_device_render(client, auth, make_user, lang):
    from meetingpoint.notifications.models import PushSubscription

    person = make_user()
    db.session.add(
        PushSubscription(user_id=person.id, endpoint="https://push.example.org/send/1",
                         p256dh="B" + "A" * 86, auth="A" * 22, device="Firefox/Android")
    )  # fmt: skip
    db.session.commit()
    auth.login(person)
    page = check_page(client.get(f"/{lang}/notifications/settings"), lang)
    assert DEVICES_HEADING[lang] in page and "Firefox" in page and "Android" in page
