"""A synthetic history whose figures are known: seven people in two rooms and six
interactions, two of them just across November's edges (a fixture for the figure tests
and the dashboard pages)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update

from meetingpoint.chat import messages
from meetingpoint.chat.models import ChatMessage
from meetingpoint.chat.services import room_channel
from meetingpoint.dashboard.models import Interaction
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic
from meetingpoint.forums.services import PostDraft, create_topic
from meetingpoint.rooms.services import join_room

NOVEMBER = date(2026, 11, 15)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def history(member, rooms):
    """Seven people; six interactions, two of them just across November's edges (in La Paz,
    four hours behind UTC, one falls in November and the other in October)."""
    a, b = rooms["social-dialogue"], rooms["labour-migration"]
    people = {
        name: member(display_name=name, country=country)
        for name, country in [("awa", "SN"), ("ana", "BR"), ("moussa", "SN"), ("raj", "IN"),
                              ("lea", "FR"), ("sam", "US"), ("kofi", "GH")]
    }  # fmt: skip
    for name in ("raj", "sam", "kofi"):
        join_room(people[name], b)
    for name, room in [("awa", a), ("ana", a), ("moussa", a), ("raj", b)]:
        create_topic(people[name], room, f"By {name}", PostDraft("Text", "en"))
    for model in (Post, Topic):  # opened on 15 November
        db.session.execute(update(model).values(created_at=at("2026-11-15T12:00")))
    for name in ("sam", "kofi"):  # in the chat, late on 30 November in La Paz
        messages.send_message(people[name], room_channel(b), "Hi", "en", name * 8)
    db.session.execute(update(ChatMessage).values(created_at=at("2026-12-01T01:00")))
    db.session.query(Interaction).delete()  # the chat's own are not part of this history
    rows = [
        ("2026-11-10T12:00", "awa", "ana", a), ("2026-11-11T12:00", "ana", "awa", a),
        ("2026-11-12T12:00", "awa", "moussa", a), ("2026-11-13T12:00", "raj", "lea", b),
        ("2026-12-01T02:00", "sam", "kofi", None), ("2026-11-01T02:00", "lea", "raj", b),
    ]  # fmt: skip
    for when, actor, partner, room in rows:
        db.session.add(Interaction(
            occurred_at=at(when), kind="reply", actor_id=people[actor].id,
            partner_id=people[partner].id, actor_country=people[actor].country,
            partner_country=people[partner].country, room_id=room.id if room else None,
        ))  # fmt: skip
    db.session.commit()
    return people, a, b
