"""Muting and blocking: a muted person's writing folds away and stays silent; a blocked one
cannot reach you by any path; both undo, both are yours to export, and go with an account."""

import json
import re

import pytest
from sqlalchemy import func, select
from support.chat_form import send
from support.forum import answer, last, open_topic
from support.settings import PASSWORD
from support.web import post

from meetingpoint.chat import messages, services
from meetingpoint.chat.models import ChatMessage, ConversationMember
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post
from meetingpoint.notifications.models import Notification, NotificationPreference
from meetingpoint.safety.models import PersonMute

REFUSAL = "This person does not accept messages from you."
FOLDED = '<details class="muted-writing"><summary>'


def act(client, person, action, data=None, **kwargs):
    return post(client, f"/en/people/{person.id}/{action}", data, **kwargs)


def notifications_of(user) -> list[str]:
    query = select(Notification.kind).where(Notification.user_id == user.id)
    return list(db.session.scalars(query))


def mute_row(user, person) -> PersonMute | None:
    db.session.expire_all()  # the rows changed in the served app, not in this session
    return db.session.get(PersonMute, (user.id, person.id))


def chat_count() -> int:
    return db.session.scalar(select(func.count()).select_from(ChatMessage))


def as_(client, auth, user):
    auth.logout()
    auth.login(user)


def test_a_muted_person_s_posts_fold_away_and_their_replies_stay_silent(client, auth, member):
    amina, bruno, carla = member(display_name="Amina"), member(display_name="Bruno"), member()
    auth.login(amina)
    open_topic(client, body="How do your councils work?")
    opening = last(Post)
    response = act(client, bruno, "mute")
    assert response.headers["Location"] == f"/en/people/{bruno.id}"
    as_(client, auth, bruno)
    answer(client, opening.id, "Ours meet monthly, @**Amina**.")
    as_(client, auth, carla)
    answer(client, opening.id, "Ours meet twice a year.")
    assert notifications_of(amina) == ["reply"]  # Carla's; nothing of Bruno's
    as_(client, auth, amina)
    page = client.get(f"/en/posts/{opening.id}", follow_redirects=True).get_data(as_text=True)
    folded = page.split(FOLDED)
    assert len(folded) == 2, "only Bruno's post is folded"
    assert "Post by a person you muted." in folded[1].split("</details>")[0]
    assert "Ours meet monthly" in folded[1].split("</details>")[0]
    assert "Ours meet twice a year" not in folded[1].split("</details>")[0]
    # Private: Bruno sees his post open, and nothing on Amina's profile says he is muted.
    as_(client, auth, bruno)
    page = client.get(f"/en/posts/{opening.id}", follow_redirects=True).get_data(as_text=True)
    assert FOLDED not in page
    profile = client.get(f"/en/people/{amina.id}").get_data(as_text=True)
    assert "muted" not in profile.lower()
    assert notifications_of(bruno) == ["watched_reply"]  # Carla's reply; no word of muting


def test_a_muted_person_s_chat_messages_fold_away_and_send_no_mail(
    client, auth, member, make_user, outbox
):
    amina, bruno = member(display_name="Amina"), member(display_name="Bruno")
    wants_mail = NotificationPreference(user_id=amina.id, event="direct_message", channel="email")
    db.session.add(wants_mail)
    db.session.commit()
    auth.login(amina)
    act(client, bruno, "mute")
    as_(client, auth, bruno)
    url = post(client, f"/en/messages/with/{amina.id}").headers["Location"]
    send(client, url, "Are you free on Tuesday?")
    send(client, "/en/rooms/social-dialogue/chat", "Hello @**Amina** and everyone")
    assert outbox() == []
    assert notifications_of(amina) == []
    as_(client, auth, amina)
    page = client.get(url).get_data(as_text=True)
    assert FOLDED in page and "Message from a person you muted." in page
    assert "Are you free on Tuesday?" in page.split(FOLDED)[1].split("</details>")[0]
    room = client.get("/en/rooms/social-dialogue/chat").get_data(as_text=True)
    assert f'data-muted="{bruno.id}"' in room and FOLDED in room
    # A message from someone not muted still mails as before.
    as_(client, auth, make_user(display_name="Carla"))
    send(client, post(client, f"/en/messages/with/{amina.id}").headers["Location"], "Hi")
    assert len(outbox()) == 1


def test_a_blocked_person_cannot_reach_me_by_any_path(client, auth, member):
    amina, bruno = member(display_name="Amina"), member(display_name="Bruno")
    auth.login(bruno)
    direct_url = post(client, f"/en/messages/with/{amina.id}").headers["Location"]
    send(client, direct_url, "Before the block")
    as_(client, auth, amina)
    act(client, bruno, "block")
    assert mute_row(amina, bruno).blocked
    before = chat_count()
    as_(client, auth, bruno)
    # Opening a direct conversation with me.
    refused = post(client, f"/en/messages/with/{amina.id}")
    assert refused.status_code == 403 and REFUSAL in refused.get_data(as_text=True)
    # Sending into the one we already had.
    response = send(client, direct_url, "After the block")
    assert response.status_code == 200 and REFUSAL in response.get_data(as_text=True)
    # Adding me to a group.
    group_url = post(client, "/en/messages/groups", {"title": "Planning"}).headers["Location"]
    group_id = int(re.search(r"/messages/(\d+)/people", group_url).group(1))
    added = post(client, f"/en/messages/{group_id}/people/{amina.id}", follow_redirects=True)
    assert REFUSAL in added.get_data(as_text=True)
    assert db.session.get(ConversationMember, (group_id, amina.id)) is None
    # The live connection sends through the same service.
    conversation = services.access_conversation(bruno, int(direct_url.rsplit("/", 1)[1]))
    with pytest.raises(messages.ChatError, match=REFUSAL):
        messages.send_message(bruno, conversation, "Over the socket", "en", "sock1")
    db.session.rollback()
    assert chat_count() == before
    # Blocking also mutes; and I can still write to them.
    as_(client, auth, amina)
    page = client.get(direct_url).get_data(as_text=True)
    assert FOLDED in page
    send(client, direct_url, "I may still write")
    assert chat_count() == before + 1


def test_unblock_then_unmute_give_everything_back(client, auth, member):
    amina, bruno = member(display_name="Amina"), member(display_name="Bruno")
    auth.login(amina)
    open_topic(client)
    opening = last(Post)
    act(client, bruno, "block")
    refused = act(client, bruno, "unmute", {"back": "list"})
    assert refused.headers["Location"] == "/en/account/muted"
    assert mute_row(amina, bruno).blocked  # unblock comes first
    act(client, bruno, "unblock")
    assert not mute_row(amina, bruno).blocked
    as_(client, auth, bruno)
    url = post(client, f"/en/messages/with/{amina.id}").headers["Location"]
    send(client, url, "Can I write again?")
    answer(client, opening.id, "Still muted, though")
    assert notifications_of(amina) == []
    as_(client, auth, amina)
    act(client, bruno, "unmute")
    assert mute_row(amina, bruno) is None
    page = client.get(f"/en/posts/{opening.id}", follow_redirects=True).get_data(as_text=True)
    assert FOLDED not in page and "Still muted, though" in page
    as_(client, auth, bruno)
    answer(client, opening.id, "Heard again")
    assert notifications_of(amina) == ["reply"]


def test_the_account_page_lists_whom_i_muted_and_blocked(client, auth, member):
    amina, bruno, carla = member(), member(display_name="Bruno"), member(display_name="Carla")
    auth.login(amina)
    profile = client.get(f"/en/people/{bruno.id}").get_data(as_text=True)
    assert f'action="/en/people/{bruno.id}/mute"' in profile
    assert f'action="/en/people/{bruno.id}/block"' in profile
    assert f'action="/en/people/{amina.id}/mute"' not in client.get(
        f"/en/people/{amina.id}"
    ).get_data(as_text=True)
    act(client, bruno, "mute")
    act(client, carla, "block")
    page = client.get("/en/account/muted").get_data(as_text=True)
    blocked, muted = page.split('id="muted-heading"')
    assert "Carla" in blocked and f"/en/people/{carla.id}/unblock" in blocked
    assert "Bruno" in muted and f"/en/people/{bruno.id}/unmute" in muted
    refused = act(client, amina, "mute", follow_redirects=True)
    assert "You cannot mute or block yourself." in refused.get_data(as_text=True)
    assert mute_row(amina, amina) is None
    assert act(client, bruno, "silence").status_code == 404
    assert post(client, "/en/people/999999/mute").status_code == 404


def test_mutes_are_exported_and_go_with_either_account(client, auth, member):
    amina, bruno, carla = member(), member(display_name="Bruno"), member(display_name="Carla")
    auth.login(amina)
    act(client, bruno, "mute")
    act(client, carla, "block")
    exported = json.loads(client.get("/en/account/export.json").get_data(as_text=True))
    assert sorted((row["name"], row["blocked"]) for row in exported["muted_and_blocked"]) == [
        ("Bruno", False),
        ("Carla", True),
    ]
    as_(client, auth, carla)
    post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    assert mute_row(amina, carla) is None
    auth.login(amina)
    post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    assert db.session.scalar(select(func.count()).select_from(PersonMute)) == 0


def test_the_digest_leaves_out_what_muted_people_wrote(client, auth, member):
    from meetingpoint.database import utcnow
    from meetingpoint.digests.compose import compose
    from meetingpoint.forums.models import TopicWatch

    amina, bruno, carla = member(), member(display_name="Bruno"), member(display_name="Carla")
    since = utcnow()
    auth.login(amina)
    open_topic(client, title="Amina's question")
    watched = last(Post)
    act(client, bruno, "mute")
    as_(client, auth, bruno)
    open_topic(client, title="Bruno's topic")
    answer(client, watched.id, "Bruno's answer")
    as_(client, auth, carla)
    open_topic(client, title="Carla's topic")
    assert db.session.get(TopicWatch, (amina.id, watched.topic_id)) is not None
    digest = compose(amina, since)
    assert [topic.title for topic in digest.new_topics] == ["Carla's topic"]
    assert digest.new_topic_count == 1
    assert digest.watched == []  # Bruno's reply was the only one
    answer(client, watched.id, "Carla's answer")
    assert [count for _topic, count in compose(amina, since).watched] == [1]


def test_a_blocked_person_opening_a_first_conversation_is_refused_in_their_language(
    client, auth, member
):
    from meetingpoint.chat.models import Conversation

    amina, bruno = member(), member(locale="fr")
    auth.login(amina)
    act(client, bruno, "block")
    as_(client, auth, bruno)
    refused = post(client, f"/fr/messages/with/{amina.id}")
    assert refused.status_code == 403
    assert "Cette personne n&#39;accepte pas vos messages." in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Conversation)) == 0
