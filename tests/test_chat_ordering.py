"""Within a conversation, messages commit in id order, whatever the interleaving of sends:
a reader who catches up by "everything after the last id I hold" never skips one."""

import threading
import uuid

from sqlalchemy import event, select

from meetingpoint.accounts.models import User
from meetingpoint.chat import messages, services
from meetingpoint.chat.models import ChatMessage, Conversation
from meetingpoint.extensions import db

ROOM = "social-dialogue"


def _send_in_thread(app, user_id, conversation_id, body, results):
    """A send in a session and connection of its own, as another request would make it."""

    def run():
        with app.app_context():
            try:
                user = db.session.get(User, user_id)
                conversation = db.session.get(Conversation, conversation_id)
                payload, _stored = messages.send_message(
                    user, conversation, body, "en", uuid.uuid4().hex
                )
                results[body] = payload
            except Exception as error:  # the assertion below names it
                results[body] = error
            finally:
                db.session.remove()

    thread = threading.Thread(target=run, name=body)
    thread.start()
    return thread


def test_a_send_that_commits_late_is_never_skipped_by_a_reader(app, member, rooms):
    """The first send draws its id and is held just before its commit; a second send into
    the same conversation meanwhile must not commit ahead of it with a higher id, or a reader
    catching up between the two commits would never see the first."""
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    channel_id = services.room_channel(rooms[ROOM]).id
    ready, release = threading.Event(), threading.Event()

    def hold_the_first(session):
        if threading.current_thread().name == "first":
            ready.set()
            release.wait(10)

    event.listen(db.session, "before_commit", hold_the_first)
    try:
        results: dict = {}
        first = _send_in_thread(app, amina.id, channel_id, "first", results)
        assert ready.wait(10), results
        second = _send_in_thread(app, kwame.id, channel_id, "second", results)
        second.join(1.5)  # long enough to commit, had it not had to wait for the first
        seen_meanwhile = [m.id for m in messages.history(db.session.get(Conversation, channel_id),
                                                         after_id=0)]  # fmt: skip
        db.session.rollback()
        release.set()
        first.join(15), second.join(15)
    finally:
        release.set()
        event.remove(db.session, "before_commit", hold_the_first)

    assert isinstance(results["first"], dict), results["first"]
    assert isinstance(results["second"], dict), results["second"]
    first_id, second_id = results["first"]["id"], results["second"]["id"]
    # A page that caught up while the first send was held, then again from its newest id.
    held = set(seen_meanwhile)
    after = max(held, default=0)
    channel = db.session.get(Conversation, channel_id)
    held |= {m.id for m in messages.history(channel, after_id=after)}
    stored = set(db.session.scalars(select(ChatMessage.id)))
    assert held == stored == {first_id, second_id}
    # Commit order is id order, and each names the one before it as it was committed.
    assert first_id < second_id
    assert results["first"]["previous_id"] == 0
    assert results["second"]["previous_id"] == first_id
    assert channel.last_message_id == second_id


def test_many_concurrent_sends_chain_without_a_gap(app, member, rooms):
    """Twenty sends at once from five people: the previous-message links form one chain
    through every stored message, and the newest id is the conversation's last."""
    people = [member(display_name=f"Sender {n}") for n in range(5)]
    channel_id = services.room_channel(rooms[ROOM]).id
    results: dict = {}
    threads = [
        _send_in_thread(app, people[n % 5].id, channel_id, f"message {n}", results)
        for n in range(20)
    ]
    for thread in threads:
        thread.join(30)
    assert all(isinstance(r, dict) for r in results.values()), results
    links = {r["id"]: r["previous_id"] for r in results.values()}
    ordered = sorted(links)
    assert [links[i] for i in ordered] == [0, *ordered[:-1]]
    assert db.session.get(Conversation, channel_id).last_message_id == ordered[-1]
