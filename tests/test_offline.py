"""The parts of reading offline the server makes: the service worker at /sw.js, each
language's manifest and icons, and the key that tells the worker whose pages it keeps."""

import re
import struct
from pathlib import Path

import pytest

from meetingpoint.assets import version_of
from meetingpoint.i18n import LANGUAGES

STATIC = Path(__file__).resolve().parents[1] / "meetingpoint" / "static"
APP_NAME = {
    "en": "Meeting Point for decent work",
    "es": "Meeting Point por el trabajo decente",
    "fr": "Meeting Point pour le travail décent",
    "pt": "Meeting Point pelo trabalho digno",
}


def test_the_worker_is_served_at_the_root_and_checked_at_each_visit(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    # Never kept long by HTTP caches; the same for a signed-in reader (test_revalidation.py).
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"
    script = response.get_data(as_text=True)
    assert 'importScripts("/static/js/offline-core.js?v=' in script
    for lang in LANGUAGES:  # the offline pages are precached
        assert f'"/{lang}/offline"' in script
    again = client.get("/sw.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304  # the browser's check costs no body when nothing changed


def test_the_worker_imports_the_push_handlers_once_deployed(app, client, tmp_path, monkeypatch):
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "sw-push.js").write_text("self.addEventListener('push', () => {});")
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    assert 'importScripts("/static/js/sw-push.js' in client.get("/sw.js").get_data(as_text=True)


def test_the_worker_s_version_follows_the_deployed_files(tmp_path):
    files = [tmp_path / "site.css", tmp_path / "live.js"]
    for n, path in enumerate(files):
        path.write_text(f"/* {n} */")
    before = version_of(tmp_path, files)
    assert version_of(tmp_path, files) == before
    files[0].write_text("/* changed */")
    assert version_of(tmp_path, files) != before


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_manifest(client, lang):
    response = client.get(f"/{lang}/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json()
    assert manifest["name"] == APP_NAME[lang]
    assert manifest["lang"] == lang and manifest["dir"] == "ltr"
    assert manifest["start_url"] == manifest["scope"] == f"/{lang}/"
    assert manifest["display"] == "standalone"
    assert [s["url"] for s in manifest["shortcuts"]] == [
        f"/{lang}/rooms/", f"/{lang}/messages/", f"/{lang}/academy/"
    ]  # fmt: skip
    page = client.get(f"/{lang}/about").get_data(as_text=True)
    assert f'<link rel="manifest" href="/{lang}/manifest.webmanifest">' in page


def test_the_manifest_is_translated(client):
    english, french = (
        client.get(f"/{lang}/manifest.webmanifest").get_json() for lang in "en fr".split()
    )
    assert french["description"].startswith("Coopération Sud-Sud")
    assert [s["name"] for s in french["shortcuts"]] == ["Salons", "Messages", "Académie"]
    assert english["description"] != french["description"]


def test_the_icons_are_pngs_of_the_sizes_the_manifest_says(client):
    icons = client.get("/en/manifest.webmanifest").get_json()["icons"]
    assert {icon["purpose"] for icon in icons} == {"any", "maskable"}
    assert {icon["sizes"] for icon in icons} == {"192x192", "512x512"}
    for icon in icons:
        with client.get(icon["src"]) as response:
            assert response.status_code == 200 and response.mimetype == "image/png"
            data = response.get_data()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert f"{width}x{height}" == icon["sizes"]


def test_pages_tell_the_worker_whose_they_are(client, auth, make_user):
    header = "X-Offline-Reader"
    assert client.get("/en/about").headers[header] == "visitor"
    first, second = make_user(), make_user()
    auth.login(first)
    key = client.get("/en/about").headers[header]
    assert re.fullmatch("[0-9a-f]{24}", key)  # a keyed hash: it does not say who
    assert client.get("/en/rooms/").headers[header] == key  # the same person, the same key
    assert client.get("/sw.js").headers.get(header) is None  # pages only
    auth.logout()
    assert client.get("/en/about").headers[header] == "visitor"
    auth.login(second)
    assert client.get("/en/about").headers[header] not in (key, "visitor")


def test_the_worker_learns_whose_outbox_to_send_and_a_token_for_it(client, auth, make_user):
    """Background Sync (docs/outbox.md): no one signed in, nothing to send."""
    script = client.get("/sw.js").get_data(as_text=True)
    assert 'importScripts("/static/js/offline-core.js' in script
    assert '"/static/js/outbox-core.js?v=' in script
    signed_out = client.get("/outbox/sender")
    assert signed_out.status_code == 401
    assert signed_out.get_json() == {"owner": None}
    person = make_user()
    auth.login(person)
    answer = client.get("/outbox/sender")
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.get_json()["owner"] == person.id
    # A token the forms accept from this session (a made-up one is refused).
    assert client.post("/en/auth/logout", data={"csrf_token": "made-up"}).status_code == 400
    token = answer.get_json()["csrf_token"]
    assert client.post("/en/auth/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/outbox/sender").status_code == 401
