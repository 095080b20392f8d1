"""The scaled form, for real: two gunicorn -k gevent processes behind the nginx site file
from deploy/, with Redis and PostgreSQL on loopback. Through nginx: pages, compressed and
cached static files, chat and presence crossing processes on websocket and long-polling
(which works only because nginx keeps each client on one process), shared rate limits.
And files: a document uploaded on one process is downloaded from the other, through S3."""

import hashlib
import re
import shutil
import socket
import ssl
import uuid

import pytest
import requests
from support.library import PDF, describe
from support.live_servers import Participant, signed_in
from support.nginx_server import Nginx
from support.settings import IN_CI

from meetingpoint.chat import services
from meetingpoint.library.files import key_of

ROOM = "social-dialogue"
pytestmark = pytest.mark.backends("postgresql")


@pytest.fixture
def topology(servers, redis_channel, tmp_path):
    """(nginx, process one, process two), sharing Redis, PostgreSQL and a limiter prefix."""
    if shutil.which("nginx") is None:
        if IN_CI:
            pytest.fail("nginx is required under CI=true (.ci/run installs it)")
        pytest.skip("nginx is not installed")
    settings = {"TRUSTED_PROXIES": 1, "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}
    one, two = servers(redis_channel, **settings), servers(redis_channel, **settings)
    proxy = Nginx(tmp_path, [one.port, two.port]).start()
    yield proxy, one, two
    proxy.stop()


def test_pages_and_static_files_through_nginx(topology, rooms):
    proxy, _one, _two = topology
    page = requests.get(proxy.url + "/en/", headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert page.status_code == 200 and "Meeting Point" in page.text
    assert page.headers["Content-Encoding"] == "gzip"  # nginx compresses what the app sends
    stylesheet = re.search(r'href="(/static/css/site\.css\?v=[0-9a-f]{12})"', page.text).group(1)
    css = requests.get(proxy.url + stylesheet, headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert css.status_code == 200 and ":root" in css.text
    assert css.headers["Content-Encoding"] == "gzip"
    assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Server" in css.headers and "nginx" in css.headers["Server"]  # nginx served it
    bare = requests.get(proxy.url + "/static/css/site.css", timeout=10)
    assert bare.headers["Cache-Control"] == "public, max-age=300"
    health = requests.get(proxy.url + "/healthz", timeout=10).json()
    assert health == {"status": "ok", "database": "ok", "redis": "ok"}


def test_chat_and_presence_cross_processes_on_both_transports(topology, member, rooms):
    proxy, one, two = topology
    people = [member(display_name=name) for name in ("Amina", "Kwame", "Lucía", "Mei")]
    channel = services.room_channel(rooms[ROOM])
    # Two through nginx (a websocket, and long-polling: a run of separate HTTP requests that
    # must all reach one process), and one straight on each process, so nginx's pick of
    # process does not matter: messages have to cross from one process to the other.
    via_ws = Participant(proxy, people[0].email, "websocket").connect()
    via_polling = Participant(proxy, people[1].email, "polling").connect()
    on_one = Participant(one, people[2].email).connect()
    on_two = Participant(two, people[3].email).connect()
    everyone = [via_ws, via_polling, on_one, on_two]
    for person in everyone:
        assert person.call("open", {"conversation_id": channel.id})["ok"]
    online = on_one.call("here", {"conversation_id": channel.id})["online"]
    assert {p["name"] for p in online} == {"Amina", "Kwame", "Lucía", "Mei"}

    for n, sender in enumerate(everyone):
        reply = sender.call(
            "send",
            {"conversation_id": channel.id, "body": f"Message {n}", "client_id": uuid.uuid4().hex,
             "language": "en"},
        )  # fmt: skip
        assert reply["ok"], reply
    for person in everyone:
        bodies = [m["html"] for m in person.wait_for("new_message", count=4)]
        assert [re.sub(r"<[^>]+>", "", b).strip() for b in bodies] == [
            f"Message {n}" for n in range(4)
        ]  # each exactly once, in order
    for person in everyone:
        person.disconnect()


def test_rate_limits_are_shared_between_processes(topology, make_user):
    _proxy, one, two = topology
    person = make_user()

    def failed_sign_in(server) -> int:
        session = requests.Session()
        page = session.get(server.url + "/en/auth/login", timeout=10).text
        token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
        form = {"email": person.email, "password": "wrong guess", "csrf_token": token}
        return session.post(server.url + "/en/auth/login", data=form, timeout=10).status_code

    # Five failed sign-ins a minute per account, counted in Redis: three on one process and
    # two on the other use them up, and the next is refused on either.
    assert [failed_sign_in(s) for s in (one, one, one, two, two)] == [200] * 5
    assert failed_sign_in(one) == 429
    assert failed_sign_in(two) == 429


def test_one_office_s_live_connections_spread_over_both_processes(topology, member, rooms):
    """Sixteen people behind one address (one office network, one mobile operator's shared
    address): each browser's routing cookie, not the address, picks its process, and every
    long-polling request of a connection still reaches the process that holds it."""
    proxy, one, two = topology
    people = [member(display_name=f"Office {n}") for n in range(16)]
    everyone = [Participant(proxy, p.email, "polling").connect() for p in people]
    routes = {person.http.cookies.get("mp_route") for person in everyone}
    assert None not in routes and len(routes) == 16  # given at sign-in, one per browser

    def holder(person) -> str:
        """Which process knows this connection: only that one accepts a packet for it."""
        path = f"/socket.io/?EIO=4&transport=polling&sid={person.client.eio.sid}"
        knowing = [
            name
            for name, server in (("one", one), ("two", two))
            if requests.post(server.url + path, data="3", timeout=10).status_code == 200
        ]
        assert len(knowing) == 1, knowing
        return knowing[0]

    held = [holder(person) for person in everyone]
    assert set(held) == {"one", "two"}, held
    for _round in range(3):  # each request of each connection lands on its own process
        for person in everyone:
            assert person.call("here", {})["ok"]
    assert [holder(person) for person in everyone] == held
    for person in everyone:
        person.disconnect()


def test_https_only_with_hsts_and_modern_tls(servers, tmp_path, rooms):
    """The shipped TLS block with a certificate made for the test: plain HTTP redirects
    (but for the certificate authority's challenges), pages and static files come over TLS
    1.2 or 1.3 with HSTS, and cookies are Secure with the settings deploy/README.md names."""
    if shutil.which("nginx") is None or shutil.which("openssl") is None:
        if IN_CI:
            pytest.fail("nginx and openssl are required under CI=true")
        pytest.skip("nginx or openssl is not installed")
    app = servers(TRUSTED_PROXIES=1, SECURE_COOKIES=1)
    proxy = Nginx(tmp_path, [app.port, app.port], tls=True).start()
    try:
        moved = requests.get(proxy.redirect_url + "/en/rooms/?x=1", allow_redirects=False,
                             timeout=10)  # fmt: skip
        assert moved.status_code == 301
        assert moved.headers["Location"] == "https://127.0.0.1/en/rooms/?x=1"
        (proxy.acme_root / ".well-known" / "acme-challenge").mkdir(parents=True)
        (proxy.acme_root / ".well-known" / "acme-challenge" / "token").write_text("proof")
        challenge = requests.get(proxy.redirect_url + "/.well-known/acme-challenge/token",
                                 allow_redirects=False, timeout=10)  # fmt: skip
        assert challenge.status_code == 200 and challenge.text == "proof"

        login = requests.get(proxy.url + "/en/auth/login", verify=proxy.certificate, timeout=10)
        assert login.status_code == 200 and "Meeting Point" in login.text
        assert login.headers["Strict-Transport-Security"] == "max-age=63072000"
        assert "Secure" in login.headers["Set-Cookie"]
        css = requests.get(proxy.url + "/static/css/site.css", verify=proxy.certificate,
                           timeout=10)  # fmt: skip
        assert css.status_code == 200
        assert css.headers["Strict-Transport-Security"] == "max-age=63072000"
        context = ssl.create_default_context(cafile=proxy.certificate)
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                assert tls.version() == "TLSv1.3"
        context.maximum_version = ssl.TLSVersion.TLSv1_2  # the oldest the site accepts
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                assert tls.version() == "TLSv1.2" and tls.cipher()[0].startswith("ECDHE-")
    finally:
        proxy.stop()


def test_a_document_uploaded_on_one_process_is_downloaded_from_the_other(
    servers, s3_bucket, make_user, rooms, tmp_path
):
    """Two processes with instance folders of their own, like two machines: the file can
    only reach the second through the bucket."""
    one, two = (
        servers(INSTANCE_PATH=tmp_path / name, **s3_bucket.settings) for name in ("one", "two")
    )
    person = make_user()
    session = signed_in(one, person.email)
    form = session.get(one.url + "/en/library/add/document", timeout=10).text
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', form).group(1)
    document = PDF + b"%" + bytes(range(256)) * 400  # 100 KB
    added = session.post(
        one.url + "/en/library/add/document",
        data={**describe(rooms), "csrf_token": token},
        files={"file": ("inspection.pdf", document, "application/pdf")},
        allow_redirects=False, timeout=30,
    )  # fmt: skip
    assert added.status_code == 302, added.text[:500]
    item = added.headers["Location"].rsplit("/", 1)[-1]
    sha256 = hashlib.sha256(document).hexdigest()
    assert s3_bucket.keys() == [key_of(sha256)]
    download = requests.get(f"{two.url}/en/library/{item}/download", timeout=30)
    assert download.status_code == 200 and download.content == document
    assert download.headers["Content-Disposition"] == "attachment; filename=inspection.pdf"
    assert download.headers["ETag"] == f'"{sha256}"'
    rest = requests.get(f"{two.url}/en/library/{item}/download", headers={"Range": "bytes=1000-"},
                        timeout=30)  # fmt: skip
    assert rest.status_code == 206 and rest.content == document[1000:]
    kept = [path for name in ("one", "two") for path in (tmp_path / name).rglob("*")
            if path.is_file() and path.stat().st_size >= len(document)]  # fmt: skip
    assert kept == []  # no machine keeps a copy of its own
