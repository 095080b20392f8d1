"""Validators for the reading pages: a second visit to an unchanged page costs a 304."""

import hashlib

from flask import g, request, session
from flask_login import current_user

# The browser may keep the page, for this person only, and must ask us before each use
# (security.no_store_for_signed_in leaves this one as it is).
PRIVATE = "private, no-cache"


def digest(body: bytes) -> bytes:
    """The page's content, less this request's signed CSRF token: the token is signed with
    the time, so it differs at each rendering of an unchanged page."""
    token = g.get("csrf_token")
    if token:
        body = body.replace(token.encode(), b"")
    return hashlib.sha256(body).digest()


def conditional(response, content: bytes):
    """Tag a 200 page with what it shows and to whom, and answer 304 when the browser's
    copy has the same tag. The copy's forms carry an older token, which stays valid while
    the session's own token is the same (WTF_CSRF_TIME_LIMIT is None): so that token, and
    the reader, are part of the tag."""
    tag = hashlib.sha256(content)
    tag.update(str(session.get("csrf_token", "")).encode())
    tag.update(str(current_user.get_id() or "").encode())
    response.headers["Cache-Control"] = PRIVATE if current_user.is_authenticated else "no-cache"
    response.set_etag(tag.hexdigest()[:32])
    response = response.make_conditional(request)
    # A page read again, unchanged: the dashboard counts it (a 304 says no Content-Type).
    g.page_unchanged = response.status_code == 304
    return response


def applies(response) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.is_streamed
        and response.mimetype == "text/html"
    )
