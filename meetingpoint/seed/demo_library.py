"""A few shared links for the demo library, added by demo participants through the same
service members use (safe to run again: nothing is added twice)."""

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from ..library.models import LibraryItem
from ..library.services import ItemFields, add_link
from ..rooms.models import Room

LINKS = (
    # adder, title, description, type, year, source, languages, rooms, address
    ("Amina Diallo", "Organisation internationale du Travail",
     "Le site de l'OIT : normes, statistiques et publications sur le travail décent.",
     "other", None, "OIT", "fr en es", "child-labour-modern-slavery social-protection",
     "https://www.ilo.org/"),
    ("Kwame Mensah", "United Nations Office for South-South Cooperation",
     "Who does what in South-South and triangular cooperation across the UN system.",
     "other", None, "UNOSSC", "en", "south-south-sdgs", "https://unsouthsouth.org/"),
    ("Priya Raman", "South-South Galaxy",
     "A shared platform for finding partners and solutions from other countries of the South.",
     "toolkit", None, "UNOSSC", "en es fr", "south-south-sdgs", "https://www.southsouth-galaxy.org/"),
)  # fmt: skip


def load_demo_library() -> int:
    people = {u.display_name: u for u in db.session.scalars(select(User))}
    rooms = {r.slug: r.id for r in db.session.scalars(select(Room))}
    added = 0
    for adder, title, description, kind, year, source, langs, room_slugs, url in LINKS:
        exists = db.session.scalar(select(LibraryItem.id).where(LibraryItem.url == url))
        if exists or adder not in people:
            continue
        fields = ItemFields(
            title=title, item_type=kind, description=description, year=year, source=source,
            languages=langs.split(), room_ids=[rooms[s] for s in room_slugs.split() if s in rooms],
            url=url,
        )  # fmt: skip
        add_link(people[adder], fields)
        added += 1
    return added
