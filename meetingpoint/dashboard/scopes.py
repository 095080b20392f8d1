"""What the figures are counted over: the whole site, one room, or one Academy (the rooms
its modules talk in)."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from ..extensions import db
from ..i18n import current_language
from ..rooms.models import Room

SITE = ""


@dataclass(frozen=True)
class Scope:
    key: str  # "" (the site), "room:<slug>" or "academy:<slug>": also the visits' place
    room_ids: tuple[int, ...] | None  # None: everywhere
    names: dict[str, str]  # language → name; empty for the site

    @property
    def rooms(self) -> list[int] | None:
        return None if self.room_ids is None else list(self.room_ids)

    def name(self) -> str:
        if not self.names:
            return _("The whole site")
        return (
            self.names.get(current_language())
            or self.names.get("en")
            or next(iter(self.names.values()))
        )


WHOLE_SITE = Scope(SITE, None, {})


def scope_from(key: str | None) -> Scope:
    """The scope a `scope=` parameter names; NotFound for a room or Academy that is not."""
    Academy = _academy_models()[0]
    if not key:
        return WHOLE_SITE
    kind, _sep, slug = key.partition(":")
    if kind == "room":
        room = db.session.scalar(select(Room).where(Room.slug == slug))
        if room is not None:
            return _room_scope(room)
    elif kind == "academy":
        academy = db.session.scalar(select(Academy).where(Academy.slug == slug))
        if academy is not None:
            return _academy_scope(academy)
    raise NotFound


def all_scopes() -> list[Scope]:
    """The site, every room in its usual order, then every Academy, newest first."""
    Academy = _academy_models()[0]
    rooms = db.session.scalars(select(Room).order_by(Room.position))
    academies = db.session.scalars(select(Academy).order_by(Academy.starts_on.desc()))
    return [WHOLE_SITE, *map(_room_scope, rooms), *map(_academy_scope, academies)]


def _room_scope(room: Room) -> Scope:
    return Scope(f"room:{room.slug}", (room.id,), {t.language: t.name for t in room.texts})


def _academy_scope(academy) -> Scope:
    _academy, Module, ModuleRoom = _academy_models()
    rooms = db.session.scalars(
        select(ModuleRoom.room_id)
        .join(Module, Module.id == ModuleRoom.module_id)
        .where(Module.academy_id == academy.id)
        .distinct()
    )
    return Scope(
        f"academy:{academy.slug}",
        tuple(sorted(rooms)),
        {text.language: text.title for text in academy.texts},
    )


def _academy_models():
    # Imported when used: the forums record interactions through this package, and the
    # Academy's package imports the forums, so importing it here at load time is a cycle.
    from ..academy.models import Academy, Module, ModuleRoom

    return Academy, Module, ModuleRoom
