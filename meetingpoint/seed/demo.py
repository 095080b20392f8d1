"""Loading the demo community: idempotent, so `make demo` can run again safely."""

import unicodedata

from sqlalchemy import select

from ..accounts.models import User, UserLanguage
from ..accounts.services import set_password
from ..database import utcnow
from ..extensions import db
from ..rooms.models import Room, RoomMembership
from .demo_people import PEOPLE

DEMO_PASSWORD = "meetingpoint-demo"
DEMO_DOMAIN = "demo.example.org"  # a reserved domain: demo mail never reaches anyone


def demo_email(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    local = ".".join(part.lower() for part in ascii_name.replace("-", " ").split())
    return f"{local}@{DEMO_DOMAIN}"


def load_demo() -> int:
    """Create the demo participants that are missing, with their rooms. Returns how many."""
    rooms = {room.slug: room for room in db.session.scalars(select(Room))}
    created = 0
    # One hash for all: hashing is deliberately slow, and these share a password anyway.
    template = User(email="")
    set_password(template, DEMO_PASSWORD)
    for name, country, org, constituency, langs, locale, tz, room_slugs, bio in PEOPLE:
        email = demo_email(name)
        if db.session.scalar(select(User.id).where(User.email == email)) is not None:
            continue
        user = User(
            email=email,
            email_verified_at=utcnow(),
            password_hash=template.password_hash,
            display_name=name,
            country=country,
            organisation=org,
            constituency=constituency,
            locale=locale,
            time_zone=tz,
            bio=bio,
            languages=[UserLanguage(code=code) for code in langs.split()],
        )
        db.session.add(user)
        db.session.flush()
        for slug in room_slugs.split():
            if slug in rooms:
                db.session.add(RoomMembership(room_id=rooms[slug].id, user_id=user.id))
        created += 1
    db.session.commit()
    return created
