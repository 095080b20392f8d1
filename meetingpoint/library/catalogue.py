"""Finding items: filters on every field, words in the title, description and source,
newest or most downloaded first."""

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from ..database import contains_pattern
from ..extensions import db
from .models import LibraryItem, LibraryItemLanguage, LibraryItemRoom

PER_PAGE = 20
NEWEST, MOST_DOWNLOADED = "newest", "downloads"


@dataclass
class Filters:
    words: str = ""
    kind: str = ""
    item_type: str = ""
    languages: tuple[str, ...] = ()  # any, when empty
    room_id: int | None = None
    year: int | None = None
    source: str = ""
    order: str = NEWEST


def find(filters: Filters, page: int = 1):
    """A page of items (SQLAlchemy pagination) matching `filters`."""
    query = select(LibraryItem).options(joinedload(LibraryItem.added_by))
    if filters.words:
        for word in filters.words.lower().split()[:8]:
            pattern = contains_pattern(word)
            query = query.where(
                or_(
                    func.lower(LibraryItem.title).like(pattern, escape="\\"),
                    func.lower(LibraryItem.description).like(pattern, escape="\\"),
                    func.lower(LibraryItem.source).like(pattern, escape="\\"),
                )
            )
    if filters.kind:
        query = query.where(LibraryItem.kind == filters.kind)
    if filters.item_type:
        query = query.where(LibraryItem.item_type == filters.item_type)
    if filters.year:
        query = query.where(LibraryItem.year == filters.year)
    if filters.source:
        pattern = contains_pattern(filters.source.lower())
        query = query.where(func.lower(LibraryItem.source).like(pattern, escape="\\"))
    if filters.languages:
        query = query.where(
            LibraryItem.id.in_(
                select(LibraryItemLanguage.item_id).where(
                    LibraryItemLanguage.code.in_(filters.languages)
                )
            )
        )
    if filters.room_id:
        query = query.where(
            LibraryItem.id.in_(
                select(LibraryItemRoom.item_id).where(LibraryItemRoom.room_id == filters.room_id)
            )
        )
    if filters.order == MOST_DOWNLOADED:
        query = query.order_by(LibraryItem.download_count.desc(), LibraryItem.id.desc())
    else:
        query = query.order_by(LibraryItem.created_at.desc(), LibraryItem.id.desc())
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)


def latest_in_room(room_id: int, limit: int = 5) -> list[LibraryItem]:
    query = (
        select(LibraryItem)
        .join(LibraryItemRoom, LibraryItemRoom.item_id == LibraryItem.id)
        .where(LibraryItemRoom.room_id == room_id)
        .order_by(LibraryItem.created_at.desc(), LibraryItem.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def most_downloaded(limit: int = 5) -> list[LibraryItem]:
    query = (
        select(LibraryItem)
        .where(LibraryItem.download_count > 0)
        .order_by(LibraryItem.download_count.desc(), LibraryItem.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def sources() -> list[str]:
    """The organisations named so far, for the filter's suggestions."""
    query = select(LibraryItem.source).where(LibraryItem.source != "").distinct().limit(200)
    return sorted(db.session.scalars(query), key=str.lower)
