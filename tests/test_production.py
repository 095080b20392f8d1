"""Production settings: a strong shared secret or no start, and a health check that tells
the state of the database and Redis."""

import pytest
from flask import current_app
from support.live_servers import REDIS_URL, free_port, redis_problem
from support.settings import IN_CI

from meetingpoint import create_app
from meetingpoint.extensions import db


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (None, "MEETINGPOINT_SECRET_KEY is not set"),
        ("", "MEETINGPOINT_SECRET_KEY is not set"),
        ("changeme", "is a default or too short"),
        ("short-but-not-default", "is a default or too short"),
    ],
)
def test_production_refuses_a_missing_or_weak_secret(tmp_path, key, message):
    with pytest.raises(RuntimeError, match=message):
        create_app({"ENVIRONMENT": "production", "SECRET_KEY": key, "INSTANCE_PATH": tmp_path})
    assert not (tmp_path / "secret_key").exists()  # nothing was made up in its place


def test_production_starts_with_a_strong_secret(tmp_path):
    key = "f3a1c9e0b7d2" * 4
    app = create_app({"ENVIRONMENT": "production", "SECRET_KEY": key, "INSTANCE_PATH": tmp_path})
    assert app.config["SECRET_KEY"] == key


def test_health_tells_when_redis_is_away(app, client):
    for settings in (app.config, current_app.config):
        settings["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 200  # pages still work
    assert response.get_json() == {"status": "degraded", "database": "ok", "redis": "down"}


def test_health_with_redis_up(app, client):
    problem = redis_problem()
    if problem:
        if IN_CI:
            pytest.fail(f"Redis is required under CI=true: {problem}")
        pytest.skip(f"Redis not available: {problem}")
    app.config["REDIS_URL"] = REDIS_URL
    assert client.get("/healthz").get_json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_health_says_so_when_the_database_is_down(app):
    broken = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none",
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 2}},
        }
    )
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "down"


def test_static_files_carry_their_fingerprint_and_are_kept_a_year(client, rooms):
    import re

    page = client.get("/en/").get_data(as_text=True)
    address = re.search(r'href="(/static/css/site\.css\?v=([0-9a-f]{12}))"', page)
    assert address, "the stylesheet's address has no fingerprint"
    response = client.get(address.group(1))
    assert response.headers["Cache-Control"] == "public, max-age=31536000"
    response.close()
    bare = client.get("/static/css/site.css")
    assert bare.headers["Cache-Control"] == "public, max-age=300"
    bare.close()


def test_behind_a_trusted_proxy_each_person_s_address_has_its_own_limit(app, make_user):
    from support.settings import PASSWORD
    from support.web import post

    from meetingpoint import create_app as build

    settings = {k: v for k, v in app.config.items() if k.isupper()}
    settings.update(TRUSTED_PROXIES=1, LOGIN_LIMIT_PER_ADDRESS="3 per minute")
    behind_nginx = build(settings)
    user = make_user()

    def sign_in_from(address: str, password: str) -> int:
        client = behind_nginx.test_client()  # every request arrives from nginx, 127.0.0.1
        client.environ_base.update(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)
        return post(
            client, "/en/auth/login", {"email": user.email, "password": password}
        ).status_code

    for n in range(3):
        sign_in_from("203.0.113.7", f"wrong {n}")
    assert sign_in_from("203.0.113.7", "still wrong") == 429
    assert sign_in_from("198.51.100.4", PASSWORD) == 302  # someone else, elsewhere
    with behind_nginx.app_context():
        db.engine.dispose()  # this second app's pool, closed before the test database goes
