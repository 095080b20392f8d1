"""Each live connection's event budget: a burst, then a steady pace; a flood is refused
undone, then dropped, and the rest of the site goes on answering."""

import time

from sqlalchemy import func, select
from support.web import AuthActions

from meetingpoint.chat import pacing
from meetingpoint.chat.models import ChatMessage
from meetingpoint.chat.services import room_channel
from meetingpoint.extensions import db, socketio

SLOW_DOWN = "You are sending too fast. Wait a moment and try again."


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_steady_rate_then_refusals():
    clock = Clock()
    budget = pacing.EventBudget(clock)
    verdicts = [budget.take("a", burst=5, rate=2) for _ in range(7)]
    assert verdicts == [pacing.ALLOW] * 5 + [pacing.REFUSE] * 2
    clock.now += 1  # two more tokens a second
    assert [budget.take("a", 5, 2) for _ in range(3)] == [pacing.ALLOW] * 2 + [pacing.REFUSE]
    assert budget.take("b", 5, 2) == pacing.ALLOW  # every connection has its own
    clock.now += 60  # refilled, never past the burst
    assert [budget.take("a", 5, 2) for _ in range(6)] == [pacing.ALLOW] * 5 + [pacing.REFUSE]


def test_a_connection_refused_three_bursts_running_is_dropped():
    clock = Clock()
    budget = pacing.EventBudget(clock)
    for _ in range(5):
        budget.take("a", 5, 2)
    refusals = [budget.take("a", 5, 2) for _ in range(15)]
    assert refusals == [pacing.REFUSE] * 14 + [pacing.DROP]


def test_refusals_spread_over_time_are_forgiven():
    """A page that sends a little too fast now and then is refused, never dropped."""
    clock = Clock()
    budget = pacing.EventBudget(clock)
    verdicts = []
    for _ in range(200):  # three events a second against two allowed: one refused in three
        clock.now += 1 / 3
        verdicts.append(budget.take("a", 5, 2))
    assert pacing.REFUSE in verdicts and pacing.DROP not in verdicts


def test_a_bucket_is_forgotten():
    budget = pacing.EventBudget(Clock())
    budget.take("a", 5, 2)
    budget.forget("a")
    budget.forget("never-seen")
    assert len(budget) == 0


def test_a_flood_is_refused_undone_then_dropped(app, client, member, rooms):
    app.config["CHAT_MESSAGES_PER_MINUTE"] = 10_000  # the event budget alone paces here
    channel = room_channel(rooms["social-dialogue"])
    http = app.test_client()
    AuthActions(http).login(member())
    kept = len(pacing.budget)
    sock = socketio.test_client(app, flask_test_client=http)
    replies = []
    started = time.monotonic()
    for n in range(200):
        if not sock.is_connected():
            break
        payload = {"conversation_id": channel.id, "body": f"flood {n}", "language": "en",
                   "client_id": f"flood-{n}"}  # fmt: skip
        replies.append(sock.emit("send", payload, callback=True))
    elapsed = time.monotonic() - started

    burst = app.config["CHAT_EVENT_BURST"]
    allowed = [reply for reply in replies if reply["ok"]]
    refused = [reply for reply in replies if not reply["ok"]]
    # The burst at once, and whatever the steady rate refilled while they ran (a loaded
    # machine sends more slowly, so more is refilled).
    refilled = int(app.config["CHAT_EVENTS_PER_SECOND"] * elapsed) + 1
    assert burst <= len(allowed) <= burst + refilled
    assert all(reply["ok"] for reply in replies[:burst])
    assert refused and {reply["error"] for reply in refused} == {SLOW_DOWN}
    # "retry": a page resending what was written offline sends those past the burst again.
    assert all(reply["retry"] is True for reply in refused)
    # Dropped after three bursts' worth of refusals, long before the flood ended.
    assert not sock.is_connected()
    assert len(replies) < 200
    assert len(refused) >= pacing.DROP_AFTER_BURSTS * burst
    # Refused events did nothing: only the allowed sends were stored.
    assert db.session.scalar(select(func.count()).select_from(ChatMessage)) == len(allowed)
    assert client.get("/healthz").status_code == 200
    assert len(pacing.budget) == kept  # its bucket went with it


def test_the_refusal_is_translated_and_the_bucket_goes_with_the_connection(app, member, rooms):
    app.config["CHAT_EVENT_BURST"] = 2
    app.config["CHAT_EVENTS_PER_SECOND"] = 0.01  # nothing refilled, however slow the machine
    http = app.test_client()
    AuthActions(http).login(member(locale="fr"))
    kept = len(pacing.budget)
    sock = socketio.test_client(app, flask_test_client=http)
    replies = [sock.emit("here", {}, callback=True) for _ in range(3)]
    assert [reply["ok"] for reply in replies] == [True, True, False]
    assert replies[2]["error"] == "Vous envoyez trop vite. Attendez un instant et réessayez."
    assert len(pacing.budget) == kept + 1
    sock.disconnect()
    assert len(pacing.budget) == kept
