"""'Add to the library': a document attached to a post becomes a library item in one step,
its file copied into the library's storage, filed in the post's room; the person lands on
the item's edit page to describe it."""

import pytest
from sqlalchemy import select
from support.attachments import PDF, reply_with, slot, stored
from support.forum import ROOM, last, open_topic
from support.pictures import photo
from support.web import post

from meetingpoint.extensions import db
from meetingpoint.forums.models import Post
from meetingpoint.library.files import key_of
from meetingpoint.library.models import LibraryItem
from meetingpoint.storage import files


@pytest.fixture
def reply(client, auth, member, storage_backend):
    auth.login(member(display_name="Amina Diallo"))
    open_topic(client)
    reply_with(client, last(Post).id, "The decree, and the hall",
               slot(0, PDF, "Decree_2026-14.pdf"), slot(1, photo(), "hall.jpg"))  # fmt: skip
    auth.logout()
    return last(Post)


def items() -> list[LibraryItem]:
    db.session.rollback()
    return list(db.session.scalars(select(LibraryItem)))


def test_a_posted_document_goes_to_the_library_in_one_step(client, auth, member, rooms, reply):
    document, _picture = stored()
    auth.login(member(display_name="Kwame Mensah", languages=["en", "fr"]))
    page = client.get(f"/en/rooms/{ROOM}/topics/{reply.topic_id}").text
    assert page.count("Add to the library") == 1  # the PDF's, not the picture's

    added = post(client, f"/en/library/from-attachment/{document.id}")
    (item,) = items()
    assert added.headers["Location"] == f"/en/library/{item.id}/edit"
    assert (item.title, item.kind, item.file_name) == (
        "Decree 2026-14",
        "document",
        "Decree_2026-14.pdf",
    )
    assert item.room_ids == [rooms[ROOM].id] and item.language_codes == ["en"]
    assert item.sha256 == document.sha256 and item.size == len(PDF)
    assert files().exists(key_of(item.sha256))  # its own copy: the post may go, the item stays
    edit = client.get(added.headers["Location"]).text
    assert "The file is in the library" in edit and 'value="Decree 2026-14"' in edit
    download = client.get(f"/en/library/{item.id}/download")
    assert download.get_data() == PDF
    download.close()

    again = post(client, f"/en/library/from-attachment/{document.id}")
    assert again.headers["Location"] == f"/en/library/{item.id}"
    assert "This file is already in the library." in client.get(again.headers["Location"]).text
    assert len(items()) == 1


def test_only_a_document_one_may_see_can_be_added(client, auth, member, make_user, reply):
    document, picture = stored()
    assert post(client, f"/en/library/from-attachment/{document.id}").status_code == 302
    assert items() == []  # a visitor is sent to sign in
    auth.login(member(display_name="Kwame Mensah"))
    refused = post(client, f"/es/library/from-attachment/{picture.id}", follow_redirects=True)
    assert (
        "Solo se puede añadir un PDF o un documento de oficina de una publicación." in refused.text
    )
    document.hidden_at = db.func.now()
    db.session.commit()
    assert post(client, f"/en/library/from-attachment/{document.id}").status_code == 404
    assert items() == []
