"""The kept pages: one bounded store per process, and the decorator views opt in with."""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import wraps

from flask import current_app, g, make_response, request, session
from flask_login import current_user

from ..i18n import current_language
from . import generation, revalidation

HEADER = "X-Page-Cache"


@dataclass(frozen=True)
class KeptPage:
    generation: int
    kept_at: float
    body: bytes
    content_type: str
    digest: bytes = b""  # revalidation.digest of the body


class PageStore:
    """Least recently used pages first out, within a byte budget (bodies dominate)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._pages: OrderedDict[tuple, KeptPage] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> KeptPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple, page: KeptPage) -> None:
        if len(page.body) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self.size -= len(old.body)
            self._pages[key] = page
            self.size += len(page.body)
            while self.size > self.max_bytes:
                _key, dropped = self._pages.popitem(last=False)
                self.size -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self.size = 0


def kept_for_visitors(view):
    """Serve visitors a page rendered for an earlier visitor, while nothing it could show has
    changed (and for at most PAGE_CACHE_SECONDS, for what depends on the clock). Signed-in
    readers always get a page of their own: theirs carries their name, forms and tokens.
    Either way the page is tagged, and a second visit to it unchanged is a 304."""

    @wraps(view)
    def serve(*args, **kwargs):
        seconds = current_app.config["PAGE_CACHE_SECONDS"]
        number = generation.current() if seconds and _anonymous_read() else None
        if number is None:  # read before the page's data: never newer than it
            return _tagged(make_response(view(*args, **kwargs)))
        store = current_app.extensions["page_store"]
        key = (request.full_path, current_language())
        kept = store.get(key)
        if kept and kept.generation == number and time.monotonic() - kept.kept_at < seconds:
            response = current_app.response_class(kept.body, content_type=kept.content_type)
            response.headers[HEADER] = "hit"
            return revalidation.conditional(response, kept.digest)
        g.page_shared = True  # the page leaves out what is one visitor's own
        response = make_response(view(*args, **kwargs))
        response.headers[HEADER] = "miss"
        # A page that wrote to the session (a token, a message) was made for one visitor.
        if response.status_code == 200 and not response.is_streamed and not session.modified:
            body = response.get_data()
            content = revalidation.digest(body)
            store.put(key, KeptPage(number, time.monotonic(), body, response.content_type, content))
            return revalidation.conditional(response, content)
        return _tagged(response)

    return serve


def _tagged(response):
    if not revalidation.applies(response):
        return response
    return revalidation.conditional(response, revalidation.digest(response.get_data()))


def _anonymous_read() -> bool:
    if request.method != "GET" or current_user.is_authenticated:
        return False
    # A message waiting to be shown (after signing out, say) belongs to this visitor alone.
    return "_flashes" not in session


def init_app(app) -> None:
    app.extensions["page_store"] = PageStore(app.config["PAGE_CACHE_BYTES"])
    generation.watch_changes()
