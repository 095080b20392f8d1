"""A signed-in browser's routing cookie, hashed by nginx to pick its live process."""

import secrets

from flask import current_app, request
from flask_login import current_user

ROUTE_COOKIE = "mp_route"
ROUTE_COOKIE_DAYS = 365


def init_app(app) -> None:
    app.after_request(_give_route_cookie)


def _give_route_cookie(response):
    """Socket.IO's long-polling requests must all reach the process that holds the
    session. Hashing the client's address put everyone behind one office network or one
    mobile operator's carrier-grade NAT on the same process (nginx's ip_hash even hashes
    only the first three octets); a random value per browser spreads them. Only signed-in
    readers open live connections, and their pages are never kept for others, so no
    cookie ends up in a page shared between visitors."""
    if request.cookies.get(ROUTE_COOKIE) or not current_user.is_authenticated:
        return response
    response.set_cookie(
        ROUTE_COOKIE,
        secrets.token_urlsafe(12),
        max_age=ROUTE_COOKIE_DAYS * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response
