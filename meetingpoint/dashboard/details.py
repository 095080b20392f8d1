"""The staff's figures beyond the public ones: visits by language, country and region, the
region-by-region matrix, and the most-connected participants and rooms."""

from dataclasses import dataclass

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from ..geography import REGIONS, country_name
from ..i18n import LANGUAGES
from ..rooms.models import Room
from .figures import Figures


@dataclass
class Connected:
    """A participant or room and how widely it connects people in the period."""

    key: str
    name: str
    url_target: object  # the User or Room, for a link
    reached: int  # people reached, or pairs that talked in the room
    across: int  # of them across a border; for a room, its interactions


def by_language(figures: Figures) -> list[tuple[str, str, int, int]]:
    """(code, name, page views, visits) for each interface language, most viewed first."""
    visits = figures.visits
    codes = set(visits.views_by_language) | set(visits.visits_by_language)
    rows = [(code, LANGUAGES.get(code, code), visits.views_by_language[code],
             visits.visits_by_language[code]) for code in codes]  # fmt: skip
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def by_country(figures: Figures) -> list[tuple[str, str, int]]:
    """(code, name, members' visits) for each country, most first."""
    rows = [(code, country_name(code), count)
            for code, count in figures.visits.member_visits_by_country.items()]  # fmt: skip
    return sorted(rows, key=lambda row: (-row[2], row[1]))


def by_region(figures: Figures) -> list[tuple[str, str, int]]:
    regions = figures.visits.member_visits_by_region
    return [(key, str(name), regions[key]) for key, name in REGIONS.items()]


def region_matrix(figures: Figures) -> list[tuple[str, str, list[int]]]:
    """(key, name, counts): a row per region of the one who reached out, a count for each
    region reached, in the order of REGIONS."""
    counts = figures.coupling.regions
    return [(actor, str(name), [counts[(actor, partner)] for partner in REGIONS])
            for actor, name in REGIONS.items()]  # fmt: skip


def most_connected_people(figures: Figures) -> list[Connected]:
    rows = figures.coupling.people
    people = {user.id: user for user in db.session.scalars(
        select(User).where(User.id.in_([row[0] for row in rows]), User.deleted_at.is_(None))
    )}  # fmt: skip
    return [Connected(f"person:{people[person].id}", people[person].display_name, people[person],
                      reached, across)
            for person, reached, across in rows if person in people]  # fmt: skip


def most_connected_rooms(figures: Figures, language: str) -> list[Connected]:
    rows = figures.coupling.rooms
    rooms = {room.id: room for room in db.session.scalars(
        select(Room).where(Room.id.in_([row[0] for row in rows]))
    )}  # fmt: skip
    return [Connected(f"room:{rooms[room].slug}", rooms[room].text(language).name, rooms[room],
                      pairs, interactions)
            for room, interactions, pairs in rows if room in rooms]  # fmt: skip
