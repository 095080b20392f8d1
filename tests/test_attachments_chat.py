"""Pictures and files in chat messages (room, direct): through the plain form, in the live
payloads, seen only by the conversation's readers on both storages, gone with the message."""

import re

import pytest
from sqlalchemy import event, select
from support.attachments import fetch, post_form, slot, stored
from support.chat_form import client_id_on
from support.chat_sockets import events
from support.pictures import photo
from support.settings import PASSWORD
from support.web import post

from meetingpoint.chat import services
from meetingpoint.chat.models import ChatMessage
from meetingpoint.extensions import db
from meetingpoint.storage import files

ROOM_CHAT = "/rooms/social-dialogue/chat"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
SVG = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"


def send_with(client, url: str, body: str, *slots: dict, lang="en", json=False, **extra):
    """The chat form as a browser sends it (chat.js asks for JSON)."""
    page = client.get(f"/{lang}{url}").get_data(as_text=True)
    fields = {"body": body, "language": "", "client_id": client_id_on(page), **extra}
    headers = {"Accept": "application/json"} if json else None
    return post_form(client, f"/{lang}{url}", fields, *slots, headers=headers)


def messages_stored() -> list[ChatMessage]:
    return list(db.session.scalars(select(ChatMessage).order_by(ChatMessage.id)))


def test_a_room_chat_message_carries_a_picture_and_a_pdf(client, auth, member, storage_backend):
    kwame = member(display_name="Kwame")
    auth.login(member(display_name="Amina"))
    sent = send_with(
        client, ROOM_CHAT, "The workshop, and the decree.",
        slot(0, photo(), "workshop.jpg", "Delegates around a table in Accra"),
        slot(1, PDF, "Decree 2026-14.pdf"),
    )  # fmt: skip
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/chat#latest")
    picture, document = stored()
    message = messages_stored()[0]
    assert picture.message_id == document.message_id == message.id
    assert message.body_source == "The workshop, and the decree."

    auth.logout()
    auth.login(kwame)
    page = client.get(f"/en{ROOM_CHAT}").text
    img = re.search(r'<img src="(/attachments/\d+/preview)" alt="([^"]*)"[^>]*loading="lazy"', page)
    assert img and img.group(2) == "Delegates around a table in Accra"
    assert "Load image, " in page and "Decree 2026-14.pdf" in page
    assert 'enctype="multipart/form-data"' in page and 'name="attachments-4-file"' in page
    assert fetch(client, img.group(1)).mimetype == "image/webp"
    assert fetch(client, f"/attachments/{document.id}/file").data == PDF


@pytest.fixture
def direct(client, auth, make_user):
    """Amina writes to Kwame; a stranger is signed up too."""
    amina, kwame = make_user(display_name="Amina"), make_user(display_name="Kwame")
    stranger = make_user(display_name="Stranger")
    conversation = services.open_direct(amina, kwame)
    return amina, kwame, stranger, f"/messages/{conversation.id}"


def test_a_direct_conversation_s_files_are_for_its_two_people_only(
    client, auth, direct, storage_backend
):
    amina, kwame, stranger, url = direct
    auth.login(amina)
    # A picture with no words, as on WhatsApp; then a PDF with some.
    assert send_with(client, url, "", slot(0, photo(), "contract.jpg")).status_code == 302
    assert send_with(client, url, "Signed", slot(0, PDF, "contract.pdf")).status_code == 302
    picture, document = stored()
    alone = messages_stored()[0]
    assert (alone.body_source, alone.language) == ("", "und")
    addresses = [f"/attachments/{picture.id}/{v}" for v in ("preview", "medium", "file")]
    addresses.append(f"/attachments/{document.id}/file")

    auth.logout()
    auth.login(kwame)
    page = client.get(f"/en{url}").text
    assert "Picture attached: contract.jpg" in page and "contract.pdf" in page
    assert [fetch(client, a).status_code for a in addresses] == [200] * 4

    auth.logout()
    auth.login(stranger)
    assert [fetch(client, a).status_code for a in addresses] == [404] * 4
    auth.logout()
    assert [fetch(client, a).status_code for a in addresses] == [404] * 4


REFUSALS = [
    ("en", slot(0, SVG, "logo.svg"), "“logo.svg” cannot be attached."),
    ("fr", slot(0, b"", "vide.pdf"), "« vide.pdf » est vide."),
    ("es", slot(0, PDF, "foto.jpg"), "El contenido de «foto.jpg» no corresponde a su nombre."),
]


@pytest.mark.parametrize(("lang", "chosen", "reason"), REFUSALS)
def test_a_refused_file_says_why_and_keeps_the_text(client, auth, member, lang, chosen, reason):
    auth.login(member())
    page = send_with(client, ROOM_CHAT, "Words worth keeping", chosen, lang=lang)
    assert page.status_code == 200
    assert reason in page.text.replace("&#34;", '"').replace("&#39;", "'")
    assert re.search(r"<textarea[^>]*>\s*Words worth keeping</textarea>", page.text)
    assert stored() == [] and messages_stored() == []


def test_a_message_needs_words_or_a_file(client, auth, member):
    auth.login(member())
    page = send_with(client, ROOM_CHAT, "   ")
    assert page.status_code == 200 and "This field is required." in page.text
    assert messages_stored() == []


def test_chat_js_gets_the_socket_s_answer_and_the_room_hears_the_files(
    client, auth, member, connect, channel
):
    amina, kwame = member(display_name="Amina"), member(display_name="Kwame")
    k = connect(kwame, channel)
    k.get_received()
    auth.login(amina)
    reply = send_with(
        client, ROOM_CHAT, "", slot(0, photo(), "map.jpg", "The route to the venue"), json=True
    ).get_json()
    assert reply["ok"] and not reply["duplicate"] and reply["live"]
    (picture,) = reply["message"]["attachments"]
    assert picture["alt"] == "The route to the venue" and picture["kind"] == "image"
    assert picture["size_label"].endswith("KB") and picture["width"] == 1600
    assert picture["preview_url"] == f"/attachments/{picture['id']}/preview"
    # Announced once, with its files, to the room's open pages.
    assert events(k, "new_message") == [("new_message", reply["message"])]

    refused = send_with(client, ROOM_CHAT, "Kept", slot(0, SVG, "x.svg"), json=True)
    assert refused.status_code == 400
    assert not refused.get_json()["ok"]
    assert refused.get_json()["error"].startswith("“x.svg” cannot be attached.")
    empty = send_with(client, ROOM_CHAT, "", json=True)
    assert empty.status_code == 400 and empty.get_json()["error"] == "This field is required."


def test_catch_up_reads_every_message_s_files_in_one_query(
    app, client, auth, member, connect, channel
):
    app.config["CHAT_MESSAGES_PER_MINUTE"] = 100
    amina = member(display_name="Amina")
    auth.login(amina)
    for n in range(12):
        send_with(client, ROOM_CHAT, f"Page {n}", slot(0, PDF + bytes([n]), f"page-{n}.pdf"))
    k = connect(member(display_name="Kwame"))
    asked: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if "FROM attachments" in statement:
            asked.append(statement)

    with app.app_context():  # the served app's engine, not the test body's
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        reply = k.emit("open", {"conversation_id": channel.id, "after_id": 0}, callback=True)
        latest = k.emit("open", {"conversation_id": channel.id}, callback=True)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(asked) == 2  # one for each reply, however many messages
    for answer in (reply, latest):
        names = [m["attachments"][0]["file_name"] for m in answer["messages"]]
        assert names == [f"page-{n}.pdf" for n in range(12)]


def test_a_deleted_message_takes_its_files_with_it(client, auth, member, storage_backend):
    auth.login(member())
    send_with(client, ROOM_CHAT, "Draft minutes", slot(0, PDF, "minutes.pdf"))
    document = stored()[0]
    key, document_id, message_id = document.storage_key, document.id, document.message_id
    assert files().exists(key)
    post(client, f"/en/messages/delete/{message_id}")
    assert stored() == []
    assert not files().exists(key)
    assert fetch(client, f"/attachments/{document_id}/file").status_code == 404
    assert "minutes.pdf" not in client.get(f"/en{ROOM_CHAT}").text


def test_an_account_erased_with_its_content_takes_its_chat_files(client, auth, member):
    amina = member()
    auth.login(amina)
    send_with(client, ROOM_CHAT, "Our report", slot(0, PDF, "report.pdf"))
    key = stored()[0].storage_key
    erased = post(
        client, "/en/account/delete", {"password": PASSWORD, "remove_content": "y", "confirm": "y"}
    )
    assert erased.status_code == 302
    assert stored() == [] and not files().exists(key)


def test_a_group_s_files_are_for_its_members_while_they_are_members(client, auth, make_user):
    amina, kwame = make_user(display_name="Amina"), make_user(display_name="Kwame")
    group = services.create_group(amina, "Youth employment working group")
    services.add_to_group(amina, group, kwame)
    auth.login(amina)
    send_with(client, f"/messages/{group.id}", "Agenda", slot(0, PDF, "agenda.pdf"))
    address = f"/attachments/{stored()[0].id}/file"
    auth.logout()
    auth.login(kwame)
    assert fetch(client, address).status_code == 200
    services.leave_group(kwame, db.session.merge(group))
    assert fetch(client, address).status_code == 404
