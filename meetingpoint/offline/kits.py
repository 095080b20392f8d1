"""What "Keep for offline" on an Academy module keeps, and how much: its page, its key-question
discussions and its library readings with their files, as this reader may see them."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.exceptions import HTTPException

from ..academy.discussions.topics import discussions_of
from ..academy.models import Academy, Module
from ..academy.services import enrolment_of, readings_in
from ..academy.staff import is_staff
from ..extensions import db
from ..forums.access import access_topic
from ..forums.models import Post
from ..forums.policies import rule_for
from ..library.models import DOCUMENT, LibraryItem

# A page's size is estimated, not rendered: its frame (head, menus, footer and a member's
# controls), then what each part adds besides its own text. Measured on a module, a topic of
# 21 posts and a library item: each estimate within a fifth of the page served.
PAGE_BYTES = 4_000
MODULE_BYTES = 1_000  # its facilitators, rooms and this very control
QUESTION_BYTES = 150
POST_BYTES = 2_200
ITEM_BYTES = 500
LIBRARY_PAGES = ("library.item", "library.download")


@dataclass
class Kept:
    url: str
    bytes: int


def may_keep(user, academy: Academy) -> bool:
    """The people in the Academy (enrolled, or its staff) may keep its modules."""
    return enrolment_of(user, academy) is not None or is_staff(user, academy)


def module_kit(user, module: Module, language: str) -> list[Kept]:
    """The module's page, then each key-question discussion `user` may read (its first page,
    as the module links to it), then each library reading's page and file."""
    texts = module.text(language)
    page = PAGE_BYTES + MODULE_BYTES + len(texts.title) + len(texts.principles)
    page += sum(QUESTION_BYTES + len(q.text(language).text) for q in module.questions)
    kit = [Kept(url_for("academy.module", slug=module.academy.slug, module_slug=module.slug), page)]
    for topic in discussions_of(module).values():
        try:
            access_topic(topic.room, topic.id, user)
        except HTTPException:  # held, or for the participants only
            continue
        url = url_for("forums.topic", slug=topic.room.slug, topic_id=topic.id)
        kit.append(Kept(url, _topic_bytes(topic, rule_for(topic, user).replies_hidden)))
    seen = {kept.url for kept in kit}
    for reading in readings_in(module, language):
        for kept in _library_reading(reading.url):
            if kept.url not in seen:
                seen.add(kept.url)
                kit.append(kept)
    return kit


def _topic_bytes(topic, opening_only: bool) -> int:
    query = select(func.count(Post.id), func.coalesce(func.sum(func.length(Post.body_html)), 0))
    query = query.where(Post.topic_id == topic.id, Post.held_at.is_(None))
    if opening_only:
        query = query.where(Post.parent_id.is_(None))
    posts, text = db.session.execute(query).one()
    # Counted whole: past its first page (30 threads) a discussion is overestimated.
    return PAGE_BYTES + posts * POST_BYTES + int(text)


def _library_reading(address: str) -> list[Kept]:
    """A reading that is a library item of ours (its page or its download, an address on
    this site): the item's page and, for a document, its file, in the language linked."""
    parts = urlsplit(address)
    if parts.netloc and parts.netloc != request.host:
        return []
    try:
        endpoint, args = current_app.url_map.bind(request.host).match(parts.path)
    except HTTPException:
        return []
    item = db.session.get(LibraryItem, args["item_id"]) if endpoint in LIBRARY_PAGES else None
    if item is None:
        return []
    lang = args["lang_code"]
    kit = [Kept(url_for("library.item", lang_code=lang, item_id=item.id), _item_bytes(item))]
    if item.kind == DOCUMENT and item.size:
        kit.append(Kept(url_for("library.download", lang_code=lang, item_id=item.id), item.size))
    return kit


def _item_bytes(item: LibraryItem) -> int:
    return PAGE_BYTES + ITEM_BYTES + len(item.title) + len(item.description) * 2


def about(size: int) -> str:
    """ "1.4 MB" or "380 KB", the number in the reader's locale (as the library shows files)."""
    if size >= 1024 * 1024:
        return _("%(size)s MB", size=format_decimal(size / (1024 * 1024), "#,##0.0"))
    return _("%(size)s KB", size=format_decimal(max(size / 1024, 1), "#,##0"))


def described(kit: list[Kept], budget: int) -> dict:
    """What the page's control shows and sends: the label with the size, the addresses, and
    a refusal when the whole is more than the room offline reading has."""
    total = sum(kept.bytes for kept in kit)
    answer = {
        "label": _("Keep for offline (about %(size)s)", size=about(total)),
        "bytes": total,
        "urls": [kept.url for kept in kit],
        "sizes": [kept.bytes for kept in kit],
    }
    if total > budget:
        answer["refusal"] = _(
            "This module is too large to keep for offline reading: about %(size)s, and the "
            "room for it is %(budget)s.",
            size=about(total),
            budget=about(budget),
        )
    return answer
