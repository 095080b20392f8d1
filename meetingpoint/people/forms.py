"""The directory's filter form: a GET form, so results can be bookmarked and shared."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectField
from wtforms.validators import Optional

from ..accounts.choices import CONSTITUENCIES, ROLE_LABELS, spoken_language_choices
from ..forms import DayField, FastSelect, SubmitButton, choices, max_length, strip_text
from ..geography import REGIONS, country_choices
from .services import DirectoryFilter


class DirectoryForm(FlaskForm):
    class Meta:
        csrf = False  # a search changes nothing

    q = SearchField(_l("Name or organisation"), filters=[strip_text], validators=[max_length(100)])
    country = SelectField(_l("Country"), widget=FastSelect())
    region = SelectField(_l("Region"))
    constituency = SelectField(_l("Constituency"))
    language = SelectField(_l("Speaks"), widget=FastSelect())
    room = SelectField(_l("Room"))

    def __init__(self, *args, room_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _l("Any"))]
        self.country.choices = choices(anything + country_choices())
        self.region.choices = choices(anything + list(REGIONS.items()))
        self.constituency.choices = choices(anything + list(CONSTITUENCIES.items()))
        self.language.choices = choices(anything + spoken_language_choices())
        self.room.choices = choices(anything + list(room_choices))

    def to_filter(self) -> DirectoryFilter:
        """The filters as given. A value not among the choices is dropped, not trusted, and
        not reported either: an absent filter simply means "any"."""

        def chosen(field) -> str:
            return field.data if field.data in {c.value for c in field.choices} else ""

        # Only the free-text field can be wrong in a way worth telling (too long).
        query = (self.q.data or "") if self.q.validate(self) else ""
        return DirectoryFilter(
            query=query,
            country=chosen(self.country),
            region=chosen(self.region),
            constituency=chosen(self.constituency),
            language=chosen(self.language),
            room=chosen(self.room),
        )


class RoleForm(FlaskForm):
    """An admin's choice of role for a participant."""

    role = SelectField(_l("Role"), choices=choices(ROLE_LABELS.items()))


class SuspendForm(FlaskForm):
    """A moderator's suspension of a participant, until a date (or lifted)."""

    until = DayField(_l("Suspended until"), validators=[Optional()])
    suspend = SubmitButton(_l("Suspend"))
    lift = SubmitButton(_l("Lift the suspension"))
