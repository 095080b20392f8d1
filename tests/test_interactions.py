"""Interactions recorded as people write (replies, mentions, direct messages, chat replies),
with their countries at the time, for the coupling figures; and the Global South list."""

from datetime import timedelta

from sqlalchemy import select
from support.settings import PASSWORD

from meetingpoint.accounts.services import delete_account
from meetingpoint.chat import messages
from meetingpoint.chat.models import ChatMessage
from meetingpoint.chat.services import add_to_group, create_group, open_direct, room_channel
from meetingpoint.dashboard.models import Interaction
from meetingpoint.dashboard.south import GLOBAL_SOUTH, is_south
from meetingpoint.extensions import db
from meetingpoint.forums.access import opening_post
from meetingpoint.forums.services import PostDraft, create_topic, reply

ROOM = "social-dialogue"


def recorded() -> list[tuple]:
    rows = db.session.scalars(select(Interaction).order_by(Interaction.id))
    return [(i.kind, i.actor_id, i.partner_id, i.actor_country, i.partner_country) for i in rows]


def test_the_global_south_list():
    for country in ("BR", "IN", "ZA", "SA", "TR", "MX", "ID", "SN", "BO", "CN", "FJ"):
        assert is_south(country), country
    for country in ("US", "CA", "FR", "DE", "JP", "KR", "AU", "NZ", "KZ", "RU", None, ""):
        assert not is_south(country), country
    assert 140 <= len(GLOBAL_SOUTH) <= 190


def test_forum_replies_and_mentions(member, rooms):
    awa = member(display_name="Awa Ndiaye", country="SN")
    ana = member(display_name="Ana Tavares", country="BR")
    kofi = member(display_name="Kofi Boateng", country="GH")
    topic = create_topic(awa, rooms[ROOM], "Inspection", PostDraft("Comment faites-vous ?", "fr"))
    opening = opening_post(topic)
    assert recorded() == []  # opening a topic reaches no one in particular
    answer = reply(ana, topic, opening, PostDraft("Com a ajuda de @**Kofi Boateng**.", "pt"))
    reply(awa, topic, answer, PostDraft("Obrigada!", "pt"))
    reply(awa, topic, opening, PostDraft("Et moi-même, j'ajoute ceci.", "fr"))  # herself
    assert recorded() == [
        ("reply", ana.id, awa.id, "BR", "SN"),
        ("mention", ana.id, kofi.id, "BR", "GH"),
        ("reply", awa.id, ana.id, "SN", "BR"),
    ]
    assert {i.room_id for i in db.session.scalars(select(Interaction))} == {rooms[ROOM].id}


def test_direct_group_and_room_chat(member, make_user, rooms):
    awa = member(country="SN")
    raj = member(country="IN")
    lea = make_user(country="FR")
    messages.send_message(awa, open_direct(awa, raj), "Hello Raj", "en", "a" * 32)
    group = create_group(awa, "Triangular")
    add_to_group(awa, group, raj)
    add_to_group(awa, group, lea)
    messages.send_message(raj, group, "Hi both", "en", "b" * 32)
    assert recorded() == [
        ("direct", awa.id, raj.id, "SN", "IN"),
        ("direct", raj.id, awa.id, "IN", "SN"),
        ("direct", raj.id, lea.id, "IN", "FR"),
    ]

    # A room's chat: answering the message just before, if someone else's and recent.
    channel = room_channel(rooms[ROOM])
    db.session.query(Interaction).delete()
    messages.send_message(awa, channel, "Bonjour", "fr", "c" * 32)
    messages.send_message(awa, channel, "Ça va ?", "fr", "d" * 32)  # after her own
    messages.send_message(raj, channel, "Hello Awa", "en", "e" * 32)  # answers her
    last = db.session.scalar(select(ChatMessage).order_by(ChatMessage.id.desc()))
    last.created_at -= timedelta(minutes=11)
    db.session.commit()
    messages.send_message(awa, channel, "Sorry, I was away", "en", "f" * 32)  # too late
    assert recorded() == [("chat_reply", raj.id, awa.id, "IN", "SN")]


def test_a_departing_participant_stays_counted_by_country_only(member, rooms):
    awa = member(country="SN")
    raj = member(country="IN")
    messages.send_message(awa, open_direct(awa, raj), "Hello Raj", "en", "a" * 32)
    delete_account(raj, PASSWORD, remove_content=False)
    db.session.commit()
    assert recorded() == [("direct", awa.id, None, "SN", "IN")]


def test_the_past_is_worked_out_once_from_what_is_stored(member, rooms, runner):
    awa = member(display_name="Awa Ndiaye", country="SN")
    ana = member(display_name="Ana Tavares", country="BR")
    raj = member(display_name="Raj Patel", country="IN")
    topic = create_topic(awa, rooms[ROOM], "Inspection", PostDraft("Comment faites-vous ?", "fr"))
    reply(ana, topic, opening_post(topic), PostDraft("Ask @**Raj Patel**, he knows.", "en"))
    messages.send_message(awa, open_direct(awa, raj), "Hello Raj", "en", "a" * 32)
    channel = room_channel(rooms[ROOM])
    messages.send_message(awa, channel, "Bonjour", "fr", "b" * 32)
    messages.send_message(raj, channel, "Hello Awa", "en", "c" * 32)
    as_recorded = sorted(recorded())
    db.session.query(Interaction).delete()  # as before recording began
    db.session.commit()
    result = runner.invoke(args=["dashboard", "backfill"])
    assert result.output == "Interactions added: 4.\n"  # a reply, a mention, direct, chat
    assert sorted(recorded()) == as_recorded
    assert runner.invoke(args=["dashboard", "backfill"]).output == "Interactions added: 0.\n"
