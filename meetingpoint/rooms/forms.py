"""The admin's room form: address, order, and a name and description per language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import NumberRange, Optional, Regexp

from ..forms import max_length, required, strip_text
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES
from .services import RoomTextData

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class RoomForm(FlaskForm):
    slug = StringField(
        _l("Address"),
        filters=[strip_text],
        validators=[
            required(),
            max_length(64),
            Regexp(SLUG_PATTERN, message=_l("Use lowercase letters, digits and hyphens only.")),
        ],
        description=_l("Part of the room's web address, e.g. social-dialogue."),
    )
    position = IntegerField(
        _l("Order in the list"),
        default=100,
        validators=[Optional(), NumberRange(min=0, max=100000)],
    )

    def texts(self) -> list[RoomTextData]:
        return [
            RoomTextData(
                language=lang,
                name=getattr(self, f"name_{lang}").data or "",
                description=getattr(self, f"description_{lang}").data or "",
            )
            for lang in LANGUAGES
        ]

    def fill_texts(self, room) -> None:
        for text in room.texts:
            if text.language in LANGUAGES:
                getattr(self, f"name_{text.language}").data = text.name
                getattr(self, f"description_{text.language}").data = text.description


# One name and description field per interface language; English is the fallback, so required.
for _lang, _native in LANGUAGES.items():
    _name_validators = [required()] if _lang == DEFAULT_LANGUAGE else [Optional()]
    setattr(
        RoomForm,
        f"name_{_lang}",
        StringField(
            _l("Name (%(language)s)", language=_native),
            filters=[strip_text],
            validators=[*_name_validators, max_length(120)],
        ),
    )
    setattr(
        RoomForm,
        f"description_{_lang}",
        TextAreaField(
            _l("Description (%(language)s)", language=_native),
            filters=[strip_text],
            validators=[Optional(), max_length(4000)],
        ),
    )
