"""Group conversations, editing, permalinks, jumping to a date and online marks, over plain
HTTP (no JavaScript)."""

import re
from datetime import timedelta

from flask import current_app
from sqlalchemy import select
from support.web import post

from meetingpoint.chat import messages, presence, services
from meetingpoint.chat.models import ChatMessage, ConversationMember
from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.notifications.models import Notification


def start_group(client, title="Labour inspectors") -> str:
    response = post(client, "/en/messages/groups", {"title": title})
    assert response.status_code == 302
    return response.headers["Location"]


def test_a_group_is_started_filled_by_search_and_left(client, auth, make_user):
    amina = make_user(display_name="Amina")
    fatou = make_user(display_name="Fatou Diop", organisation="Inspection du travail")
    make_user(display_name="Someone Else")
    auth.login(amina)
    people_url = start_group(client)
    assert re.match(r"^/en/messages/\d+/people$", people_url)

    found = client.get(people_url + "?q=inspection").get_data(as_text=True)
    assert "Fatou Diop" in found and "Someone Else" not in found
    conversation_id = int(people_url.split("/")[3])
    post(client, f"/en/messages/{conversation_id}/people/{fatou.id}")
    post(client, f"/en/messages/{conversation_id}/people/{fatou.id}")  # twice: no change
    assert (
        db.session.query(ConversationMember).filter_by(conversation_id=conversation_id).count() == 2
    )

    page = client.get(f"/en/messages/{conversation_id}").get_data(as_text=True)
    assert "<h1>Labour inspectors</h1>" in page and "Fatou Diop" in page
    post(
        client,
        f"/en/messages/{conversation_id}",
        {"body": "Bienvenue", "language": "fr", "client_id": "g1"},
    )
    auth.logout()

    auth.login(fatou)
    inbox = client.get("/en/messages/").get_data(as_text=True)
    assert "Labour inspectors" in inbox and "data-unread><span data-count>1<" in inbox
    post(client, f"/en/messages/{conversation_id}/leave")
    assert client.get(f"/en/messages/{conversation_id}").status_code == 404
    assert "Labour inspectors" not in client.get("/en/messages/").get_data(as_text=True)


def test_a_group_holds_at_most_twenty_people(app, client, auth, make_user):
    owner = make_user()
    auth.login(owner)
    conversation_id = int(start_group(client).split("/")[3])
    for _ in range(19):
        post(client, f"/en/messages/{conversation_id}/people/{make_user().id}")
    late = make_user()
    page = post(client, f"/en/messages/{conversation_id}/people/{late.id}", follow_redirects=True)
    assert "A group conversation has at most 20 people." in page.get_data(as_text=True)
    assert (
        db.session.query(ConversationMember).filter_by(conversation_id=conversation_id).count()
        == 20
    )


def test_only_members_see_or_change_a_group(client, auth, make_user):
    owner, stranger = make_user(), make_user()
    auth.login(owner)
    conversation_id = int(start_group(client).split("/")[3])
    auth.logout()
    auth.login(stranger)
    assert client.get(f"/en/messages/{conversation_id}").status_code == 404
    assert client.get(f"/en/messages/{conversation_id}/people").status_code == 404
    assert post(client, f"/en/messages/{conversation_id}/people/{stranger.id}").status_code == 404


def test_a_group_needs_a_name(client, auth, make_user):
    auth.login(make_user())
    page = post(client, "/en/messages/groups", {"title": "  "}, follow_redirects=True)
    assert "This field is required." in page.get_data(as_text=True)


def test_editing_a_message_keeps_it_in_place_marked_edited(client, auth, member):
    amina, kwame = member(), member()
    auth.login(amina)
    post(
        client,
        "/en/rooms/social-dialogue/chat",
        {"body": "Meet at 10", "language": "en", "client_id": "e1"},
    )
    message = db.session.scalar(select(ChatMessage))
    form = client.get(f"/en/messages/edit/{message.id}").get_data(as_text=True)
    assert "Meet at 10</textarea>" in form
    response = post(client, f"/en/messages/edit/{message.id}", {"body": "Meet at 11"})
    assert response.headers["Location"] == f"/en/messages/m/{message.id}"
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Meet at 11" in page and "(edited)" in page
    # Too long: refused, the text kept in the form.
    long = "x" * 4001
    refused = post(client, f"/en/messages/edit/{message.id}", {"body": long}).get_data(as_text=True)
    assert long in refused
    auth.logout()
    auth.login(kwame)
    assert client.get(f"/en/messages/edit/{message.id}").status_code == 403
    assert post(client, f"/en/messages/edit/{message.id}", {"body": "mine now"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(ChatMessage, message.id).body_source == "Meet at 11"


def test_jump_to_a_date_in_the_reader_s_time_zone(client, auth, member, rooms):
    current_app.config["CHAT_MESSAGES_PER_MINUTE"] = 1000
    amina = member(time_zone="Pacific/Kiritimati")  # UTC+14
    channel = services.room_channel(rooms["social-dialogue"])
    sent = []
    for n in range(80):
        announced, _ = messages.send_message(amina, channel, f"Day {n}", "en", f"d{n}")
        sent.append(db.session.get(ChatMessage, announced["id"]))
    base = utcnow().replace(hour=12, minute=0, second=0, microsecond=0)
    for n, message in enumerate(sent):
        message.created_at = base - timedelta(days=80 - n)
    db.session.commit()
    auth.login(amina)
    # Noon UTC is 02:00 the next day in Kiritimati: that next day is the one the reader sees.
    target = (sent[10].created_at + timedelta(hours=14)).date().isoformat()
    page = client.get(f"/en/rooms/social-dialogue/chat?date={target}").get_data(as_text=True)
    bodies = re.findall(r"<p>(Day \d+)</p>", page)
    assert bodies[0] == "Day 10" and len(bodies) == messages.PAGE_SIZE
    newer = re.search(r'href="\?after=(\d+)" rel="next"', page).group(1)
    rest = client.get(f"/en/rooms/social-dialogue/chat?after={newer}").get_data(as_text=True)
    assert re.findall(r"<p>(Day \d+)</p>", rest)[0] == "Day 60"
    # A malformed date is simply the latest page.
    assert client.get("/en/rooms/social-dialogue/chat?date=31-12-2026").status_code == 200


def test_a_chat_mention_notifies_and_opens_the_message(client, auth, member):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame Mensah")
    auth.login(amina)
    post(
        client,
        "/en/rooms/social-dialogue/chat",
        {"body": "@**Kwame Mensah** see the report", "language": "en", "client_id": "m1"},
    )
    auth.logout()
    auth.login(kwame)
    centre = client.get("/en/notifications/").get_data(as_text=True)
    assert "Amina mentioned you in a chat" in centre
    note = db.session.scalar(select(Notification))
    target = client.get(f"/en/notifications/{note.id}").headers["Location"]
    message = db.session.scalar(select(ChatMessage))
    assert target == f"/en/messages/m/{message.id}"
    page = client.get(target, follow_redirects=True).get_data(as_text=True)
    assert f'id="message-{message.id}"' in page


def test_online_people_are_marked_in_the_directory_and_on_profiles(client, auth, make_user):
    online, away = make_user(display_name="Online Person"), make_user(display_name="Away Person")
    presence.connected(online, "sid-1")
    auth.login(make_user())
    directory = client.get("/en/people/").get_data(as_text=True)
    assert re.search(r"Online Person</a> <span class=\"online-mark\">", directory)
    assert not re.search(r"Away Person</a> <span class=\"online-mark\">", directory)
    assert 'class="online-mark"' in client.get(f"/en/people/{online.id}").get_data(as_text=True)
    # A connection whose process died stops counting once its heartbeats are missed.
    from meetingpoint.chat.models import ChatConnection

    db.session.get(ChatConnection, "sid-1").seen_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert 'class="online-mark"' not in client.get(f"/en/people/{online.id}").get_data(as_text=True)
    assert away.id not in presence.online_among([online.id, away.id])


def test_the_directory_offers_a_message_to_each_person(client, auth, make_user):
    other = make_user(display_name="Reachable")
    auth.login(make_user())
    directory = client.get("/en/people/").get_data(as_text=True)
    assert f'action="/en/messages/with/{other.id}"' in directory
