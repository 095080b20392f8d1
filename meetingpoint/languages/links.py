"""The "Translate" link templates put beside an item, when a provider is set up, the reader
is signed in, and the item is written in another language than the reader's."""

from flask import g, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from ..i18n import current_language
from .providers import configured_provider


def translation_offered() -> bool:
    return current_user.is_authenticated and configured_provider() is not None


def translate_link(kind: str, item_id: int, language: str) -> Markup:
    if language == current_language() or not translation_offered():
        return Markup("")
    # A topic page has hundreds of posts: the address and label are made once per request.
    cache = g.setdefault("translate_links", {})
    if kind not in cache:
        cache[kind] = (url_for("languages.translate", kind=kind, item_id=0)[:-1], _("Translate"))
    base, label = cache[kind]
    return Markup('<a class="translate" href="{}{}" data-translate rel="nofollow">{}</a>').format(
        base, item_id, label
    )
