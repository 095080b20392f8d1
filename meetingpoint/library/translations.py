"""Library items can be translated: their title and description, as the item's page shows."""

from flask import url_for
from flask_babel import gettext as _
from markupsafe import escape
from sqlalchemy import select

from ..languages import UNDETERMINED
from ..languages.sources import Source, translatable
from .models import LibraryItem
from .services import access_item


def described_in(item: LibraryItem) -> str:
    """The language of an item's description: its only language, else not determined (a
    document in three languages is usually described in one of them, or another)."""
    codes = item.language_codes
    return codes[0] if len(codes) == 1 else UNDETERMINED


def description_html(item: LibraryItem) -> str:
    paragraphs = [p for p in (item.description or "").split("\n\n") if p.strip()]
    return f"<p><strong>{escape(item.title)}</strong></p>" + "".join(
        f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs
    )


@translatable(
    "library",
    authored_by=lambda user: select(LibraryItem.id).where(LibraryItem.added_by_id == user.id),
)
def item_source(reader, item_id: int) -> Source:
    item = access_item(item_id)
    return Source(
        html=description_html(item),
        language=described_in(item),
        title=_("“%(title)s” in the library", title=item.title),
        back_url=url_for("library.item", item_id=item.id),
    )
