"""What "Keep for offline" on an Academy module asks the server: the addresses and sizes of the
module's page, its key-question discussions and its library readings with their files, only
for the people in the Academy and only what each may read."""

import pytest
from support.academy import PDF, module_to_keep

from meetingpoint.academy.models import Reading
from meetingpoint.academy.services import enrol, follow
from meetingpoint.extensions import db

KIT = "/{lang}/academy/sstc-2016/modules/{slug}/offline"


@pytest.fixture
def kept(academy, rooms, make_user):
    staff = make_user(role="admin")
    return module_to_keep(academy, staff, rooms["social-dialogue"], document=PDF * 2000)


def kit_of(client, module, lang="en"):
    return client.get(KIT.format(lang=lang, slug=module.slug))


def test_a_participant_gets_the_module_its_discussion_and_its_reading_with_sizes(
    client, auth, make_user, academy, kept
):
    module, topic, item = kept
    reader = make_user()
    enrol(reader, academy)
    auth.login(reader)
    page = client.get(f"/en/academy/sstc-2016/modules/{module.slug}")
    assert b"data-offline-keep=" in page.data  # the control, shown by the script
    assert b"js/offline-keep.js" in page.data

    answer = kit_of(client, module).get_json()
    assert answer["urls"] == [
        f"/en/academy/sstc-2016/modules/{module.slug}",
        f"/en/rooms/social-dialogue/topics/{topic.id}",
        f"/en/library/{item.id}",
        f"/en/library/{item.id}/download",
    ]
    assert answer["sizes"][3] == item.size == len(PDF) * 2000  # the file's own size
    for url, size in zip(answer["urls"][:3], answer["sizes"][:3], strict=True):  # pages, estimated
        served = len(client.get(url).data)
        assert abs(size - served) < served / 4, (url, size, served)
    assert answer["bytes"] == sum(answer["sizes"])
    assert answer["label"] == f"Keep for offline (about {round(answer['bytes'] / 1024):,} KB)"
    assert "refusal" not in answer


def test_the_size_is_written_in_the_reader_s_language(client, auth, make_user, academy, kept):
    module, _topic, item = kept
    item.size = 1_400_000  # with the pages, about 1.4 MB (1,024 × 1,024 bytes each)
    db.session.commit()
    reader = make_user()
    follow(reader, academy)
    auth.login(reader)
    assert (
        kit_of(client, module, "fr")
        .get_json()["label"]
        .startswith("Garder pour lire hors ligne (environ 1,4 Mo)")
    )
    assert (
        kit_of(client, module, "en")
        .get_json()["label"]
        .startswith("Keep for offline (about 1.4 MB)")
    )


def test_someone_not_in_the_academy_gets_no_list(client, auth, make_user, academy, kept):
    module = kept[0]
    page_path = f"/en/academy/sstc-2016/modules/{module.slug}"
    assert b"data-offline-keep=" not in client.get(page_path).data  # a visitor
    refused = kit_of(client, module)
    assert refused.status_code == 403
    assert "urls" not in refused.get_json()
    auth.login(make_user())
    assert b"data-offline-keep=" not in client.get(page_path).data
    refused = kit_of(client, module, "es")
    assert refused.status_code == 403
    assert refused.get_json()["error"].startswith("Guardar un módulo")
    assert kit_of(client, module).get_json()["error"] == (
        "Keeping a module for offline reading is for the people in its Academy."
    )
    assert client.get("/en/academy/sstc-2016/modules/no-such-module/offline").status_code == 404


def test_a_discussion_the_reader_may_not_read_is_not_listed(client, auth, make_user, academy, kept):
    module, topic, _item = kept
    module.questions[0].participants_only = True
    db.session.commit()
    observer, participant = make_user(), make_user()
    follow(observer, academy)
    enrol(participant, academy)
    auth.login(observer)
    topic_path = f"/en/rooms/social-dialogue/topics/{topic.id}"
    assert topic_path not in kit_of(client, module).get_json()["urls"]
    auth.logout()
    auth.login(participant)
    assert topic_path in kit_of(client, module).get_json()["urls"]


def test_a_module_larger_than_the_room_for_offline_reading_is_refused(
    app, client, auth, make_user, academy, kept
):
    module = kept[0]
    app.config["OFFLINE_BYTES"] = 50_000
    reader = make_user()
    enrol(reader, academy)
    auth.login(reader)
    answer = kit_of(client, module).get_json()
    assert answer["refusal"] == (
        f"This module is too large to keep for offline reading: about "
        f"{round(answer['bytes'] / 1024):,} KB, and the room for it is 49 KB."
    )


def test_readings_elsewhere_or_not_in_the_library_are_not_kept(
    client, auth, make_user, academy, kept
):
    module, _topic, item = kept
    module.readings[0].url = f"/fr/library/{item.id}/download"  # the file itself, in French
    module.readings += [
        Reading(position=1, language="en", title="Elsewhere", url="https://example.org/a.pdf"),
        Reading(position=2, language="en", title="Gone", url="/en/library/999"),
        Reading(position=3, language="en", title="A room", url="/en/rooms/"),
    ]
    db.session.commit()
    reader = make_user()
    enrol(reader, academy)
    auth.login(reader)
    urls = kit_of(client, module).get_json()["urls"]
    assert urls[2:] == [f"/fr/library/{item.id}", f"/fr/library/{item.id}/download"]


def test_a_library_file_names_its_reader_for_the_worker(client, auth, make_user, academy, kept):
    item = kept[2]
    visitor = client.get(f"/en/library/{item.id}/download")
    assert visitor.headers["X-Offline-Reader"] == "visitor"
    visitor.close()
    auth.login(make_user())
    member = client.get(f"/en/library/{item.id}/download")
    assert member.headers["X-Offline-Reader"] not in ("", "visitor")
    assert member.headers["Content-Disposition"].startswith("attachment")
    member.close()
