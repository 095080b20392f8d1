"""After-commit work: it runs once the change is committed, and never for a rolled-back one."""

from meetingpoint.commits import after_commit, on_commit
from meetingpoint.extensions import db
from meetingpoint.rooms.models import Room


def _room(slug: str) -> Room:
    return Room(slug=slug)


def test_an_action_runs_after_the_commit_with_ids_known(app):
    seen = []
    room = _room("after")
    db.session.add(room)
    # Prepared before the commit: the new row has its id, and the session may still query.
    on_commit(db.session, lambda: lambda room_id=room.id: seen.append(room_id))
    assert seen == []
    db.session.commit()
    assert seen == [room.id] and room.id is not None


def test_a_rollback_forgets_what_was_queued(app):
    seen = []
    db.session.add(_room("rolled"))
    after_commit(db.session, seen.append, "rolled")
    db.session.rollback()
    db.session.commit()
    assert seen == []
    assert db.session.scalar(db.select(Room).filter_by(slug="rolled")) is None


def test_actions_run_in_order_and_one_failure_spares_the_rest(app):
    seen = []
    after_commit(db.session, seen.append, 1)
    after_commit(db.session, lambda: 1 / 0)
    after_commit(db.session, seen.append, 2)
    db.session.commit()
    assert seen == [1, 2]
    db.session.commit()  # each runs once
    assert seen == [1, 2]


def test_a_preparation_may_queue_more(app):
    seen = []

    def prepare():
        after_commit(db.session, seen.append, "second")
        return lambda: seen.append("first")

    on_commit(db.session, prepare)
    db.session.commit()
    assert seen == ["first", "second"]
