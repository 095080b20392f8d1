"""What the service worker and the manifest are made of: the deployed version, the reader's
key, the pages precached, the manifest's fields."""

import hashlib
import hmac
from pathlib import Path

from flask import current_app, g, session, url_for
from flask_babel import gettext as _

from ..assets import version_of
from ..i18n import LANGUAGES

# Sent with every page: the worker keeps pages per reader and empties its caches when the
# reader changes (a sign-out, someone else signing in on the same browser).
READER_HEADER = "X-Offline-Reader"
VISITOR = "visitor"
THEME = "#0b6e4f"  # --brand in site.css
BACKGROUND = "#ffffff"
# Precached with the offline pages, which use them.
PRECACHED_STATIC = ["css/site.css", "js/offline.js", "favicon.svg"]
ICONS = [
    ("icons/icon-192.png", "192x192", "any"),
    ("icons/icon-512.png", "512x512", "any"),
    ("icons/icon-maskable-512.png", "512x512", "maskable"),
]


def reader_key() -> str:
    """`visitor`, or a keyed hash of the signed-in person's id: it tells readers apart
    without saying who they are. Read from what the request holds, never the database."""
    user = g.get("_login_user")
    if user is not None:
        user_id = user.get_id() if user.is_authenticated else None
    else:
        user_id = session.get("_user_id")
    if user_id is None:
        return VISITOR
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, f"offline-reader:{user_id}".encode(), hashlib.sha256).hexdigest()[:24]


def push_script() -> Path | None:
    """The Web Push handlers, when that part is deployed: the worker imports them."""
    path = Path(current_app.static_folder) / "js" / "sw-push.js"
    return path if path.is_file() else None


def deployed_version() -> str:
    """Changes whenever a static file, a catalog or the offline page's templates change:
    a new worker then installs, precaches afresh and drops the old static cache."""
    static = Path(current_app.static_folder)
    templates = Path(current_app.root_path) / "templates"
    translations = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])
    root = Path(current_app.root_path).parent
    files = [
        *static.rglob("*"),
        *translations.glob("*/LC_MESSAGES/messages.mo"),
        templates / "base.html",
        *(templates / "offline").glob("*"),
    ]
    return version_of(root, [f for f in files if root in f.parents])


def precached() -> list[str]:
    pages = [url_for("offline.page", lang_code=code) for code in LANGUAGES]
    return pages + [url_for("static", filename=name) for name in PRECACHED_STATIC]


def manifest(lang: str) -> dict:
    home = url_for("main.home")
    return {
        "id": home,
        "name": _("Meeting Point for decent work"),
        "short_name": "Meeting Point",
        "description": _(
            "South-South and triangular cooperation for decent work: rooms, discussions, "
            "chat, the Academy and the library."
        ),
        "lang": lang,
        "dir": "ltr",
        "start_url": home,
        "scope": home,
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": [
            {
                "src": url_for("static", filename=src),
                "sizes": sizes,
                "type": "image/png",
                "purpose": purpose,
            }
            for src, sizes, purpose in ICONS
        ],  # fmt: skip
        "shortcuts": [
            {"name": _("Rooms"), "url": url_for("rooms.index")},
            {"name": _("Messages"), "url": url_for("chat.inbox")},
            {"name": _("Academy"), "url": url_for("academy.index")},
        ],
    }
