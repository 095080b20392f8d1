"""Socket events go out once the change they announce is committed, in the order queued,
and never for a change that was rolled back."""

import pytest
from support.chat_sockets import events, send, stored
from support.commit_faults import commits_fail

from meetingpoint.chat import live, messages, services
from meetingpoint.extensions import db


def test_an_event_waits_for_the_commit_and_is_dropped_by_a_rollback(connect, make_user):
    kwame = make_user()
    k = connect(kwame)
    k.get_received()

    live.tell_user(kwame.id, "conversation", {"conversation_id": 1})
    assert events(k) == []  # not before the commit
    db.session.rollback()
    db.session.commit()
    assert events(k) == []  # nor after a rollback, even once something else commits

    live.tell_user(kwame.id, "conversation", {"conversation_id": 2})
    live.tell_user(kwame.id, "conversation", {"conversation_id": 3})
    db.session.commit()
    assert events(k) == [
        ("conversation", {"conversation_id": 2}),
        ("conversation", {"conversation_id": 3}),
    ]


def test_a_send_whose_commit_fails_tells_nobody_and_its_retry_tells_everyone_once(
    connect, make_user
):
    amina, kwame = make_user(), make_user()
    conversation = services.open_direct(amina, kwame)
    a, k = connect(amina), connect(kwame)
    a.get_received(), k.get_received()

    with commits_fail():
        failed = send(a, conversation.id, "Hola", "d1")

    assert failed["ok"] is False and failed["retry"] is True
    assert events(k) == [] and events(a, "new_message") == []
    assert stored() == 0
    a.get_received()

    reply = send(a, conversation.id, "Hola", "d1")  # the page sends again, same client id

    assert reply["ok"] and not reply["duplicate"] and reply["live"]
    assert events(k) == [
        ("new_message", reply["message"]),
        ("unread", {"conversation_id": conversation.id, "unread": 1, "total": 1}),
    ]
    assert stored() == 1


def test_rolled_back_edits_deletions_and_reads_are_not_announced(connect, member, channel):
    amina, kwame = member(), member()
    sent, _ = messages.send_message(amina, channel, "first", "en", "e1")
    k, a = connect(kwame, channel), connect(amina)
    k.get_received(), a.get_received()

    for change in (
        lambda: messages.edit_message(amina, sent["id"], "changed"),
        lambda: messages.delete_message(amina, sent["id"]),
        lambda: messages.mark_read(amina, channel, sent["id"]),
    ):
        with commits_fail(), pytest.raises(Exception, match="server closed"):
            change()
        db.session.rollback()

    assert events(k) == [] and events(a) == []
    db.session.expire_all()
    assert messages.access_message(kwame, sent["id"]).body_source == "first"

    messages.edit_message(amina, sent["id"], "changed")
    ((name, payload),) = events(k)
    assert name == "message_changed" and payload["html"] == "<p>changed</p>"


def test_someone_added_to_a_group_that_was_not_saved_hears_nothing(connect, make_user):
    amina, fatou = make_user(), make_user()
    group = services.create_group(amina, "Inspectors")
    f = connect(fatou)
    f.get_received()

    with commits_fail(), pytest.raises(Exception, match="server closed"):
        services.add_to_group(amina, group, fatou)
    db.session.rollback()
    assert events(f) == []

    services.add_to_group(amina, group, fatou)
    assert events(f) == [("conversation", {"conversation_id": group.id})]


def test_each_reader_hears_the_sends_in_order_each_with_its_count(connect, make_user):
    amina, kwame, fatou = make_user(), make_user(), make_user()
    group = services.create_group(amina, "Inspectors")
    for person in (kwame, fatou):
        services.add_to_group(amina, group, person)
    k, f = connect(kwame), connect(fatou)
    k.get_received(), f.get_received()
    a = connect(amina)

    sent = [send(a, group.id, f"number {n}", f"o{n}")["message"] for n in range(3)]

    for sock in (k, f):
        assert events(sock) == [
            event
            for n, message in enumerate(sent)
            for event in (
                ("new_message", message),
                ("unread", {"conversation_id": group.id, "unread": n + 1, "total": n + 1}),
            )
        ]
    assert [m["previous_id"] for m in sent[1:]] == [m["id"] for m in sent[:-1]]
