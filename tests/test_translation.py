"""Translate on demand through a LibreTranslate server (here a stand-in on a loopback port):
offered only across languages and when a server is set up; kept per item, target language
and revision; paced per person; every failure a clear message that blocks nothing."""

import dataclasses
import time

import pytest
from flask import current_app
from support.fake_libretranslate import FakeLibreTranslate
from support.web import post

from meetingpoint.chat import messages
from meetingpoint.chat.services import open_direct, room_channel
from meetingpoint.extensions import db
from meetingpoint.forums.services import PostDraft, create_topic, edit_post
from meetingpoint.languages.models import Translation

ROOM = "social-dialogue"
FRENCH = "Les travailleurs migrants doivent pouvoir **transférer** leurs droits sociaux."
JSON = {"Accept": "application/json"}


@pytest.fixture
def libretranslate(app):
    """The stand-in server, and the site set up to use it."""
    server = FakeLibreTranslate(api_key="secret").start()
    configure(app, TRANSLATION_URL=server.url, TRANSLATION_API_KEY="secret",
              TRANSLATION_TIMEOUT_SECONDS=2)  # fmt: skip
    yield server
    server.stop()


def configure(app, **settings):
    for config in (app.config, current_app.config):
        config.update(settings)


@pytest.fixture
def french_post(member, rooms):
    amina = member(display_name="Amina Diallo")
    topic = create_topic(amina, rooms[ROOM], "Portabilité des droits", PostDraft(FRENCH, "fr"))
    return _opening(topic)


def _opening(topic):
    from meetingpoint.forums.access import opening_post

    return opening_post(topic)


def topic_page(client, post, lang="en"):
    return client.get(f"/{lang}/rooms/{ROOM}/topics/{post.topic_id}").get_data(as_text=True)


def translate(client, kind, item_id, lang="en", **headers):
    return client.get(f"/{lang}/translate/{kind}/{item_id}", headers=headers)


def test_nothing_is_offered_without_a_translation_server(client, auth, member, french_post):
    auth.login(member())
    page = topic_page(client, french_post)
    assert "Translate" not in page and "translate.js" not in page
    assert translate(client, "post", french_post.id).status_code == 404


def test_a_post_is_translated_in_place_and_kept(client, auth, member, french_post, libretranslate):
    reader = member()
    auth.login(reader)
    page = topic_page(client, french_post)
    assert f'href="/en/translate/post/{french_post.id}" data-translate' in page
    assert "translate.js" in page
    assert "data-translate" not in topic_page(client, french_post, "fr")  # her own language

    answer = translate(client, "post", french_post.id, **JSON).get_json()
    assert answer["ok"] and answer["language"] == "en"
    assert answer["label"] == "Machine translation from French by LibreTranslate"
    # An opening post is read with its topic's title: both are translated.
    assert answer["html"].startswith(
        "<p>[fr→en] <strong>Portabilité des droits</strong></p><p>Les travailleurs migrants"
    )
    assert "<strong>transférer</strong>" in answer["html"]  # the formatting kept
    (call,) = libretranslate.translations()
    original = f"<p><strong>Portabilité des droits</strong></p>{french_post.body_html}"
    assert call == {"q": original, "source": "fr", "target": "en",
                    "format": "html", "api_key": "secret"}  # fmt: skip

    # Asked again, by anyone: from the cache, without another call.
    assert translate(client, "post", french_post.id, **JSON).get_json()["html"] == answer["html"]
    auth.logout()
    auth.login(member())
    assert translate(client, "post", french_post.id, **JSON).get_json()["ok"]
    assert len(libretranslate.translations()) == 1

    # Into another language: its own translation.
    spanish = translate(client, "post", french_post.id, lang="es", **JSON).get_json()
    assert spanish["label"] == "Traducción automática del francés por LibreTranslate"
    assert spanish["html"].startswith("<p>[fr→es]")


def test_without_javascript_the_link_opens_the_original_and_its_translation(
    client, auth, member, french_post, libretranslate
):
    auth.login(member())
    page = translate(client, "post", french_post.id, lang="pt").get_data(as_text=True)
    assert "Tradução automática do francês por LibreTranslate" in page
    title = "<p><strong>Portabilité des droits</strong></p>"
    assert f'<div class="body original" lang="fr">{title}{french_post.body_html}</div>' in page
    assert '<div class="body" lang="pt"><p>[fr→pt]' in page
    assert f'href="/pt/posts/{french_post.id}"' in page  # back to it


def test_an_edit_or_a_deletion_takes_the_translation_with_it(
    app, client, auth, member, french_post, libretranslate
):
    auth.login(member())
    translate(client, "post", french_post.id, **JSON)
    assert db.session.query(Translation).count() == 1
    edit_post(french_post.author, french_post, "Les droits sociaux doivent suivre les migrants.")
    assert db.session.query(Translation).count() == 0
    answer = translate(client, "post", french_post.id, **JSON).get_json()
    assert "doivent suivre les migrants" in answer["html"]
    assert len(libretranslate.translations()) == 2  # the new revision, translated anew
    auth.logout()
    auth.login(french_post.author)
    post(client, f"/en/posts/{french_post.id}/delete")
    assert db.session.query(Translation).count() == 0
    auth.logout()
    auth.login(member())
    assert translate(client, "post", french_post.id, **JSON).status_code == 404


def test_each_person_has_an_hourly_pace_but_the_cache_is_free(
    app, client, auth, member, rooms, libretranslate
):
    configure(app, TRANSLATIONS_PER_HOUR=2)
    amina = member()
    posts = [
        _opening(create_topic(amina, rooms[ROOM], f"Sujet {n}", PostDraft(FRENCH, "fr")))
        for n in range(3)
    ]
    auth.login(member())
    for item in posts[:2]:
        assert translate(client, "post", item.id, **JSON).get_json()["ok"]
    refused = translate(client, "post", posts[2].id, **JSON).get_json()
    assert refused == {
        "ok": False,
        "error": "You have asked for many translations this hour. Try again a little later.",
    }
    assert translate(client, "post", posts[0].id, **JSON).get_json()["ok"]  # cached
    assert len(libretranslate.translations()) == 2


def test_texts_over_the_limit_are_refused_clearly(
    app, client, auth, member, french_post, libretranslate
):
    auth.login(member())
    configure(app, TRANSLATION_MAX_CHARS=20)
    app.extensions.pop("translation_provider", None)  # set up anew with the lower limit
    answer = translate(client, "post", french_post.id, **JSON).get_json()
    assert answer == {
        "ok": False,
        "error": "This text is too long to translate (at most 20 characters).",
    }
    assert libretranslate.translations() == []
    # The server's own, lower limit: its refusal is told plainly too.
    configure(app, TRANSLATION_MAX_CHARS=6000)
    app.extensions.pop("translation_provider", None)
    libretranslate.char_limit = 30
    answer = translate(client, "post", french_post.id, lang="fr", **JSON)
    assert answer.get_json()["ok"] is False  # her own language: nothing to do
    answer = translate(client, "post", french_post.id, lang="es", **JSON).get_json()
    assert answer == {
        "ok": False,
        "error": "El servicio de traducción no puede traducir este texto.",
    }


@pytest.mark.parametrize(
    "failure, message",
    [
        (429, "The translation service is busy. Try again in a minute."),
        (500, "The translation service cannot be reached just now. Try again later."),
        ("key", "The translation service refused our key: tell the site's administrators."),
        ("slow", "The translation service did not answer in time. Try again later."),
        ("gone", "The translation service cannot be reached just now. Try again later."),
    ],
)
def test_a_failing_server_gives_a_clear_message_and_blocks_nothing(
    app, client, auth, member, french_post, libretranslate, failure, message
):
    auth.login(member())
    if failure == "key":
        configure(app, TRANSLATION_API_KEY="wrong")
    elif failure == "slow":
        configure(app, TRANSLATION_TIMEOUT_SECONDS=0.3)
        libretranslate.delay = 1
    elif failure == "gone":
        libretranslate.stop()
    else:
        libretranslate.failure = failure
    began = time.monotonic()
    answer = translate(client, "post", french_post.id, **JSON).get_json()
    assert answer == {"ok": False, "error": message}
    page = translate(client, "post", french_post.id).get_data(as_text=True)
    assert message.replace("'", "&#39;") in page and french_post.body_html in page
    assert time.monotonic() - began < 5
    assert db.session.query(Translation).count() == 0
    assert topic_page(client, french_post).count("data-translate") == 1  # the page is fine


def test_chat_messages_translate_for_those_who_may_read_them(
    client, auth, member, make_user, rooms, libretranslate
):
    amina, kwame, outsider = member(), member(), make_user()
    direct = open_direct(amina, kwame)
    message, _new = messages.send_message(amina, direct, FRENCH, "fr", "a" * 32)
    shared, _new = messages.send_message(
        amina, room_channel(rooms[ROOM]), "Bom dia a todos os sindicatos!", "und", "b" * 32
    )
    auth.login(kwame)
    answer = translate(client, "message", message["id"], **JSON).get_json()
    assert answer["ok"] and answer["html"].startswith("<p>[fr→en]")
    page = client.get(f"/en/messages/{direct.id}").get_data(as_text=True)
    assert f'href="/en/translate/message/{message["id"]}" data-translate' in page
    # Undetermined here: the server is asked to tell the language, then to translate.
    libretranslate.detects_as = "pt"
    answer = translate(client, "message", shared["id"], **JSON).get_json()
    assert answer["label"] == "Machine translation from Portuguese by LibreTranslate"
    assert libretranslate.calls[-2][0] == "/detect"
    assert libretranslate.translations()[-1]["source"] == "pt"
    # What it told us is already the reader's language: nothing to translate.
    answer = translate(client, "message", shared["id"], lang="pt", **JSON).get_json()
    assert answer == {"ok": False, "error": "Isto já está escrito no seu idioma."}
    auth.logout()
    auth.login(outsider)
    assert translate(client, "message", message["id"], **JSON).status_code in (403, 404)
    assert translate(client, "nonsense", message["id"], **JSON).status_code == 404


def test_what_comes_back_is_sanitised(client, auth, member, rooms, libretranslate):
    amina = member()
    hostile = "Texte <img src=x onerror=alert(1)> et [lien](javascript:alert(1)) en français ici."
    topic = create_topic(amina, rooms[ROOM], "Sujet", PostDraft(hostile, "fr"))
    original = libretranslate.answer

    def poisoned(path, fields):
        status, body = original(path, fields)
        if path == "/translate":
            body = {"translatedText": '<p onclick="x()">Hi</p><script>alert(1)</script>'}
        return status, body

    libretranslate.answer = poisoned
    auth.login(member())
    html = translate(client, "post", _opening(topic).id, **JSON).get_json()["html"]
    assert html == "<p>Hi</p>"


@pytest.mark.parametrize("remove_content", [False, True])
def test_a_departing_author_s_removed_writing_takes_its_translations(
    client, auth, member, french_post, libretranslate, remove_content
):
    from support.settings import PASSWORD

    from meetingpoint.accounts.services import delete_account

    reader = member()
    auth.login(reader)
    translate(client, "post", french_post.id, **JSON)
    delete_account(reader, PASSWORD, remove_content=False)  # the reader who asked leaves
    (kept,) = db.session.query(Translation).all()
    assert kept.requested_by is None
    delete_account(french_post.author, PASSWORD, remove_content=remove_content)
    db.session.commit()
    assert db.session.query(Translation).count() == (0 if remove_content else 1)


def test_library_items_translate_their_title_and_description(
    client, auth, member, rooms, libretranslate
):
    from meetingpoint.library.services import ItemFields, add_link, edit_item

    amina = member()
    fields = ItemFields(
        title="Guide de l'inspection", item_type="toolkit", description="Pour les inspecteurs.",
        year=2024, source="OIT", languages=["fr"], room_ids=[rooms[ROOM].id],
        url="https://www.ilo.org/guide",
    )  # fmt: skip
    item = add_link(amina, fields)
    auth.login(member())
    page = client.get(f"/en/library/{item.id}").get_data(as_text=True)
    assert f'href="/en/translate/library/{item.id}" data-translate' in page
    answer = translate(client, "library", item.id, **JSON).get_json()
    assert answer["html"] == (
        "<p>[fr→en] <strong>Guide de l'inspection</strong></p><p>Pour les inspecteurs.</p>"
    )
    edit_item(amina, item, dataclasses.replace(fields, description="Et les inspectrices."))
    assert db.session.query(Translation).filter_by(item_kind="library").count() == 0
    # In the reader's own language: nothing to offer.
    assert "data-translate" not in client.get(f"/fr/library/{item.id}").get_data(as_text=True)


def test_an_undetermined_text_is_left_to_the_server_when_it_cannot_say(
    client, auth, member, rooms, libretranslate
):
    amina = member()
    shared, _new = messages.send_message(
        amina, room_channel(rooms[ROOM]), "Bom dia a todos os sindicatos!", "und", "c" * 32
    )
    original = libretranslate.answer

    def no_detection(path, fields):
        if path == "/detect":
            libretranslate.calls.append((path, fields))
            return 500, {"error": "Internal Server Error"}
        return original(path, fields)

    libretranslate.answer = no_detection
    auth.login(member())
    answer = translate(client, "message", shared["id"], **JSON).get_json()
    assert answer["ok"] and answer["label"] == "Machine translation by LibreTranslate"
    assert libretranslate.translations()[-1]["source"] == "auto"
