"""Staff add, change and remove sessions of the face-to-face programme: times are typed in
the venue's time and stored as UTC instants."""

from dataclasses import dataclass, field
from datetime import date, time

from flask_babel import format_date
from flask_babel import gettext as _
from werkzeug.exceptions import Forbidden

from ...extensions import db
from ...i18n import LANGUAGES
from ..models import Academy, AgendaSession, AgendaSessionText
from ..services import AcademyError
from ..staff import is_staff
from .agenda import venue_instant

TITLE_MAX, PLACE_MAX = 200, 120


@dataclass
class SessionFields:
    day: date
    starts: time
    ends: time
    place: str = ""
    module_id: int | None = None
    titles: dict[str, str] = field(default_factory=dict)


def save_session(user, academy: Academy, session: AgendaSession | None, fields: SessionFields):
    """Add a session (`session` None) or change one; checked whole before anything changes."""
    if not is_staff(user, academy):
        raise Forbidden
    titles = {lang: fields.titles.get(lang, "").strip() for lang in LANGUAGES}
    if not titles["en"]:
        raise AcademyError(_("The English title is required."))
    if any(len(title) > TITLE_MAX for title in titles.values()) or len(fields.place) > PLACE_MAX:
        raise AcademyError(_("Please use at most %(max)d characters.", max=TITLE_MAX))
    if not academy.starts_on <= fields.day <= academy.ends_on:
        raise AcademyError(
            _(
                "Choose a day between %(first)s and %(last)s.",
                first=format_date(academy.starts_on, "long"),
                last=format_date(academy.ends_on, "long"),
            )
        )
    if not fields.starts < fields.ends:
        raise AcademyError(_("A session ends after it starts."))
    module_ids = {module.id for module in academy.modules}
    if fields.module_id is not None and fields.module_id not in module_ids:
        raise AcademyError(_("Choose one of this Academy's modules."))
    if session is None:
        session = AgendaSession(academy_id=academy.id)
        db.session.add(session)
    session.starts_at = venue_instant(academy, fields.day, fields.starts)
    session.ends_at = venue_instant(academy, fields.day, fields.ends)
    session.place = fields.place.strip()
    session.module_id = fields.module_id
    session.texts = [
        AgendaSessionText(language=lang, title=title) for lang, title in titles.items() if title
    ]
    db.session.commit()
    return session


def delete_session(user, academy: Academy, session: AgendaSession) -> None:
    if not is_staff(user, academy):
        raise Forbidden
    db.session.delete(session)
    db.session.commit()
