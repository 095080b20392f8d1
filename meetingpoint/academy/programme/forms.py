"""The session form: a day and two times at the venue, a place, a module, titles."""

from datetime import time

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import ValidationError

from ...i18n import LANGUAGES
from ...inputs import day_of, whole_number
from ..forms import in_every_language, text
from .agenda import venue_time
from .editing import SessionFields

WHEN_MISSING = _l("Please give the day and both times.")


def _time_of(value: str) -> time | None:
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


class SessionForm(FlaskForm):
    """`editing.save_session` checks the rest: English title, lengths, the day within the
    Academy's, the end after the start, the module one of the Academy's."""

    day = text(300)
    starts = text(300)
    ends = text(300)
    place = text(300)
    module = text(300)

    def validate_day(self, field):
        if day_of(field.data) is None:
            raise ValidationError(WHEN_MISSING)

    def validate_starts(self, field):
        if _time_of(field.data) is None:
            raise ValidationError(WHEN_MISSING)

    validate_ends = validate_starts

    def typed(self) -> dict:
        """What was sent, to show the form again as it was."""
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}

    def session_fields(self) -> SessionFields:
        """Once validated."""
        return SessionFields(
            day=day_of(self.day.data),
            starts=_time_of(self.starts.data),
            ends=_time_of(self.ends.data),
            place=self.place.data,
            module_id=whole_number(self.module.data),
            titles={lang: self[f"title_{lang}"].data for lang in LANGUAGES},
        )


in_every_language(SessionForm, {"title": 300})


def typed_from(academy, session) -> dict:
    """What `session` holds, in the venue's time, to fill the form in."""
    starts = venue_time(academy, session.starts_at)
    ends = venue_time(academy, session.ends_at)
    typed = {
        "day": starts.date().isoformat(),
        "starts": starts.strftime("%H:%M"),
        "ends": ends.strftime("%H:%M"),
        "place": session.place,
        "module": str(session.module_id or ""),
    }
    for lang in LANGUAGES:
        typed[f"title_{lang}"] = next((t.title for t in session.texts if t.language == lang), "")
    return typed
