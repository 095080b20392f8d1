"""A real OpenID Connect provider on a loopback port (node's oidc-provider, run by
oidc_provider.mjs), and the steps a person takes on its pages, for tests without a browser."""

import json
import logging
import os
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests

from support.live_servers import free_port
from support.settings import IN_CI

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node")
CLIENT_ID, CLIENT_SECRET = "meetingpoint-tests", "a-test-secret-nobody-uses"
NAME, TITLE = "testid", "TestID"
# Who can sign in at the provider (any password): the login, then what it says about them.
ACCOUNTS = {
    "ana": {"email": "ana@example.org", "email_verified": True, "name": "Ana Lima"},
    "newcomer": {"email": "newcomer@example.net", "email_verified": True, "name": "Nour Haddad"},
    "unverified": {"email": "ana@example.org", "email_verified": False, "name": "Not Ana"},
    "unconfirmed": {"email": "fresh@example.net", "email_verified": False, "name": "Fresh"},
    "staff": {"email": "staff@agency.example", "email_verified": True, "name": "Sam Staff"},
}


class OidcProvider:
    def __init__(self, workdir: Path):
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "oidc-provider.log"
        self.process = None

    def start(self) -> "OidcProvider":
        env = dict(
            os.environ,
            OIDC_PORT=str(self.port),
            OIDC_CLIENT_ID=CLIENT_ID,
            OIDC_CLIENT_SECRET=CLIENT_SECRET,
            OIDC_ACCOUNTS=json.dumps(ACCOUNTS),
        )
        self.log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [NODE, str(HERE / "oidc_provider.mjs")], env=env, stdout=self.log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oidc-provider exited: {self.log_path.read_text()[-2000:]}")
            try:
                if requests.get(self.discovery_url, timeout=2).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"oidc-provider did not start: {self.log_path.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process:
            self.log.close()

    @property
    def discovery_url(self) -> str:
        return self.issuer + "/.well-known/openid-configuration"

    def settings(self, **overrides) -> dict:
        """This provider as one entry of MEETINGPOINT_OIDC_PROVIDERS."""
        entry = {"name": NAME, "title": TITLE, "issuer": self.issuer, "client_id": CLIENT_ID,
                 "client_secret": CLIENT_SECRET}  # fmt: skip
        entry.update(overrides)
        return entry

    def misbehave(self, mode: str) -> None:
        """The next token response carries a bad id_token (see oidc_provider.mjs)."""
        response = requests.post(
            self.issuer + "/test/next-token", data=json.dumps({"mode": mode}), timeout=5
        )
        response.raise_for_status()

    def sign_in(self, authorize_url: str, login: str, session: requests.Session | None = None):
        """What a person does at the provider: from the authorization URL to the redirect
        back to us, which is returned (not followed)."""
        session = session or requests.Session()
        url = authorize_url
        for _hop in range(10):
            response = session.get(url, allow_redirects=False, timeout=10)
            if response.status_code in (302, 303):
                url = urljoin(url, response.headers["Location"])
                if not url.startswith(self.issuer):
                    return url
                continue
            form = _first_form(response.text)
            assert form, response.text[:1000]
            data = {**form["fields"], "login": login, "password": "any password"}
            response = session.post(
                urljoin(url, form["action"]), data=data, allow_redirects=False, timeout=10
            )
            url = urljoin(url, response.headers["Location"])
            if not url.startswith(self.issuer):
                return url
        raise AssertionError(f"no way back from the provider: {url}")


def callback_path(url: str) -> str:
    """The callback URL as a path with its query, for the Flask test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def query(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}})
        elif tag == "input" and self.forms and attrs.get("type") == "hidden":  # none today
            self.forms[-1]["fields"][attrs.get("name")] = attrs.get("value", "")


def _first_form(html: str) -> dict | None:
    parser = _Forms()
    parser.feed(html)
    return parser.forms[0] if parser.forms else None


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """The provider, started once for the run (required under CI=true)."""
    if not NODE or not (HERE.parents[1] / "node_modules" / "oidc-provider").exists():
        message = "node and node_modules/oidc-provider are needed (npm ci)"
        if IN_CI:
            pytest.fail(f"{message}: required under CI=true")
        pytest.skip(message)
    provider = OidcProvider(tmp_path_factory.mktemp("oidc")).start()
    yield provider
    provider.stop()


@pytest.fixture
def oidc(app, oidc_provider):
    """The app under test with the provider configured, as MEETINGPOINT_OIDC_PROVIDERS does."""
    from meetingpoint.auth.oidc.providers import parse_providers

    app.config["OIDC_PROVIDER_LIST"] = parse_providers([oidc_provider.settings()])
    return oidc_provider


def start(client, lang: str = "en", next_url: str | None = None) -> str:
    """Press "Sign in with TestID": the provider's authorization URL we are sent to."""
    path = f"/{lang}/auth/oidc/{NAME}/start" + (f"?next={next_url}" if next_url else "")
    response = client.get(path)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response.headers["Location"]


def round_trip(client, provider: OidcProvider, login: str, lang: str = "en", next_url=None):
    """A whole sign-in through the provider, up to our callback's answer."""
    back = provider.sign_in(start(client, lang, next_url), login)
    return client.get(callback_path(back))


def signed_in(client) -> bool:
    return client.get("/en/account/").status_code == 200


def post_on(client, path: str, data: dict | None = None, page: str = "/en/auth/oidc/complete"):
    """POST with the CSRF token of `page` (while a profile waits, the only page open)."""
    html = client.get(page).get_data(as_text=True)
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', html).group(1)
    return client.post(path, data={**(data or {}), "csrf_token": token})


@pytest.fixture
def refusals(caplog):
    """What the app logged about refused sign-ins. Alembic's logging set-up, run when a
    database is migrated, disables loggers that exist already: this one is enabled again."""
    logger = logging.getLogger("meetingpoint")
    was_disabled, logger.disabled = logger.disabled, False
    yield caplog
    logger.disabled = was_disabled
