"""Staff add and edit a module in every language: its title, basic principles, key questions
(and how each is discussed), readings, rooms and facilitators. Key questions keep their place
(and their discussion) when reworded."""

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlparse

from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.exceptions import Forbidden

from ...extensions import db
from ...i18n import LANGUAGES
from ...rooms.models import Room
from ..models import (
    Academy,
    KeyQuestion,
    KeyQuestionText,
    Module,
    ModuleRoom,
    ModuleText,
    Reading,
)
from ..services import AcademyError
from ..settings.services import set_module_facilitators
from ..staff import is_staff

QUESTIONS_MAX, TITLE_MAX, TEXT_MAX = 4, 200, 5000


@dataclass
class ModuleOptions:
    """Settings that are the same in every language. Question settings go by position."""

    room_ids: list[int] = field(default_factory=list)
    facilitator_ids: list[int] = field(default_factory=list)
    answer_first: set[int] = field(default_factory=set)
    participants_only: set[int] = field(default_factory=set)


def create_module(user, academy: Academy, given: dict, options: ModuleOptions) -> Module:
    """A new module, last in the Academy's order, named after its English title."""
    if not is_staff(user, academy):
        raise Forbidden
    last = db.session.scalar(
        select(func.max(Module.position)).where(Module.academy_id == academy.id)
    )
    module = Module(slug=_free_slug(academy, given.get("en", {}).get("title", "")))
    _apply(module, academy, given, options)
    module.position = (last or 0) + 1
    academy.modules.append(module)
    db.session.commit()
    return module


def edit_module(user, academy: Academy, module: Module, given: dict, options=None) -> None:
    """`given[lang]` = {"title", "principles", "questions": [...], "readings": [(title, url)]}.
    English is required; a language left empty keeps no text (readers fall back)."""
    if not is_staff(user, academy):
        raise Forbidden
    _apply(module, academy, given, options)
    db.session.commit()


def _free_slug(academy: Academy, title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50] or "module"
    taken = set(db.session.scalars(select(Module.slug).where(Module.academy_id == academy.id)))
    slug, n = base, 2
    while slug in taken or slug == "new":
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(module: Module, academy: Academy, given: dict, options: ModuleOptions | None) -> None:
    """Checks everything, then changes: a refused edit leaves the module as it was."""
    texts = {lang: given.get(lang) or {} for lang in LANGUAGES}
    english = texts["en"]
    if not english.get("title", "").strip() or not english.get("principles", "").strip():
        raise AcademyError(_("The English title and basic principles are required."))
    count = len(english.get("questions") or [])
    if not 2 <= count <= QUESTIONS_MAX:
        raise AcademyError(_("A module asks two to four key questions."))
    for text in texts.values():
        if len(text.get("title", "")) > TITLE_MAX or len(text.get("principles", "")) > TEXT_MAX:
            raise AcademyError(_("Please use at most %(max)d characters.", max=TEXT_MAX))
        if text.get("questions") and len(text["questions"]) != count:
            raise AcademyError(_("Give each language the same number of key questions."))
        for _title, url in text.get("readings") or []:
            if not _is_reading_address(url):
                raise AcademyError(
                    _(
                        "Each reading needs a web address (http or https), or an address on "
                        "this site starting with /."
                    )
                )
    rooms = _rooms_chosen(options) if options is not None else None
    module.texts = [
        ModuleText(
            language=lang, title=text["title"].strip(), principles=text["principles"].strip()
        )
        for lang, text in texts.items()
        if text.get("title", "").strip() and text.get("principles", "").strip()
    ]
    while len(module.questions) < count:
        module.questions.append(KeyQuestion(position=len(module.questions)))
    del module.questions[count:]
    for position, question in enumerate(module.questions):
        question.position = position
        question.texts = [
            KeyQuestionText(language=lang, text=text["questions"][position].strip())
            for lang, text in texts.items()
            if text.get("questions")
        ]
    module.readings = [
        Reading(position=n, language=lang, title=title.strip()[:200], url=url.strip())
        for lang, text in texts.items()
        for n, (title, url) in enumerate(text.get("readings") or [])
    ]
    if options is not None:
        module.rooms = [ModuleRoom(room_id=room_id) for room_id in rooms]
        for position, question in enumerate(module.questions):
            question.answer_first = position in options.answer_first
            question.participants_only = position in options.participants_only
        set_module_facilitators(module, academy, options.facilitator_ids)


def _is_reading_address(url: str) -> bool:
    """A web page, or a page of ours such as a library document (a path, never "//host")."""
    if len(url) > 500 or any(c.isspace() for c in url):
        return False
    if url.startswith("/"):
        return not url.startswith("//") and "\\" not in url
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _rooms_chosen(options: ModuleOptions) -> list[int]:
    rooms = db.session.scalars(
        select(Room.id).where(Room.id.in_(options.room_ids), Room.archived_at.is_(None))
    )
    chosen = sorted(rooms)
    if not chosen:
        raise AcademyError(_("Choose at least one room for the module's discussions."))
    return chosen
