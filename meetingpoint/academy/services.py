"""The one path for each Academy change: seed the example, follow, enrol; and its status."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import NotFound

from ..accounts.passwords import password_matches
from ..database import utcnow
from ..extensions import db
from ..i18n import LANGUAGES
from ..rooms.models import Room
from .models import (
    ENROL_INVITATION,
    FACILITATOR,
    OBSERVER,
    PARTICIPANT,
    Academy,
    AcademyText,
    AgendaSession,
    AgendaSessionText,
    Announcement,
    Enrolment,
    KeyQuestion,
    KeyQuestionText,
    Module,
    ModuleRoom,
    ModuleText,
    Reading,
)
from .seed.data import (
    ACADEMY,
    CLOSING,
    CLOSING_HOURS,
    MODULE_SLOTS,
    OPENING,
    OPENING_HOURS,
)
from .seed.modules import MODULES

UPCOMING, PRELEARNING, FACE_TO_FACE, FOLLOW_UP, ARCHIVED = (
    "upcoming",
    "pre-learning",
    "face-to-face",
    "follow-up",
    "archived",
)


class AcademyError(Exception):
    """A refusal the person can act on; str() is translated."""


def status(academy: Academy, now: datetime | None = None) -> str:
    """Where the Academy stands. Days are counted in the venue's time zone: the face-to-face
    week starts at midnight in Turin, wherever the reader is."""
    now = now or utcnow()
    today = now.astimezone(ZoneInfo(academy.time_zone)).date()
    if now < academy.prelearning_opens_at:
        return UPCOMING
    if today < academy.starts_on:
        return PRELEARNING
    if today <= academy.ends_on:
        return FACE_TO_FACE
    if today <= academy.follow_up_ends_on:
        return FOLLOW_UP
    return ARCHIVED


def all_academies() -> list[Academy]:
    return list(db.session.scalars(select(Academy).order_by(Academy.starts_on.desc())))


def access_academy(slug: str) -> Academy:
    academy = db.session.scalar(select(Academy).where(Academy.slug == slug))
    if academy is None:
        raise NotFound
    return academy


def access_module(academy: Academy, slug: str) -> Module:
    module = db.session.scalar(
        select(Module).where(Module.academy_id == academy.id, Module.slug == slug)
    )
    if module is None:
        raise NotFound
    return module


def rooms_of(module: Module) -> list[Room]:
    """The thematic rooms where a module's talk goes on, in their usual order."""
    ids = [link.room_id for link in module.rooms]
    if not ids:
        return []
    return list(db.session.scalars(select(Room).where(Room.id.in_(ids)).order_by(Room.position)))


def readings_in(module: Module, language: str) -> list[Reading]:
    """The readings a module lists in `language`, else its English ones."""
    return [r for r in module.readings if r.language == language] or [
        r for r in module.readings if r.language == "en"
    ]


def enrolment_of(user, academy: Academy) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return db.session.get(Enrolment, (academy.id, user.id))


def follow(user, academy: Academy) -> Enrolment:
    """Follow as an observer: read, and join the open discussions. Never demotes."""
    return _enrol(user, academy, OBSERVER)


def enrol(user, academy: Academy, code: str | None = None) -> Enrolment:
    """Take part as a participant: open to all, or with the Academy's invitation code."""
    if academy.enrolment == ENROL_INVITATION:
        code = (code or "").strip()
        if not code or not academy.invitation_code_hash:
            raise AcademyError(_("This Academy is for invited participants: enter your code."))
        if not password_matches(academy.invitation_code_hash, code):
            raise AcademyError(_("This invitation code is not valid for this Academy."))
    return _enrol(user, academy, PARTICIPANT)


_RANK = {OBSERVER: 0, PARTICIPANT: 1, FACILITATOR: 2}


def admit(user, academy: Academy, role: str) -> Enrolment:
    """Enrol someone staff invited, as `role`, with no code asked (never demotes)."""
    return _enrol(user, academy, role)


def _enrol(user, academy: Academy, role: str) -> Enrolment:
    enrolment = db.session.get(Enrolment, (academy.id, user.id))
    if enrolment is None:
        enrolment = Enrolment(academy_id=academy.id, user_id=user.id, role=role)
        db.session.add(enrolment)
    elif _RANK[role] > _RANK[enrolment.role]:
        enrolment.role = role
    try:
        db.session.commit()
    except IntegrityError:  # the same click, twice at once
        db.session.rollback()
        enrolment = db.session.get(Enrolment, (academy.id, user.id))
    return enrolment


def seed_academy() -> int:
    """Create the example Academy if it is missing; never overwrite staff's edits."""
    if db.session.scalar(select(Academy.id).where(Academy.slug == ACADEMY["slug"])):
        return 0
    rooms = {room.slug: room.id for room in db.session.scalars(select(Room))}
    academy = Academy(
        slug=ACADEMY["slug"],
        venue=ACADEMY["venue"],
        city=ACADEMY["city"],
        country=ACADEMY["country"],
        time_zone=ACADEMY["time_zone"],
        starts_on=date.fromisoformat(ACADEMY["starts_on"]),
        ends_on=date.fromisoformat(ACADEMY["ends_on"]),
        prelearning_opens_at=datetime.fromisoformat(ACADEMY["prelearning_opens_at"]),
        prelearning_closes_at=datetime.fromisoformat(ACADEMY["prelearning_closes_at"]),
        follow_up_ends_on=date.fromisoformat(ACADEMY["follow_up_ends_on"]),
    )
    academy.texts = [
        AcademyText(language=lang, title=ACADEMY[lang][0], description=ACADEMY[lang][1])
        for lang in LANGUAGES
    ]
    for position, entry in enumerate(MODULES, start=1):
        module = Module(slug=entry["slug"], position=position)
        module.texts = [
            ModuleText(language=lang, title=entry[lang][0], principles=entry[lang][1])
            for lang in LANGUAGES
        ]
        module.questions = [
            KeyQuestion(
                position=n,
                texts=[
                    KeyQuestionText(language=lang, text=entry[lang][2][n]) for lang in LANGUAGES
                ],
            )
            for n in range(len(entry["en"][2]))
        ]
        module.rooms = [ModuleRoom(room_id=rooms[slug]) for slug in entry["rooms"] if slug in rooms]
        academy.modules.append(module)
    db.session.add(academy)
    db.session.flush()
    _seed_programme(academy)
    from .survey.answering import seed_survey  # the questionnaire builds on these services

    seed_survey(academy)
    db.session.commit()
    return 1


def _seed_programme(academy: Academy) -> None:
    from .programme.agenda import venue_instant

    def add(day_offset: int, hours: tuple[str, str], titles: dict, module=None) -> None:
        day = academy.starts_on + timedelta(days=day_offset)
        start, end = (venue_instant(academy, day, time.fromisoformat(h)) for h in hours)
        session = AgendaSession(
            academy_id=academy.id, module_id=module.id if module else None,
            starts_at=start, ends_at=end, place="",
        )  # fmt: skip
        session.texts = [AgendaSessionText(language=lang, title=titles[lang]) for lang in LANGUAGES]
        db.session.add(session)

    add(0, OPENING_HOURS, OPENING)
    for n, module in enumerate(academy.modules):
        titles = {lang: module.text(lang).title for lang in LANGUAGES}
        add(n // 2, MODULE_SLOTS[n % 2], titles, module)
    add((academy.ends_on - academy.starts_on).days, CLOSING_HOURS, CLOSING)


def announcement_url(announcement_id: int) -> str:
    announcement = db.session.get(Announcement, announcement_id)
    academy = db.session.get(Academy, announcement.academy_id)
    return (
        url_for("academy.announcements_page", slug=academy.slug)
        + f"#announcement-{announcement_id}"
    )
