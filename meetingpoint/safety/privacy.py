"""Whom a participant muted or blocked: exported with their data, erased with either account."""

from sqlalchemy import delete, or_

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..extensions import db
from .models import PersonMute
from .services import mutes_of


@personal_data_exporter("muted_and_blocked")
def export_mutes(user) -> list[dict]:
    return [
        {
            "person": row.muted_id,
            "name": row.muted.display_name,
            "blocked": row.blocked,
            "since": row.created_at.isoformat(),
        }
        for row in mutes_of(user)
    ]


@account_eraser
def forget_mutes(user, remove_content: bool) -> None:
    # Either side's deletion ends the pair: a former participant has no one to mute.
    db.session.execute(
        delete(PersonMute).where(or_(PersonMute.user_id == user.id, PersonMute.muted_id == user.id))
    )
