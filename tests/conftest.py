"""Fixtures: every test runs on SQLite and on PostgreSQL, on a schema built by the migrations."""

# ruff: noqa: E402 (the helpers are marked for assert rewriting before any is imported)

import email
import email.policy
from pathlib import Path

import pytest

# The helpers' plain asserts report their values too, as the tests' own do.
pytest.register_assert_rewrite("support")

from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from support.apps import SessionApps, own_postgres_database
from support.settings import IN_CI, PASSWORD_HASH, POSTGRES_URL
from support.web import AuthActions

from meetingpoint import create_app
from meetingpoint.accounts.models import User, UserLanguage
from meetingpoint.config import TestingConfig
from meetingpoint.database import utcnow
from meetingpoint.extensions import db, limiter
from meetingpoint.rooms.models import RoomMembership

# Browser fixtures (Playwright, Chromium), live chat's, the dashboard's history, jobs
# through Redis and workers, and the S3 server: own modules.
pytest_plugins = ["support.browsing", "support.chat_sockets", "support.dashboard_history",
                  "support.job_queue", "support.mail_in", "support.object_storage",
                  "support.oidc_provider", "support.push_service"]  # fmt: skip


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        # @pytest.mark.backends("postgresql") narrows a test to the engines it is about.
        marker = metafunc.definition.get_closest_marker("backends")
        chosen = list(marker.args) if marker else ["sqlite", "postgresql"]
        metafunc.parametrize("backend", chosen, scope="session")


def _postgres_available() -> str | None:
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as error:  # any failure means "not here"
        return str(error).splitlines()[0]


@pytest.fixture(scope="session")
def database_url(backend, tmp_path_factory):
    """A freshly migrated database for this backend, shared by the session's tests.

    On PostgreSQL each run, and each of its xdist workers, has a database of its own, made
    here and dropped at the end: two runs on one server never empty each other's tables."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        _migrate(url, tmp_path_factory)
        yield url
        return
    problem = _postgres_available()
    if problem:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI=true: {problem}")
        pytest.skip(f"PostgreSQL not available: {problem}")
    with own_postgres_database(POSTGRES_URL) as url:
        _migrate(url, tmp_path_factory)
        yield url


def _migrate(url: str, tmp_path_factory) -> None:
    app = create_app(_config(url, tmp_path_factory.mktemp("outbox")))
    with app.app_context():
        upgrade()
        db.engine.dispose()


def _config(url: str, outbox: Path) -> dict:
    settings = {k: getattr(TestingConfig, k) for k in dir(TestingConfig) if k.isupper()}
    settings.update(
        SQLALCHEMY_DATABASE_URI=url,
        MAIL_OUTBOX=outbox,
        LIBRARY_PATH=outbox.parent / "library",
        STORAGE_PATH=outbox.parent / "files",
    )
    return settings


@pytest.fixture(scope="session")
def _session_apps(database_url, tmp_path_factory):
    """The application under test and a twin, built once per database (117 URL rules
    compiled, every extension set up): each test then gets them as new (see `app`)."""
    config = _config(database_url, tmp_path_factory.mktemp("outbox"))
    apps = SessionApps(create_app(config), create_app(config))
    yield apps
    apps.dispose()


@pytest.fixture
def app(_session_apps, tmp_path):
    """The application under test, and a twin whose context the test body works in.

    Requests to the served app then get their own app context and `g`, as in production;
    had the test held the served app's context, every request would share one `g`.
    """
    served, twin = _session_apps.begin_test(tmp_path)
    with twin.app_context():
        _session_apps.empty_tables()
        limiter.reset()
        try:
            yield served
        finally:
            db.session.remove()
            _session_apps.end_test()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def rooms(app):
    from meetingpoint.rooms.services import seed_rooms

    seed_rooms()
    from meetingpoint.rooms.models import Room

    return {room.slug: room for room in db.session.scalars(db.select(Room))}


@pytest.fixture
def academy(rooms):
    """The example Academy (Turin, 2016), with its ten modules, programme and questionnaire."""
    from meetingpoint.academy import services

    services.seed_academy()
    return services.access_academy("sstc-2016")


@pytest.fixture
def open_survey(academy):
    """The example Academy with its questionnaire open again (the real one closed in 2016)."""
    from datetime import timedelta

    from meetingpoint.academy.survey import questions_of
    from meetingpoint.database import utcnow

    academy.prelearning_closes_at = utcnow() + timedelta(days=7)
    db.session.commit()
    return questions_of(academy)


@pytest.fixture
def make_user(app):
    """Create a confirmed participant directly (the sign-up flow has its own tests)."""
    counter = iter(range(1, 10_000))

    def make(**fields) -> User:
        n = next(counter)
        languages = fields.pop("languages", ["en"])
        user = User(
            email=fields.pop("email", f"person{n}@example.org"),
            display_name=fields.pop("display_name", f"Person {n}"),
            password_hash=PASSWORD_HASH,
            email_verified_at=fields.pop("email_verified_at", utcnow()),
            country=fields.pop("country", "KE"),
            organisation=fields.pop("organisation", "Somewhere"),
            constituency=fields.pop("constituency", "government"),
            languages=[UserLanguage(code=code) for code in languages],
            **fields,
        )
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def outbox(app):
    """The mail written so far, oldest first, as parsed messages."""

    def read() -> list[email.message.EmailMessage]:
        folder = Path(app.config["MAIL_OUTBOX"])
        if not folder.exists():
            return []
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(folder.glob("*.eml"))
        ]

    return read


@pytest.fixture
def member(make_user, rooms):
    """A signed-up participant who belongs to the social dialogue room."""

    def make(**fields):
        user = make_user(**fields)
        db.session.add(RoomMembership(room_id=rooms["social-dialogue"].id, user_id=user.id))
        db.session.commit()
        return user

    return make


@pytest.fixture
def servers(database_url, tmp_path):
    """Start real server processes on the test database; all are stopped after the test.
    `start(redis_channel, **env)`: extra MEETINGPOINT_* settings as keyword arguments."""
    from support.live_servers import LiveServer

    started = []

    def start(redis_channel: str | None = None, **env) -> "LiveServer":
        server = LiveServer(database_url, tmp_path, redis_channel, env)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def redis_channel():
    """A Socket.IO channel of its own on the local Redis (required under CI=true)."""
    import uuid

    from support.live_servers import redis_problem

    problem = redis_problem()
    if problem:
        if IN_CI:
            pytest.fail(f"Redis is required under CI=true: {problem}")
        pytest.skip(f"Redis not available: {problem}")
    return f"meetingpoint-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of the test's own, which it may stop and start again."""
    from support.redis_server import RedisServer

    if not RedisServer.available():
        if IN_CI:
            pytest.fail("redis-server is required under CI=true")
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
