"""The service survives its parts failing: Redis going away and coming back, PostgreSQL
restarting, an app process being killed. Nothing a user wrote is lost or shown twice."""

import shutil
import time
import uuid

import pytest
import requests
from support.live_servers import Participant
from support.settings import IN_CI

from meetingpoint.chat import services
from meetingpoint.chat.models import ChatMessage

ROOM = "social-dialogue"
# Their timings assume the machine to themselves: make test runs them after the rest.
pytestmark = [pytest.mark.backends("postgresql"), pytest.mark.alone]


def say(person: Participant, conversation_id: int, body: str) -> dict:
    reply = person.call(
        "send",
        {"conversation_id": conversation_id, "body": body, "client_id": uuid.uuid4().hex,
         "language": "en"},
    )  # fmt: skip
    assert reply["ok"], reply
    return reply


def catch_up(person: Participant, conversation_id: int, after_id: int) -> list[int]:
    """What a page does when its heartbeat shows a newer id than it holds."""
    reply = person.call("open", {"conversation_id": conversation_id, "after_id": after_id})
    return [m["id"] for m in reply["messages"]]


def test_redis_goes_away_and_comes_back(servers, own_redis, member, rooms):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    channel = services.room_channel(rooms[ROOM]).id
    settings = {"REDIS_URL": own_redis.url, "RATELIMIT_STORAGE_URI": own_redis.url}
    one = servers(f"faults-{uuid.uuid4().hex[:8]}", **settings)
    two = servers(one.env["MEETINGPOINT_SOCKETIO_CHANNEL"], **settings)
    a = Participant(one, amina.email).connect()
    k = Participant(two, kwame.email).connect()
    for person in (a, k):
        person.call("open", {"conversation_id": channel})
    before = say(a, channel, "Before the outage")
    assert before["live"] is True
    assert [m["id"] for m in k.wait_for("new_message")] == [before["message"]["id"]]

    own_redis.stop()
    # Pages keep working on both processes; the health check says what is missing.
    for server in (one, two):
        assert requests.get(server.url + "/en/rooms/", timeout=10).status_code == 200
        assert requests.get(server.url + "/healthz", timeout=10).json()["redis"] == "down"
    # A send is stored and acknowledged, and says live delivery is reconnecting.
    during = [say(a, channel, f"During the outage {n}") for n in range(3)]
    assert all(reply["live"] is False for reply in during)
    here = k.call("here", {"conversation_id": channel})
    assert here["live"] is False and here["last_id"] == during[-1]["message"]["id"]
    # Kwame's page sees the newer id and fetches what it missed, each once, in order.
    missed = catch_up(k, channel, before["message"]["id"])
    assert missed == [reply["message"]["id"] for reply in during]

    own_redis.start()  # the same port: the app is not restarted
    deadline, after = time.monotonic() + 30, None
    while time.monotonic() < deadline:
        reply = say(a, channel, "After the outage")
        if reply["live"] and k.events("new_message"):
            after = reply
            break
        time.sleep(0.5)
    assert after is not None, "live delivery did not resume"
    # What Kwame's page now holds, and what a page does with each live message: one that
    # names a previous message it lacks shows a gap, which it fills by catching up.
    held = {before["message"]["id"], *missed}
    for message in k.wait_for("new_message", count=1):
        if message["previous_id"] not in held:
            held |= set(catch_up(k, channel, max(held)))
        held.add(message["id"])
        assert message["previous_id"] in held
    stored = {m.id for m in ChatMessage.query.filter_by(conversation_id=channel)}
    assert held == stored  # everything stored meanwhile reached him, nothing twice
    assert requests.get(two.url + "/healthz", timeout=10).json()["redis"] == "ok"
    a.disconnect(), k.disconnect()


def test_the_database_restarting_gives_a_clean_page_then_recovers(
    servers, make_user, rooms, database_url
):
    from support.live_servers import signed_in
    from support.tcp_cut import through_relay

    relay, relayed_url = through_relay(database_url)
    server = servers(DATABASE_URL=relayed_url)
    person = make_user(locale="fr")
    session = signed_in(server, person.email)
    assert session.get(server.url + "/fr/rooms/", timeout=10).status_code == 200

    relay.cut()
    for client in (requests, session):  # a passer-by, and someone signed in
        down = client.get(server.url + "/fr/rooms/", timeout=20)
        assert down.status_code == 503
        assert "Nous revenons dans un instant" in down.text
        assert "Traceback" not in down.text and "psycopg" not in down.text
        assert down.headers["Retry-After"] == "30"
    assert requests.get(server.url + "/healthz", timeout=20).json()["database"] == "down"

    relay.start()  # the database is back, on the same address; the app is not restarted
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if session.get(server.url + "/fr/rooms/", timeout=10).status_code == 200:
            break
        time.sleep(0.5)
    assert session.get(server.url + "/fr/rooms/", timeout=10).status_code == 200
    assert requests.get(server.url + "/healthz", timeout=10).json()["database"] == "ok"
    relay.cut()


def test_a_killed_process_s_clients_move_to_the_other_and_catch_up(
    servers, redis_channel, member, rooms, tmp_path
):
    from support.nginx_server import Nginx

    if not shutil.which("nginx"):
        if IN_CI:
            pytest.fail("nginx is required under CI=true")
        pytest.skip("nginx is not installed")
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    channel = services.room_channel(rooms[ROOM]).id
    one, two = servers(redis_channel), servers(redis_channel)
    proxy = Nginx(tmp_path, [one.port, two.port]).start()
    try:
        a = Participant(one, amina.email).connect()
        k = Participant(two, kwame.email).connect()
        for person in (a, k):
            person.call("open", {"conversation_id": channel})
        first = say(a, channel, "Before the crash")
        k.wait_for("new_message"), a.wait_for("new_message")

        one.kill()  # Amina's connection just dies
        meanwhile = [say(k, channel, f"While Amina is away {n}")["message"]["id"] for n in range(3)]

        # Her page reconnects through nginx, which finds process one dead and uses two;
        # it asks for everything after the last id it holds.
        a.connect(proxy)
        caught_up = catch_up(a, channel, first["message"]["id"])
        assert caught_up == meanwhile  # nothing lost, each once, in order
        # A send she had made just before the crash is retried with its client id:
        # the stored message comes back, not a second copy.
        again = {"conversation_id": channel, "body": "Before the crash", "language": "en",
                 "client_id": first["message"]["client_id"]}  # fmt: skip
        retried = a.call("send", again)
        assert retried["duplicate"] and retried["message"]["id"] == first["message"]["id"]
        later = say(k, channel, "Welcome back")
        assert [m["id"] for m in a.wait_for("new_message")] == [later["message"]["id"]]
        a.disconnect(), k.disconnect()
    finally:
        proxy.stop()
