"""What rooms know about a participant: exported with their data, forgotten on deletion."""

from sqlalchemy import delete, select

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..extensions import db
from .models import Room, RoomMembership


@personal_data_exporter("rooms")
def export_memberships(user) -> list[dict]:
    rows = db.session.execute(
        select(Room.slug, RoomMembership.joined_at)
        .join(Room, Room.id == RoomMembership.room_id)
        .where(RoomMembership.user_id == user.id)
        .order_by(RoomMembership.joined_at)
    )
    return [{"room": slug, "joined_at": joined.isoformat()} for slug, joined in rows]


@account_eraser
def forget_memberships(user, remove_content: bool) -> None:
    # Membership lists are personal data, not writing: they go whatever the choice.
    db.session.execute(delete(RoomMembership).where(RoomMembership.user_id == user.id))
