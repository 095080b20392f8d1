"""The library's part of a participant's data export and account deletion."""

from sqlalchemy import select

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..extensions import db
from . import files
from .models import LibraryItem


@personal_data_exporter("library_items")
def export_items(user) -> list[dict]:
    query = select(LibraryItem).where(LibraryItem.added_by_id == user.id).order_by(LibraryItem.id)
    return [
        {
            "item": item.id,
            "kind": item.kind,
            "title": item.title,
            "description": item.description,
            "address": item.url,
            "file": item.file_name,
            "added_at": item.created_at.isoformat(),
        }
        for item in db.session.scalars(query)
    ]


@account_eraser
def forget_library_items(user, remove_content: bool) -> None:
    # Shared documents stay for everyone (credited to nobody) unless their owner asks.
    if not remove_content:
        return
    for item in db.session.scalars(select(LibraryItem).where(LibraryItem.added_by_id == user.id)):
        if item.sha256:
            files.discard(item.sha256)
        db.session.delete(item)
