"""The coupling figures on a synthetic history whose answers are known, including the
edges of a period in two time zones; and the periods themselves."""

from datetime import date

from support.dashboard_history import NOVEMBER, at

from meetingpoint.dashboard.coupling import coupling_in
from meetingpoint.dashboard.periods import (
    FOUR_MONTHS,
    MONTH,
    WEEK,
    current_period,
    growth,
    period_containing,
)
from meetingpoint.extensions import db
from meetingpoint.forums.models import Topic
from meetingpoint.forums.services import PostDraft


def test_a_month_in_utc(history):
    people, a, _b = history
    figures = coupling_in(period_containing(MONTH, NOVEMBER, "UTC"))
    assert (figures.interactions, figures.pairs, figures.cross_border_pairs,
            figures.south_south_pairs) == (5, 3, 2, 1)  # fmt: skip
    assert (figures.active, figures.coupled, figures.index) == (4, 3, 0.75)
    assert figures.regions == {
        ("africa", "americas"): 1, ("americas", "africa"): 1, ("africa", "africa"): 1,
        ("asia-pacific", "europe-central-asia"): 1, ("europe-central-asia", "asia-pacific"): 1,
    }  # fmt: skip


def test_the_same_month_in_la_paz(history):
    figures = coupling_in(period_containing(MONTH, NOVEMBER, "America/La_Paz"))
    assert (figures.interactions, figures.pairs, figures.cross_border_pairs,
            figures.south_south_pairs) == (5, 4, 3, 1)  # fmt: skip
    assert (figures.active, figures.coupled) == (6, 5)


def test_one_room(history):
    _people, a, _b = history
    figures = coupling_in(period_containing(MONTH, NOVEMBER, "UTC"), room_ids=[a.id])
    assert (figures.interactions, figures.pairs, figures.cross_border_pairs,
            figures.south_south_pairs) == (3, 2, 1, 1)  # fmt: skip
    assert (figures.active, figures.coupled) == (3, 2)


def test_periods_and_growth():
    four = period_containing(FOUR_MONTHS, date(2026, 6, 30))
    assert (four.first_day, four.next_first_day) == (date(2026, 5, 1), date(2026, 9, 1))
    assert four.previous().first_day == date(2026, 1, 1)
    assert period_containing(FOUR_MONTHS, date(2026, 12, 31)).next_first_day == date(2027, 1, 1)
    week = period_containing(WEEK, date(2026, 11, 28))  # a Saturday
    assert (week.first_day, week.next_first_day) == (date(2026, 11, 23), date(2026, 11, 30))
    la_paz = period_containing(MONTH, NOVEMBER, "America/La_Paz")
    assert la_paz.starts == at("2026-11-01T04:00") and la_paz.ends == at("2026-12-01T04:00")
    assert current_period(MONTH, "Asia/Kolkata", at("2026-11-30T20:00")).first_day == date(
        2026, 12, 1
    )
    assert growth(30, 20) == 50 and growth(10, 40) == -75 and growth(5, 0) is None


def test_activity_of_a_month(history):
    from datetime import timedelta

    from meetingpoint.dashboard.activity import activity_in
    from meetingpoint.forums.access import opening_post
    from meetingpoint.forums.services import reply

    people, a, _b = history
    topics = {t.title: t for t in db.session.query(Topic)}
    answers = [  # (who, to whose topic, hours after it was opened)
        ("ana", "By awa", 2), ("awa", "By awa", 1), ("moussa", "By ana", 6),
    ]  # fmt: skip
    for who, title, hours in answers:
        topic = topics[title]
        post = reply(people[who], topic, opening_post(topic), PostDraft("Answer", "en"))
        post.created_at = at("2026-11-15T12:00") + timedelta(hours=hours)
    db.session.commit()

    utc = activity_in(period_containing(MONTH, NOVEMBER, "UTC"))
    assert (utc.active, utc.topics, utc.replies, utc.chat_messages) == (4, 4, 3, 0)
    assert utc.posts_per_person == 1.75 and utc.chat_per_person == 0
    # Awa's topic was first answered by someone else after 2 hours (her own reply after 1
    # does not count), Ana's after 6: half of the four topics, a median wait of 4 hours.
    assert (utc.answered_topics, utc.answered_share) == (2, 0.5)
    assert utc.first_reply == timedelta(hours=4)
    la_paz = activity_in(period_containing(MONTH, NOVEMBER, "America/La_Paz"))
    assert (la_paz.active, la_paz.chat_messages) == (6, 2)
    room = activity_in(period_containing(MONTH, NOVEMBER, "UTC"), room_ids=[a.id])
    assert (room.topics, room.replies, room.answered_topics) == (3, 3, 2)
    empty = activity_in(period_containing(MONTH, date(2026, 10, 1), "UTC"))
    assert empty.first_reply is None and empty.answered_share is None
