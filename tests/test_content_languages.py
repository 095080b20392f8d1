"""Every post, chat message and introduction carries its language: the author's choice, or
else the one found in the text, or "und"; shown as a badge and as the element's `lang`."""

import dataclasses
import re

from support.chat_form import client_id_on
from support.web import post

from meetingpoint.academy.models import Introduction
from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic

ROOM = "social-dialogue"
FRENCH = "Les travailleurs migrants doivent pouvoir transférer leurs droits à la sécurité sociale."
PORTUGUESE = "O sindicato dos trabalhadores rurais apresentou uma proposta sobre o salário mínimo."


def newest(model):
    return db.session.scalar(db.select(model).order_by(model.id.desc()))


def write(client, url: str, **fields):
    return post(client, url, {"submit": "Post", **fields})


def test_forum_posts_take_the_language_found_in_the_text_unless_chosen(client, auth, member):
    auth.login(member())
    write(client, f"/en/rooms/{ROOM}/topics/new", title="Portabilité", body=FRENCH, language="")
    topic, opening = newest(Topic), newest(Post)
    assert topic.language == opening.language == "fr"
    write(client, f"/en/posts/{opening.id}/reply", body=PORTUGUESE, language="")
    assert newest(Post).language == "pt"
    write(client, f"/en/posts/{opening.id}/reply", body="Ok, merci!", language="")
    assert newest(Post).language == "und"
    # The author's own choice stands, whatever the text looks like.
    write(client, f"/en/posts/{opening.id}/reply", body=FRENCH, language="sw")
    assert newest(Post).language == "sw"
    # An unknown code is refused and nothing is stored.
    refused = write(client, f"/en/posts/{opening.id}/reply", body=FRENCH, language="xx")
    assert refused.status_code == 200 and newest(Post).language == "sw"

    page = client.get(f"/en/rooms/{ROOM}/topics/{topic.id}").get_data(as_text=True)
    badges = re.findall(
        r'<span class="lang-badge" title="([^"]+)"><span aria-hidden="true">([^<]+)', page
    )
    assert badges == [("French", "FR"), ("Portuguese", "PT"),
                      ("Language not determined", "?"), ("Swahili", "SW")]  # fmt: skip
    assert page.count('<div class="body" lang="und">') == 1
    room_page = client.get(f"/fr/rooms/{ROOM}/").get_data(as_text=True)
    assert 'title="Français"><span aria-hidden="true">FR</span>' in room_page  # the topic's


def test_the_form_offers_detection_first(client, auth, member):
    auth.login(member())
    page = client.get(f"/es/rooms/{ROOM}/topics/new").get_data(as_text=True)
    options = re.findall(r'<option([^>]*) value="([^"]*)"', page.split('id="language"')[1])
    assert options[0][1] == ""  # first, and nothing else chosen: what a browser sends
    assert not any("selected" in attributes for attributes, _value in options)
    assert "Detectar a partir del texto" in page


def test_chat_messages_and_introductions_too(client, auth, member, academy):
    amina = member()
    auth.login(amina)
    chat_url = f"/en/rooms/{ROOM}/chat"
    page = client.get(chat_url).get_data(as_text=True)
    post(client, chat_url, {"body": PORTUGUESE, "language": "", "client_id": client_id_on(page)})
    message = newest(ChatMessage)
    assert message.language == "pt"
    page = client.get(chat_url).get_data(as_text=True)
    assert '<div class="body" lang="pt">' in page and 'title="Portuguese"' in page

    post(client, "/en/academy/sstc-2016/enrol")
    post(client, "/en/academy/sstc-2016/introductions/mine", {"about": FRENCH, "language": ""})
    assert db.session.scalar(db.select(Introduction.language)) == "fr"
    gallery = client.get("/en/academy/sstc-2016/introductions").get_data(as_text=True)
    assert '<div lang="fr">' in gallery and 'title="French"' in gallery


def test_lists_filter_by_language_or_by_the_languages_the_reader_speaks(
    client, auth, member, rooms
):
    from meetingpoint.forums.services import PostDraft, create_topic
    from meetingpoint.library.services import ItemFields, add_link

    amina = member()
    for title, text, language in (("Portabilité", FRENCH, "fr"),
                                  ("Salário mínimo", PORTUGUESE, "pt"),
                                  ("Green jobs", "Green jobs in the Sahel.", "en")):  # fmt: skip
        create_topic(amina, rooms[ROOM], title, PostDraft(text, language))
        add_link(amina, ItemFields(title=title, item_type="report", languages=[language],
                                   room_ids=[rooms[ROOM].id],
                                   url=f"https://example.org/{language}"))  # fmt: skip

    def topics(query: str = "") -> list[str]:
        page = client.get(f"/en/rooms/{ROOM}/?{query}").get_data(as_text=True)
        return re.findall(r'<a href="/en/rooms/[^"]+/topics/\d+" lang="\w+">([^<]+)</a>', page)

    def found(path: str) -> int:
        page = client.get(path).get_data(as_text=True)
        return int(re.search(r"(\d+) (?:posts? found|items?)<", page).group(1))

    assert sorted(topics()) == ["Green jobs", "Portabilité", "Salário mínimo"]
    assert topics("language=fr") == ["Portabilité"]
    assert topics("language=mine") == topics()  # a visitor has no languages: all shown
    assert "Languages I speak" not in client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)

    auth.login(member(languages=["pt", "es"]))
    page = client.get(f"/en/rooms/{ROOM}/").get_data(as_text=True)
    assert '<option value="mine">Languages I speak</option>' in page
    assert topics("language=mine") == ["Salário mínimo"]
    assert topics("language=es") == []
    assert "No discussions in the languages chosen." in client.get(
        f"/en/rooms/{ROOM}/?language=es"
    ).get_data(as_text=True)
    assert found("/en/search?q=trabalhadores&language=mine") == 1
    assert found("/en/search?q=trabalhadores&language=fr") == 0
    assert found("/en/library/?language=mine") == 1
    assert found("/en/library/?language=") == 3


def test_a_library_item_without_languages_ticked_takes_its_description_s(member, rooms):
    import pytest

    from meetingpoint.library.services import ItemFields, LibraryError, add_link

    amina = member()
    item = add_link(amina, ItemFields(
        title="Guia da inspeção do trabalho rural", item_type="toolkit", description=PORTUGUESE,
        room_ids=[rooms[ROOM].id], url="https://example.org/guia",
    ))  # fmt: skip
    assert item.language_codes == ["pt"]
    with pytest.raises(LibraryError, match="Choose the language or languages of the item."):
        fields = ItemFields(title="Guide", item_type="toolkit", room_ids=[rooms[ROOM].id])
        add_link(amina, dataclasses.replace(fields, url="https://example.org/g"))
