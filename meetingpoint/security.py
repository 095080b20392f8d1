"""Small security helpers shared by routes: safe redirects and permission decorators."""

from functools import wraps
from urllib.parse import urlsplit

from flask import abort
from flask_login import current_user, login_required


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None (no open redirects).

    Rejects absolute URLs, scheme-relative //host, and backslash tricks browsers
    normalise into //host.
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if "\\" in target or any(ord(c) < 32 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def admin_required(view):
    """Anonymous visitors go to sign in; signed-in members who are not admins get 403."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
