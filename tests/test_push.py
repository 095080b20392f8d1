"""Web Push at the protocol level: a stand-in push service on a loopback port receives each
push, whose VAPID signature is checked and whose aes128gcm payload is decrypted with the
device's own keys (tests/support/push_service.py)."""

from urllib.parse import urlsplit

import pytest
from support.chat_form import send
from support.forum import last
from support.job_queue import wait_for
from support.push_service import now, vapid_claims
from support.web import csrf_token, post

from meetingpoint.chat.models import ChatMessage
from meetingpoint.config import TestingConfig
from meetingpoint.extensions import db
from meetingpoint.jobs import run_now
from meetingpoint.notifications import vapid
from meetingpoint.notifications.models import Notification, PushSubscription
from meetingpoint.notifications.preferences import EVENTS
from meetingpoint.notifications.push import push_to_device

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"
CHROME_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def subscribe(client, subscription, user_agent=FIREFOX_ANDROID):
    """As push.js does: the subscription as JSON, the page's CSRF token in a header."""
    return client.post(
        "/en/notifications/push/subscribe",
        json=subscription,
        headers={"X-CSRFToken": csrf_token(client), "User-Agent": user_agent},
    )


def choose(client, pushed, **extra):
    """The settings form with every event in the app, and push for `pushed` only."""
    data = {event: "app" for event in EVENTS} | {"announcement": "email", "digest": ""}
    return post(client, "/en/notifications/settings", data | {"push": pushed, **extra})


def with_a_phone(client, auth, push_service, person, name=None):
    auth.login(person)
    phone = push_service.device(name)
    assert subscribe(client, phone.subscription()).status_code == 201
    auth.logout()
    return phone


def write_to(client, auth, make_user, recipient, *bodies):
    auth.login(make_user(display_name="Amina"))
    url = post(client, f"/en/messages/with/{recipient.id}").headers["Location"]
    for body in bodies:
        send(client, url, body)
    auth.logout()
    return url


def test_a_direct_message_is_pushed_signed_encrypted_and_in_the_readers_language(
    client, auth, make_user, push_service
):
    kwame = make_user(display_name="Kwame", locale="fr")
    phone = with_a_phone(client, auth, push_service, kwame)
    write_to(client, auth, make_user, kwame, "Bonjour Kwame, es-tu libre mardi ?")

    [push] = push_service.to(phone)
    claims = vapid_claims(push, vapid.public_key())  # signed with the key pages are given
    assert claims["aud"] == push_service.origin
    assert now() < claims["exp"] <= now() + 24 * 3600
    assert claims["sub"] == "mailto:no-reply@meetingpoint.local"
    assert push.headers["ttl"] == "86400" and push.headers["urgency"] == "normal"
    content = phone.decrypt(push)
    message = last(ChatMessage)
    # A private conversation shows who wrote, not what: the text is not on the lock screen.
    assert content["title"] == "Nouveau message de Amina"
    assert content["body"] == "" and content["lang"] == "fr"
    assert content["url"] == f"http://localhost/fr/messages/m/{message.id}"
    auth.login(kwame)
    opened = client.get(urlsplit(content["url"]).path)
    assert opened.headers["Location"].endswith(
        f"/fr/messages/{message.conversation_id}?after={message.id - 1}#message-{message.id}"
    )


def test_the_text_shows_only_for_those_who_allow_it(client, auth, make_user, push_service):
    lucia = make_user(display_name="Lucía", locale="es")
    auth.login(lucia)
    choose(client, ["mention", "direct_message"], push_text="1")
    auth.logout()
    phone = with_a_phone(client, auth, push_service, lucia)
    write_to(client, auth, make_user, lucia, "¿Hablamos del consejo tripartito?")
    content = phone.decrypt(*push_service.to(phone))
    assert content["title"] == "Nuevo mensaje de Amina"
    assert content["body"] == "¿Hablamos del consejo tripartito?"


def test_a_burst_of_ten_messages_sends_one_push_until_they_are_read(
    client, auth, make_user, push_service
):
    kwame = make_user(display_name="Kwame")
    phone = with_a_phone(client, auth, push_service, kwame)
    url = write_to(client, auth, make_user, kwame, *[f"Message {n}" for n in range(10)])
    assert len(push_service.to(phone)) == 1  # one per quiet spell, as away mail
    auth.login(kwame)
    client.get(url)  # reading the conversation ends the spell
    auth.logout()
    auth.login(last(ChatMessage).sender)
    send(client, url, "And one more thing")
    assert len(push_service.to(phone)) == 2


def test_nothing_is_pushed_for_what_was_read(app, client, auth, make_user, push_service):
    kwame = make_user(display_name="Kwame")
    phone = with_a_phone(client, auth, push_service, kwame)
    url = write_to(client, auth, make_user, kwame, "Hello")
    auth.login(kwame)
    client.get(url)
    device = db.session.scalar(db.select(PushSubscription))
    run_now(push_to_device, device.id, "direct_message", last(ChatMessage).id)  # a late job
    assert len(push_service.to(phone)) == 1  # only the one sent before it was read


def test_a_subscription_the_service_has_forgotten_is_removed(client, auth, make_user, push_service):
    kwame = make_user(display_name="Kwame")
    phone = with_a_phone(client, auth, push_service, kwame, name="expired")
    push_service.answers["expired"] = 410
    write_to(client, auth, make_user, kwame, "Hello")
    assert len(push_service.to(phone)) == 1
    assert db.session.scalar(db.select(PushSubscription)) is None
    auth.login(kwame)
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert "No device gets notifications yet." in page


def test_a_kind_switched_off_sends_nothing(client, auth, make_user, member, push_service):
    kwame = member(display_name="Kwame Mensah")
    auth.login(kwame)
    choose(client, [])  # every box unticked
    auth.logout()
    phone = with_a_phone(client, auth, push_service, kwame)
    write_to(client, auth, make_user, kwame, "Hello")
    auth.login(member(display_name="Mei"))
    send(client, "/en/rooms/social-dialogue/chat", "Over to you, @**Kwame Mensah**")
    assert push_service.to(phone) == []


def test_a_mention_is_pushed_by_default_and_opens_the_notification(
    client, auth, member, push_service
):
    kwame = member(display_name="Kwame Mensah", locale="pt")
    phone = with_a_phone(client, auth, push_service, kwame)
    auth.login(member(display_name="Mei"))
    send(client, "/en/rooms/social-dialogue/chat", "Over to you, @**Kwame Mensah**")
    content = phone.decrypt(*push_service.to(phone))
    assert content["title"] == "Mei mencionou-o numa conversa"
    assert content["body"] == "" and content["lang"] == "pt"
    auth.logout()
    auth.login(kwame)
    opened = client.get(urlsplit(content["url"]).path, follow_redirects=True)
    assert opened.request.path == "/pt/rooms/social-dialogue/chat"
    assert db.session.scalar(db.select(Notification.read_at)) is not None


def test_devices_are_listed_and_removed_without_javascript(client, auth, make_user, push_service):
    kwame, other = make_user(), make_user()
    auth.login(kwame)
    subscribe(client, push_service.device().subscription())
    subscribe(client, push_service.device().subscription(), user_agent=CHROME_WINDOWS)
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert "Firefox on Android" in page and "Chrome on Windows" in page
    phone, laptop = db.session.scalars(db.select(PushSubscription.id)).all()
    response = post(client, f"/en/notifications/push/devices/{phone}/remove")
    assert response.status_code == 302
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert "Firefox on Android" not in page and "Chrome on Windows" in page
    auth.logout()
    auth.login(other)
    assert post(client, f"/en/notifications/push/devices/{laptop}/remove").status_code == 404
    assert db.session.scalars(db.select(PushSubscription.id)).all() == [laptop]


def test_subscribing_refuses_what_is_not_a_subscription(client, auth, make_user, push_service):
    auth.login(make_user())
    good = push_service.device().subscription()
    bad = [
        None,
        {"endpoint": good["endpoint"]},
        good | {"endpoint": "http://push.example.org/abc"},  # push services are https
        good | {"endpoint": "https://10.0.0.5/abc"},  # never the private network
        good | {"endpoint": "https://intranet/abc"},
        good | {"endpoint": "https://push.example.org:port/abc"},
        good | {"endpoint": "https://push.example.org/" + "a" * 1000},
        good | {"keys": {"p256dh": good["keys"]["p256dh"][:20], "auth": good["keys"]["auth"]}},
        good | {"keys": {"p256dh": good["keys"]["p256dh"], "auth": "not base64!"}},
    ]
    for subscription in bad:
        response = subscribe(client, subscription)
        assert response.status_code == 400
        assert response.get_json()["error"] == "This browser sent a subscription we cannot use."
    unsigned = client.post("/en/notifications/push/subscribe", json=good)
    assert unsigned.status_code == 400  # no CSRF token
    assert db.session.scalar(db.select(PushSubscription)) is None
    settings = choose(client, ["nonsense"])
    assert settings.status_code == 400


def test_the_public_key_is_given_to_signed_in_pages_only(client, auth, make_user):
    assert client.get("/en/notifications/push/key").status_code == 302
    auth.login(make_user())
    key = client.get("/en/notifications/push/key").get_json()["publicKey"]
    assert key == vapid.public_key() and len(key) == 87  # 65 bytes, base64url
    page = client.get("/en/notifications/settings").get_data(as_text=True)
    assert f'data-key="{key}"' in page and "js/push.js" in page
    assert "js/push.js" not in client.get("/en/notifications/").get_data(as_text=True)


@pytest.mark.backends("postgresql")
def test_with_a_queue_the_push_leaves_the_request_for_a_worker(
    client, auth, make_user, push_service, job_queue, mail_server, workers
):
    kwame = make_user(display_name="Kwame", locale="fr")
    phone = with_a_phone(client, auth, push_service, kwame)
    write_to(client, auth, make_user, kwame, "Bonjour")
    assert push_service.to(phone) == []  # queued in Redis, not sent by the request
    workers(job_queue, mail_server, VAPID_PRIVATE_KEY=TestingConfig.VAPID_PRIVATE_KEY)
    (push,) = wait_for(lambda: push_service.to(phone), what="the push")
    assert vapid_claims(push, vapid.public_key())["aud"] == push_service.origin
    assert phone.decrypt(push)["title"] == "Nouveau message de Amina"


def test_without_a_setting_one_key_is_made_and_kept_in_the_instance_folder(tmp_path):
    made = vapid._instance_key(tmp_path / "instance")
    key = made.read_bytes()
    assert b"PRIVATE KEY" in key and made.stat().st_mode & 0o777 == 0o600
    assert vapid._instance_key(tmp_path / "instance").read_bytes() == key  # kept, not remade
    assert [path.name for path in made.parent.iterdir()] == ["vapid_private_key.pem"]
