"""Meeting Point: a multilingual virtual community for South-South cooperation on decent work."""

import os
import secrets
from pathlib import Path

from flask import Flask

from .assets import configure_assets
from .config import Config
from .inputs import configure_input
from .serving import configure_turn_taking
from .storage import check_settings as check_storage_settings


def create_app(config: type | dict | None = None) -> Flask:
    """Build the application: each configure_* step below owns one concern."""
    app = Flask(__name__, instance_relative_config=False)
    configure_settings(app, config)
    configure_input(app)
    configure_extensions(app)
    configure_blueprints(app)
    configure_standing(app)
    configure_sockets(app)
    configure_templates(app)
    configure_assets(app)
    configure_errors(app)
    configure_security_headers(app)
    configure_visit_counting(app)
    configure_page_cache(app)
    configure_cli(app)
    configure_turn_taking(app)
    return app


def configure_settings(app: Flask, config) -> None:
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    app.instance_path = str(app.config["INSTANCE_PATH"])
    if app.config.get("ENVIRONMENT") == "production":
        _check_production_secret(app.config.get("SECRET_KEY"))
    check_storage_settings(app.config)
    _check_sign_in_providers(app)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops:  # behind nginx: limits count each person's address, not the proxy's
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _check_sign_in_providers(app: Flask) -> None:
    """MEETINGPOINT_OIDC_PROVIDERS, parsed and checked now: a mistake stops the start."""
    from .auth.oidc.providers import parse_providers

    app.config["OIDC_PROVIDER_LIST"] = parse_providers(app.config.get("OIDC_PROVIDERS"))


# Keys that appear in examples, tests and tutorials: anyone could sign cookies with them.
_KNOWN_KEYS = {"dev", "development", "secret", "changeme", "change-me", "testing", "test"}


def _check_production_secret(key: str | None) -> None:
    """Sessions, CSRF tokens and unsubscribe links are signed with this key: in production
    it must be set, shared by every process, and impossible to guess."""
    if not key:
        raise RuntimeError(
            "MEETINGPOINT_SECRET_KEY is not set. In production every process must share one "
            "long random key, for example: python -c 'import secrets; print(secrets.token_hex(32))'"
        )
    if key.lower() in _KNOWN_KEYS or len(key) < 32:
        raise RuntimeError(
            "MEETINGPOINT_SECRET_KEY is a default or too short (fewer than 32 characters); "
            "anyone could forge sessions with it. Set a long random value."
        )


def _instance_secret(instance: Path) -> str:
    """A random key made on first start and kept, so no deployment runs on a known key
    and sessions survive restarts. Several processes must share it (or set the variable)."""
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def configure_extensions(app: Flask) -> None:
    from .accounts.login import configure_login
    from .database_setup import configure_database
    from .extensions import babel, csrf, limiter
    from .i18n import configure_i18n, select_locale, select_timezone
    from .security import limit_request_size

    limit_request_size(app)  # first: the CSRF check reads the form
    configure_database(app)
    configure_i18n(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    csrf.init_app(app)
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)
    configure_login(app)


def configure_blueprints(app: Flask) -> None:
    from . import (
        academy,
        accounts,
        attachments,
        auth,
        chat,
        dashboard,
        digests,  # noqa: F401  (no pages: imported for its job)
        forums,
        inbound,
        invitations,
        jobs,
        library,
        main,
        moderation_log,
        news,
        notifications,
        offline,
        people,
        rooms,
        safety,
    )
    from .languages import routes as languages

    features = (main, auth, accounts, rooms, people, forums, notifications, chat, academy, library,
                news, languages, dashboard, safety, moderation_log, jobs, offline,
                attachments, inbound, invitations)  # fmt: skip
    for feature in features:
        app.register_blueprint(feature.bp)
    _configure_sign_in_providers(app)


def _configure_sign_in_providers(app: Flask) -> None:
    from .auth import oidc

    app.register_blueprint(oidc.bp)
    app.register_blueprint(oidc.callback_bp)


def configure_standing(app: Flask) -> None:
    """A suspended participant's writes are refused, except those listed in standing.py."""
    from .accounts import standing

    standing.init_app(app)


def configure_sockets(app: Flask) -> None:
    """Socket.IO at /socket.io/: in-process alone, through Redis when several processes run."""
    from .chat import events, routing  # noqa: F401  (events registers the handlers)
    from .extensions import socketio

    routing.init_app(app)

    queue = {}
    if app.config.get("REDIS_URL"):
        from .chat.queue import WatchedRedisManager

        queue["client_manager"] = WatchedRedisManager(
            app.config["REDIS_URL"], channel=app.config["SOCKETIO_CHANNEL"]
        )
    socketio.init_app(
        app,
        async_mode=app.config.get("SOCKETIO_ASYNC_MODE") or _async_mode(),
        **queue,
        # The session is read from the cookie at every event, so signing out (or a password
        # change ending other sessions) also ends what a live connection may do.
        manage_session=False,
        max_http_buffer_size=64 * 1024,
        ping_interval=25,
        ping_timeout=20,
    )


def _async_mode() -> str:
    # gunicorn -k gevent patches the standard library before loading us; anything else
    # (flask run, tests, a thread-based server) gets plain threads.
    try:
        from gevent import monkey
    except ImportError:  # pragma: no cover
        return "threading"
    return "gevent" if monkey.is_module_patched("socket") else "threading"


def configure_templates(app: Flask) -> None:
    from .templating import register_template_helpers

    register_template_helpers(app)


def configure_errors(app: Flask) -> None:
    from .errors import register_error_handlers

    register_error_handlers(app)


def configure_security_headers(app: Flask) -> None:
    from .security import no_store_for_signed_in

    no_store_for_signed_in(app)
    # Only our own origin: no CDN, font host or tracker can be loaded, even by mistake.
    policy = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
    )

    @app.after_request
    def add_headers(response):
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response


def configure_visit_counting(app: Flask) -> None:
    """First-party visit figures for the dashboard (no addresses kept, no third party)."""
    from .dashboard import visits

    visits.init_app(app)


def configure_page_cache(app: Flask) -> None:
    """Visitors' pages kept while nothing they show has changed (see pagecache/)."""
    from .pagecache import pages

    pages.init_app(app)


def configure_cli(app: Flask) -> None:
    from .cli import register_commands

    register_commands(app)
