"""The announcement form: a subject and a message in each language."""

from flask_wtf import FlaskForm

from ...i18n import LANGUAGES
from ..forms import in_every_language
from .services import BODY_MAX, SUBJECT_MAX


class AnnouncementForm(FlaskForm):
    """subject_<lang> and body_<lang>; `announce` says which are missing or too long."""

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            lang: (self[f"subject_{lang}"].data, self[f"body_{lang}"].data) for lang in LANGUAGES
        }


in_every_language(AnnouncementForm, {"subject": SUBJECT_MAX + 1, "body": BODY_MAX + 1})
