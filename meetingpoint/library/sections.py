"""The library's section on a room's page: the newest items filed there."""

from ..rooms.sections import RoomSection, room_section
from .catalogue import latest_in_room


@room_section(order=30)
def library_section(room, user) -> RoomSection:
    return RoomSection("library/_room_items.html", {"library_items": latest_in_room(room.id)})
