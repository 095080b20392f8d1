"""The chat's place on a room's page: a link to the room's channel."""

from ..rooms.sections import RoomSection, room_section


@room_section(order=5)
def chat_section(room, user) -> RoomSection:
    return RoomSection("chat/_room_link.html")
