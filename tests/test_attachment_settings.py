"""Load pictures automatically: off by default (the light preview), a person's own choice
in their settings (the medium size, still loaded as they scroll)."""

import re

import pytest
from support.accounts import PROFILE
from support.attachments import fetch, reply_with, slot, stored
from support.forum import ROOM, last, open_topic
from support.pictures import photo
from support.web import post

from meetingpoint.forums.models import Post

PICTURE = re.compile(r'<img src="(/attachments/\d+/(\w+))"[^>]*width="(\d+)"[^>]*loading="lazy"')


@pytest.fixture
def topic(client, auth, member, storage_backend):
    amina = member(display_name="Amina Diallo")
    auth.login(amina)
    open_topic(client)
    opening = last(Post)
    reply_with(client, opening.id, "Large and small", slot(0, photo(2400, 1600), "hall.jpg"),
               slot(1, photo(500, 400), "badge.jpg"))  # fmt: skip
    return f"/en/rooms/{ROOM}/topics/{opening.topic_id}"


def pictures_on(client, path: str) -> list[tuple[str, str, int]]:
    return [(url, size, int(width)) for url, size, width in PICTURE.findall(client.get(path).text)]


def test_pictures_load_light_unless_a_person_asks_for_them(client, auth, member, topic):
    large, small = stored()
    assert pictures_on(client, topic) == [
        (f"/attachments/{large.id}/preview", "preview", 640),
        (f"/attachments/{small.id}/preview", "preview", 500),
    ]
    settings = client.get("/en/account/").text
    assert "Load pictures automatically" in settings
    unticked = '<input aria-describedby="load_pictures-hint" id="load_pictures" name='
    assert unticked in settings  # off by default

    saved = post(client, "/en/account/", {**PROFILE, "load_pictures": "y"})
    assert saved.status_code == 302
    shown = pictures_on(client, topic)
    assert shown == [
        (f"/attachments/{large.id}/medium", "medium", 1280),
        (f"/attachments/{small.id}/medium", "medium", 500),
    ]
    medium = fetch(client, shown[0][0])
    assert medium.mimetype == "image/webp" and len(medium.data) > large.preview_size
    itself = fetch(client, shown[1][0])  # small: the picture itself
    assert itself.mimetype == "image/jpeg" and len(itself.data) == small.size

    # Someone else keeps the light previews; and unticked, the choice goes back.
    amina = large.owner
    auth.logout()
    auth.login(member(display_name="Kwame Mensah"))
    assert [size for _url, size, _w in pictures_on(client, topic)] == ["preview", "preview"]
    auth.logout()
    auth.login(amina)
    post(client, "/en/account/", PROFILE)
    assert [size for _url, size, _w in pictures_on(client, topic)] == ["preview", "preview"]
