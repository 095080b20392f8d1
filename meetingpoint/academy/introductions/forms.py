"""The introduction form, and the gallery's filter by country, region and constituency."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField

from ...accounts.choices import CONSTITUENCIES
from ...forms import FastSelect, SubmitButton, choices, max_length, required, strip_text
from ...geography import REGIONS, country_choices
from ...languages.forms import written_in_choices
from .services import FIELD_MAX


def _text(label, required_field=False):
    validators = [max_length(FIELD_MAX)]
    if required_field:
        validators.insert(0, required())
    return TextAreaField(label, filters=[strip_text], validators=validators)


class IntroductionForm(FlaskForm):
    about = _text(_l("Who you are"), required_field=True)
    work = _text(_l("Where you work, and on what"))
    brings = _text(_l("What you bring to the Academy"))
    hopes = _text(_l("What you hope to take away"))
    language = SelectField(_l("Written in"))
    submit = SubmitButton(_l("Save my introduction"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = written_in_choices()


class GalleryFilter(FlaskForm):
    class Meta:
        csrf = False  # a filter changes nothing

    country = SelectField(_l("Country"), widget=FastSelect())
    region = SelectField(_l("Region"))
    constituency = SelectField(_l("Constituency"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _l("Any"))]
        self.country.choices = choices(anything + country_choices())
        self.region.choices = choices(anything + list(REGIONS.items()))
        self.constituency.choices = choices(anything + list(CONSTITUENCIES.items()))

    def chosen(self, name: str) -> str:
        field = self[name]
        return field.data if field.data in {c.value for c in field.choices} else ""
