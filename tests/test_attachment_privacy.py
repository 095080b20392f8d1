"""A person's files in their data export, and gone from the storage when they delete their
account with their content (kept when they keep it, and when someone else posted the same
file)."""

import json

import pytest
from support.attachments import PDF, fetch, reply_with, slot, stored
from support.forum import last, open_topic
from support.pictures import photo
from support.settings import PASSWORD
from support.web import post

from meetingpoint.forums.models import Post
from meetingpoint.storage import files

PICTURE = photo(800, 600)


@pytest.fixture
def amina(client, auth, member, storage_backend):
    """Amina's reply with a picture and a PDF; Kwame posted the same PDF."""
    kwame = member(display_name="Kwame Mensah")
    auth.login(kwame)
    open_topic(client)
    opening = last(Post)
    reply_with(client, opening.id, "Same decree", slot(0, PDF, "decree.pdf"))
    auth.logout()
    person = member(display_name="Amina Diallo")
    auth.login(person)
    reply_with(client, opening.id, "The hall and the decree",
               slot(0, PICTURE, "hall.jpg", "The hall, full"),
               slot(1, PDF, "Decree 2026-14.pdf"))  # fmt: skip
    return person


def test_the_export_lists_a_person_s_files(client, amina):
    _kwame_s, picture, document = stored()
    export = client.get("/en/account/export.json")
    listed = json.loads(export.get_data(as_text=True))["attachments"]
    assert [(f["file_name"], f["size"], f["post"]) for f in listed] == [
        ("hall.jpg", picture.size, picture.post_id),
        ("Decree 2026-14.pdf", len(PDF), document.post_id),
    ]
    assert listed[0]["description"] == "The hall, full" and listed[1]["type"] == "application/pdf"


def test_deleting_an_account_with_its_content_removes_its_files(client, auth, amina):
    kwame_s, picture, _document = stored()
    assert files().exists(picture.storage_key)
    (picture_id, picture_key, preview_key) = (picture.id, picture.storage_key, picture.preview_key)
    fetch(client, f"/attachments/{picture_id}/preview")  # its preview made and stored
    assert files().exists(preview_key)
    deleted = post(client, "/en/account/delete",
                   {"password": PASSWORD, "confirm": "y", "remove_content": "y"})  # fmt: skip
    assert deleted.status_code == 302
    assert [a.id for a in stored()] == [kwame_s.id]
    assert not files().exists(picture_key) and not files().exists(preview_key)
    assert files().exists(kwame_s.storage_key)  # the same PDF, still Kwame's
    auth.login(kwame_s.owner)
    assert fetch(client, f"/attachments/{picture_id}/file").status_code == 404
    assert fetch(client, f"/attachments/{kwame_s.id}/file").data == PDF


def test_deleting_an_account_but_keeping_its_content_keeps_its_files(client, amina):
    before = [(a.id, a.storage_key) for a in stored()]
    post(client, "/en/account/delete", {"password": PASSWORD, "confirm": "y"})
    assert [(a.id, a.storage_key) for a in stored()] == before
    assert all(files().exists(key) for _id, key in before)
