"""A departing participant's interactions stay counted (by country), no longer by person."""

from sqlalchemy import update

from ..accounts.privacy import account_eraser
from ..extensions import db
from .models import Interaction


@account_eraser
def forget_interactions(user, remove_content: bool) -> None:
    for column in (Interaction.actor_id, Interaction.partner_id):
        db.session.execute(update(Interaction).where(column == user.id).values({column: None}))
