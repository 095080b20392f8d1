"""What /healthz reports: the database and, when one is used, Redis."""

import redis
from flask import current_app
from sqlalchemy import text

from ..extensions import db

CHECK_TIMEOUT = 2  # seconds: a health check must answer while its parts do not


def database_state() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except Exception:  # any failure means "down"; the next request gets a fresh connection
        db.session.rollback()
        return "down"


def redis_state() -> str:
    url = current_app.config.get("REDIS_URL")
    if not url:
        return "not used"
    client = current_app.extensions.get("health_redis")
    if client is None:
        client = redis.Redis.from_url(
            url, socket_timeout=CHECK_TIMEOUT, socket_connect_timeout=CHECK_TIMEOUT
        )
        current_app.extensions["health_redis"] = client
    try:
        client.ping()
        return "ok"
    except redis.RedisError:
        return "down"


def report() -> tuple[dict, int]:
    """503 without the database (nothing works); 200 but "degraded" without Redis (pages
    work, live delivery between processes waits for it)."""
    states = {"database": database_state(), "redis": redis_state()}
    if states["database"] != "ok":
        return {"status": "down", **states}, 503
    status = "degraded" if states["redis"] == "down" else "ok"
    return {"status": status, **states}, 200
