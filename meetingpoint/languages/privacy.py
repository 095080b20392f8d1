"""A departing participant: who asked for translations is forgotten, and with their writing
removed, so are its translations."""

from sqlalchemy import delete, update

from ..accounts.privacy import account_eraser
from ..extensions import db
from .models import Translation
from .sources import authored_items


@account_eraser
def forget_translations(user, remove_content: bool) -> None:
    db.session.execute(
        update(Translation).where(Translation.requested_by == user.id).values(requested_by=None)
    )
    if remove_content:
        for kind, ids in authored_items(user).items():
            db.session.execute(
                delete(Translation).where(
                    Translation.item_kind == kind, Translation.item_id.in_(ids)
                )
            )
