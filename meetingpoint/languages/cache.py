"""Translations go when the text they translate does: on every edit and deletion."""

from sqlalchemy import delete

from ..extensions import db
from .models import Translation


def forget(kind: str, item_id: int) -> None:
    """Drop an item's translations (the caller commits)."""
    db.session.execute(delete(Translation).filter_by(item_kind=kind, item_id=item_id))
