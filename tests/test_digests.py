"""How people hear from us: per-event choices (app, email at once, digest, not at all),
email received by a real SMTP server on a loopback port, and the daily/weekly digest."""

import email
import email.policy
import re
import socket
from datetime import UTC, datetime

import pytest
from aiosmtpd.controller import Controller
from flask import current_app
from support.chat_form import send
from support.forum import answer, last, open_topic
from support.pages import check_page
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic
from meetingpoint.i18n import LANGUAGES
from meetingpoint.notifications.models import DigestSubscription, Notification
from meetingpoint.notifications.preferences import EVENTS


class Inbox:
    """What the SMTP server received, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(app):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings = {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": controller.port, "MAIL_USE_TLS": False}
    app.config.update(settings)  # requests to the served app
    current_app.config.update(settings)  # services called from the test itself
    yield inbox
    controller.stop()


def body_of(message) -> str:
    return message.get_content()


def choose(client, **choices) -> object:
    data = {event: "app" for event in EVENTS} | {"announcement": "email", "digest": ""}
    data.update(choices)
    return post(client, "/en/notifications/settings", data)


def test_each_person_hears_of_a_reply_as_they_chose(client, auth, member, smtp):
    by_mail = member(display_name="Lucía", email="lucia@example.org", locale="es")
    in_app = member(display_name="Kofi", email="kofi@example.org")
    silent = member(display_name="Mei", email="mei@example.org")
    topics = {}
    for person, choice in ((by_mail, "email"), (in_app, "app"), (silent, "off")):
        auth.login(person)
        assert choose(client, reply=choice).status_code == 302
        open_topic(client, title=f"Councils of {person.display_name}")
        topics[person.id] = last(Post)
        auth.logout()
    replier = member(display_name="Ana")
    auth.login(replier)
    for opening in topics.values():
        answer(client, opening.id, "Our council meets **monthly**, with the employers.")
    received = smtp.to("lucia@example.org")
    assert len(smtp.messages) == 1 and len(received) == 1
    message = received[0]
    assert message["Content-Language"] == "es"
    assert message["Subject"] == "Ana le respondió en «Councils of Lucía»"
    text = body_of(message)
    assert text.startswith("Hola, Lucía:")
    assert "Our council meets **monthly**" in text
    assert re.search(r"http://localhost/es/notifications/\d+", text)
    kinds = {
        uid: [
            n.kind
            for n in db.session.scalars(db.select(Notification).where(Notification.user_id == uid))
        ]
        for uid in topics
    }
    assert kinds == {by_mail.id: ["reply"], in_app.id: ["reply"], silent.id: []}


def test_bad_choices_are_refused_and_nothing_changes(client, auth, member):
    person = member()
    auth.login(person)
    response = choose(client, reply="carrier-pigeon")
    assert response.status_code == 400
    assert "Choose one way for each kind of event." in response.get_data(as_text=True)
    response = choose(client, digest="hourly")
    assert "Choose how often the digest comes." in response.get_data(as_text=True)
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert 'name="reply" value="app" checked' in page
    assert 'name="digest" value="" checked' in page


def test_a_direct_message_reaches_someone_away_once(client, auth, make_user, smtp):
    away = make_user(display_name="Kwame", email="kwame@example.org", locale="fr")
    auth.login(away)
    choose(client, direct_message="email")
    auth.logout()
    auth.login(make_user(display_name="Amina"))
    url = post(client, f"/en/messages/with/{away.id}").headers["Location"]
    send(client, url, "Bonjour Kwame, es-tu libre mardi ?")
    send(client, url, "Pour parler du conseil tripartite.")
    messages = smtp.to("kwame@example.org")
    assert len(messages) == 1  # one email when the conversation wakes, not one per message
    assert messages[0]["Subject"] == "Amina vous a écrit sur Meeting Point"
    assert "Bonjour Kwame, es-tu libre mardi ?" in body_of(messages[0])


def test_the_weekly_digest_is_asked_for_at_sign_up(client, rooms):
    def sign_up(address, **extra):
        secret = "a long enough password"
        data = {
            "email": address, "password": secret, "confirm": secret, "display_name": "Someone",
            "country": "SN", "constituency": "workers", "languages": ["fr"], "locale": "fr",
            "time_zone": "Africa/Dakar", **extra,
        }  # fmt: skip
        return post(client, "/fr/auth/register", data)

    form = client.get("/fr/auth/register").get_data(as_text=True)
    assert 'name="weekly_digest" type="checkbox" value="y">' in form  # not ticked
    sign_up("quiet@example.org")
    sign_up("keen@example.org", weekly_digest="y")
    subscribed = db.session.scalars(db.select(DigestSubscription)).all()
    assert [(s.frequency) for s in subscribed] == ["weekly"] and len(subscribed) == 1


def test_the_weekly_digest_tells_what_happened_once_and_unsubscribes_in_one_click(
    client, auth, member, smtp, runner
):
    from meetingpoint.notifications.preferences import set_digest

    reader = member(display_name="Chloé", email="chloe@example.org", locale="fr",
                    time_zone="Asia/Kolkata")  # fmt: skip
    set_digest(reader, "weekly")
    db.session.commit()
    auth.login(reader)
    open_topic(client, title="Ma question")
    mine = last(Post)  # its author watches it
    auth.logout()
    writer = member(display_name="Rafael")
    auth.login(writer)
    open_topic(client, title="Coopératives au Brésil")
    fresh = last(Topic)
    fresh.created_at = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    db.session.commit()
    answer(client, mine.id, "Voici notre expérience.")
    answer(client, mine.id, "Et une autre.")
    auth.logout()

    result = runner.invoke(args=["digest", "send", "--period", "weekly"])
    assert "Digests sent: 1." in result.output
    again = runner.invoke(args=["digest", "send", "--period", "weekly"])
    assert "Digests sent: 0." in again.output  # the same week: nothing twice
    messages = smtp.to("chloe@example.org")
    assert len(messages) == 1
    digest = messages[0]
    assert digest["Subject"] == "Votre résumé hebdomadaire · Meeting Point"
    text = body_of(digest)
    assert "Coopératives au Brésil (Rafael" in text
    assert "15:30" in text  # 10:00 UTC, in Kolkata's time
    assert "Ma question : 2 nouvelles réponses" in text
    link = re.search(r"http://127\.0\.0\.1:5000/fr/notifications/unsubscribe/\S+", text).group(0)
    assert digest["List-Unsubscribe"] == f"<{link}>"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = link.removeprefix("http://127.0.0.1:5000")
    assert "Arrêter le résumé" in client.get(path).get_data(as_text=True)  # signed out
    assert client.post(path).status_code == 200  # one click, no sign-in, no form token
    assert db.session.scalar(db.select(DigestSubscription)) is None
    assert client.post(path[:-3] + "xyz").status_code == 404  # a forged token


def test_an_empty_digest_is_not_sent(client, member, smtp, runner):
    from meetingpoint.notifications.preferences import set_digest

    set_digest(member(email="calm@example.org"), "daily")
    db.session.commit()
    assert "Digests sent: 0." in runner.invoke(args=["digest", "send", "--period", "daily"]).output
    assert smtp.messages == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_notification_pages_render_in_every_language(client, auth, member, lang):
    from meetingpoint.notifications.preferences import unsubscribe_token

    person = member()
    token = unsubscribe_token(person)
    auth.login(person)
    check_page(client.get(f"/{lang}/notifications/settings"), lang)
    check_page(client.get(f"/{lang}/notifications/unsubscribe/{token}"), lang)
    check_page(client.get(f"/{lang}/notifications/"), lang)


def test_room_news_by_email_comes_in_the_reader_s_language(client, auth, member, make_user, smtp):
    reader = member(display_name="Inês", email="ines@example.org", locale="pt")
    auth.login(reader)
    choose(client, room_news="email")
    auth.logout()
    auth.login(make_user(role="moderator"))
    texts = {
        "room": "social-dialogue",
        "title_en": "Tripartite week", "body_en": "Councils meet in Dakar.",
        "title_pt": "Semana tripartida", "body_pt": "Os conselhos reúnem-se em Dacar.",
    }  # fmt: skip
    data = {f"{f}_{lang}": "" for lang in LANGUAGES for f in ("title", "body")} | texts
    post(client, "/en/news/new", data)
    (message,) = smtp.to("ines@example.org")
    assert message["Subject"] == "Semana tripartida"
    assert message["Content-Language"] == "pt"
    assert "Os conselhos reúnem-se em Dacar." in body_of(message)
