"""The news section on a room's page: its latest items, above the discussions."""

from ..rooms.sections import RoomSection, room_section
from .services import can_publish, latest


@room_section(order=5)
def news_section(room, user) -> RoomSection | None:
    items = latest(room.id, limit=3)
    if not items and not can_publish(user):
        return None
    return RoomSection("news/_room_news.html", {"news": items, "can_publish": can_publish(user)})
