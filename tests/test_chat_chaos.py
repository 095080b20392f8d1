"""No message lost under real faults, with many pages following chat.js's own steps: Redis
killed while people talk across two processes, connections cut again and again, the
database cut under a sender. Every page ends holding exactly what was stored."""

import threading
import time
import uuid

import pytest
from sqlalchemy import func, select
from support.chat_reader import FaithfulReader, wait_until_exact
from support.tcp_cut import Relay, through_relay

from meetingpoint.chat import services
from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db

ROOM = "social-dialogue"
# Their timings assume the machine to themselves: make test runs them after the rest.
pytestmark = [pytest.mark.backends("postgresql"), pytest.mark.alone]


def _stored(channel_id: int) -> set[int]:
    db.session.rollback()  # a fresh look at what the servers committed
    query = select(ChatMessage.id).where(ChatMessage.conversation_id == channel_id)
    return set(db.session.scalars(query))


def _start_all(readers):
    threads = [threading.Thread(target=reader.start) for reader in readers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return readers


def _talk(senders, seconds: float, every: float, label: str, sent_at=None) -> list:
    """Each sender sends one message every `every` seconds for `seconds`, in a thread; the
    time of each send goes into `sent_at` when given."""
    stop_at = time.monotonic() + seconds

    def run(sender, n):
        count = 0
        while time.monotonic() < stop_at:
            if sent_at is not None:
                sent_at.append(time.monotonic())
            sender.send(f"{label} {n}.{count}")
            count += 1
            time.sleep(every)

    threads = [threading.Thread(target=run, args=(s, n)) for n, s in enumerate(senders)]
    for thread in threads:
        thread.start()
    return threads


def test_redis_killed_while_fifty_pages_talk_on_two_processes(servers, own_redis, member, rooms):
    people = [member(display_name=f"Participant {n}") for n in range(50)]
    channel = services.room_channel(rooms[ROOM]).id
    settings = {"REDIS_URL": own_redis.url, "RATELIMIT_STORAGE_URI": own_redis.url}
    one = servers(f"chaos-{uuid.uuid4().hex[:8]}", **settings)
    two = servers(one.env["MEETINGPOINT_SOCKETIO_CHANNEL"], **settings)
    readers = _start_all(
        [FaithfulReader((one, two)[n % 2].url, p.email, channel) for n, p in enumerate(people)]
    )
    try:
        # Twenty of them talk, ten messages a second in all, before, during and after.
        sent_at: list[float] = []
        talking = _talk(readers[:20], seconds=18, every=2.0, label="Message", sent_at=sent_at)
        time.sleep(4)
        own_redis.stop()
        stopped = time.monotonic()
        time.sleep(10)
        own_redis.start()  # the same port; neither process is restarted
        started = time.monotonic()
        for thread in talking:
            thread.join(120)
        stored = _stored(channel)
        acknowledged = {i for r in readers for i in r.acknowledged.values()}
        # Up to 180 at full pace; a loaded machine sends fewer, but some in each phase.
        assert acknowledged == stored and len(stored) >= 100
        assert [t for t in sent_at if t < stopped] and [t for t in sent_at if t > started]
        assert len([t for t in sent_at if stopped < t < started]) >= 20
        wait_until_exact(readers, stored)
    finally:
        for reader in readers:
            reader.stop()


def test_connections_cut_every_three_seconds(servers, redis_channel, member, rooms):
    people = [member(display_name=f"Participant {n}") for n in range(12)]
    channel = services.room_channel(rooms[ROOM]).id
    one, two = servers(redis_channel), servers(redis_channel)
    relays = [Relay(("127.0.0.1", one.port)).start(), Relay(("127.0.0.1", two.port)).start()]
    steady = _start_all([FaithfulReader(s.url, p.email, channel) for s, p in
                         zip((one, two), people[:2], strict=True)])  # fmt: skip
    cut = _start_all(
        [
            FaithfulReader(f"http://127.0.0.1:{relays[n % 2].port}", p.email, channel)
            for n, p in enumerate(people[2:])
        ]
    )
    try:
        talking = _talk(steady, seconds=15, every=0.4, label="Steady")
        talking += _talk(cut, seconds=15, every=2.5, label="Cut")
        for round_ in range(5):  # every 3 s, one relay after the other: every socket drops
            time.sleep(1.5)
            relay = relays[round_ % 2]
            relay.cut()
            time.sleep(1.5)
            relay.start()
        for thread in talking:
            thread.join(120)
        stored = _stored(channel)
        sent = [r.acknowledged for r in steady + cut]
        # Each send stored once, however often it was sent again after a cut.
        ids = {i for a in sent for i in a.values()}
        assert sum(len(a) for a in sent) == len(stored) == len(ids)
        wait_until_exact(steady + cut, stored)
    finally:
        for reader in steady + cut:
            reader.stop()
        for relay in relays:
            if relay.listener is not None:
                relay.cut()


def test_a_send_during_a_database_cut_is_answered_then_stored_once(
    servers, member, rooms, database_url
):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    channel = services.room_channel(rooms[ROOM]).id
    relay, relayed_url = through_relay(database_url)
    server = servers(DATABASE_URL=relayed_url, DATABASE_POOL_TIMEOUT=2)
    a = FaithfulReader(server.url, amina.email, channel).start()
    k = FaithfulReader(server.url, kwame.email, channel).start()
    try:
        a.send("Before the cut")
        relay.cut()
        draft = {"conversation_id": channel, "body": "During the cut", "language": "en",
                 "client_id": uuid.uuid4().hex}  # fmt: skip
        began = time.monotonic()
        reply = a.client.call("send", draft, timeout=30)
        # Answered, promptly, as "not stored, try again", in the person's language.
        assert reply["ok"] is False and reply["retry"] is True, reply
        assert time.monotonic() - began < 20
        assert "try" in reply["error"].lower()
        relay.start()
        # The page sends the same draft again until it is stored: once.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            reply = a.client.call("send", draft, timeout=15)
            if reply["ok"]:
                break
            time.sleep(1)
        assert reply["ok"], reply
        stored = _stored(channel)
        same = select(func.count()).where(ChatMessage.client_id == draft["client_id"])
        assert db.session.scalar(same) == 1
        wait_until_exact([a, k], stored)
    finally:
        a.stop(), k.stop()
        if relay.listener is not None:
            relay.cut()


def test_a_burst_through_nginx_with_few_connections_answers_every_send(
    servers, redis_channel, member, rooms, tmp_path
):
    """Two hundred sends at once into one room, through the shipped nginx site, two
    processes each allowed two database connections (waited for half a second at most) and
    one socket event at a time: none is left unanswered by a pool time-out (each is
    answered, "try again" at worst, then sent again and stored once), and every page ends
    exact."""
    from support.nginx_server import Nginx

    people = [member(display_name=f"Participant {n}") for n in range(20)]
    channel = services.room_channel(rooms[ROOM]).id
    tight = {"DATABASE_POOL_SIZE": 2, "DATABASE_POOL_OVERFLOW": 0, "DATABASE_POOL_TIMEOUT": 0.5,
             "CHAT_EVENTS_AT_ONCE": 1, "CHAT_EVENT_WAIT_SECONDS": 1}  # fmt: skip
    one, two = servers(redis_channel, **tight), servers(redis_channel, **tight)
    proxy = Nginx(tmp_path, [one.port, two.port]).start()
    readers = _start_all([FaithfulReader(proxy.url, p.email, channel) for p in people])
    try:
        sends = [threading.Thread(target=reader.send, args=(f"Burst {n}.{k}",))
                 for n, reader in enumerate(readers) for k in range(10)]  # fmt: skip
        for thread in sends:
            thread.start()
        for thread in sends:
            thread.join(120)
        assert sum(r.unanswered for r in readers) == 0  # every try got an answer in time
        stored = _stored(channel)
        acknowledged = {i for r in readers for i in r.acknowledged.values()}
        assert len(acknowledged) == len(stored) == 200 and acknowledged == stored
        wait_until_exact(readers, stored)
    finally:
        for reader in readers:
            reader.stop()
        proxy.stop()
