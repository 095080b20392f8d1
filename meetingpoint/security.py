"""Small security helpers shared by routes: safe redirects, permission decorators, and
private responses kept out of caches."""

from functools import wraps
from urllib.parse import urlsplit

from flask import abort, g, request, session
from flask_login import current_user, login_required, user_logged_in, user_logged_out


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


def accepts_uploads(view):
    """Mark a view whose form may carry a file (the library's): its requests may be as large
    as the UPLOAD_MAX_CONTENT_LENGTH setting, every other request only MAX_CONTENT_LENGTH."""
    view.upload_limit = "UPLOAD_MAX_CONTENT_LENGTH"
    return view


def accepts_attachments(view):
    """Mark a view whose form carries a post's or message's attachments: up to five files,
    so up to the ATTACHMENTS_MAX_CONTENT_LENGTH setting."""
    view.upload_limit = "ATTACHMENTS_MAX_CONTENT_LENGTH"
    return view


def limit_request_size(app) -> None:
    """Set each request's size limit before anything (the CSRF check first) reads its form."""
    from flask import request

    @app.before_request
    def choose_limit():
        view = app.view_functions.get(request.endpoint or "")
        setting = getattr(view, "upload_limit", None)
        if setting:
            request.max_content_length = app.config[setting]


def no_store_for_signed_in(app) -> None:
    """Every response to a signed-in reader gets `Cache-Control: no-store`: each carries
    their name, and many their data (the export, the account, messages, settings), which
    no browser cache on a shared computer or proxy on the way may keep. Visitors' pages
    (shared, and kept in pagecache/) and static files are left as they are, and so is a
    response that says `private, no-cache`: the reading pages (home, a room, a topic,
    which the service worker keeps for offline reading anyway) and /sw.js, which the
    browser may keep for this person but must check with us before each use, so that an
    unchanged page costs a 304 (pagecache/revalidation.py). Signing in or out empties the
    browser's HTTP cache of this site (Clear-Site-Data), so those copies go with the
    person."""

    @app.after_request
    def keep_private(response):
        revalidated = response.headers.get("Cache-Control") == "private, no-cache"
        if request.endpoint != "static" and _signed_in() and not revalidated:
            response.headers["Cache-Control"] = "no-store"
        if g.get("reader_changed"):
            response.headers["Clear-Site-Data"] = '"cache"'
        return response

    user_logged_in.connect(_reader_changed, app)
    user_logged_out.connect(_reader_changed, app)


def _reader_changed(_app, **_extra) -> None:
    g.reader_changed = True


def _signed_in() -> bool:
    # From what the request already holds: asking the database here would break the page
    # that says the database is unavailable.
    user = g.get("_login_user")
    if user is not None:
        return user.is_authenticated
    return "_user_id" in session
