"""Form pieces shared by features: translated validators, a bounded date, multi-checkboxes."""

import uuid
from functools import lru_cache

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import DateField, HiddenField, SelectMultipleField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length
from wtforms.widgets import CheckboxInput, ListWidget, Select, html_params

from .inputs import FIRST_DAY, LAST_DAY

PASSWORD_MIN, PASSWORD_MAX = 10, 200


class ClientIdField(HiddenField):
    """A send's own id, made when the form is shown, so the same form sent twice (a slow
    link, a second tap) stores once. The service refuses a malformed one."""

    def process(self, formdata, data=None, extra_filters=None):
        super().process(formdata, data, extra_filters)
        if not self.data:
            self.data = uuid.uuid4().hex


def required():
    return DataRequired(message=_l("This field is required."))


def max_length(limit: int):
    return Length(max=limit, message=_l("Please use at most %(max)d characters.", max=limit))


def email_address():
    return Email(message=_l("Please enter a valid email address."))


def password_length():
    return Length(
        min=PASSWORD_MIN,
        max=PASSWORD_MAX,
        message=_l(
            "Use between %(min)d and %(max)d characters.", min=PASSWORD_MIN, max=PASSWORD_MAX
        ),
    )


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes: works on every phone without JavaScript."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class DayField(DateField):
    """A date from FIRST_DAY to LAST_DAY. Any other is refused, as a malformed one is: the
    year 9999 parses, and the day after it (which "until" needs) does not exist."""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None and not FIRST_DAY <= self.data <= LAST_DAY:
            self.data = None
            raise ValueError(
                _(
                    "Please give a date between %(first)s and %(last)s.",
                    first=format_date(FIRST_DAY),
                    last=format_date(LAST_DAY),
                )
            )


def strip_text(value):
    """Trim surrounding whitespace, so "   " counts as empty."""
    return value.strip() if isinstance(value, str) else value


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the choice objects WTForms expects."""
    return [SelectChoice(value, label) for value, label in pairs]


class FastSelect(Select):
    """A <select> whose long option list (countries, time zones) is rendered once per list
    and language, then reused: WTForms rendering each of ~400 options per request was most
    of the sign-up and directory pages' time."""

    def __call__(self, field, **kwargs):
        kwargs.setdefault("id", field.id)
        if self.multiple:
            kwargs["multiple"] = True
        flags = getattr(field, "flags", {})
        for flag in ("required", "disabled"):
            if flag in flags and flag not in kwargs:
                kwargs[flag] = True
        pairs = tuple((str(c.value), str(c.label)) for c in field.choices)
        options = _rendered_options(pairs)
        selected = field.data if isinstance(field.data, list | tuple) else [field.data]
        for value in selected:
            if value not in (None, ""):
                marker = f'<option value="{escape(str(value))}">'
                options = options.replace(marker, marker[:-1] + " selected>", 1)
        return Markup(f"<select {html_params(name=field.name, **kwargs)}>{options}</select>")


@lru_cache(maxsize=64)
def _rendered_options(pairs: tuple[tuple[str, str], ...]) -> str:
    return "".join(
        f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in pairs
    )


def _button(field, **kwargs) -> Markup:
    kwargs.setdefault("id", field.id)
    label = field.label.text
    attributes = html_params(type="submit", name=field.name, value=label, **kwargs)
    return Markup(f"<button {attributes}>{escape(label)}</button>")


class SubmitButton(SubmitField):
    """A submit field drawn as a <button>: its label wraps on a narrow phone, where an
    <input type=submit> (which never wraps) would push the whole page sideways."""

    widget = staticmethod(_button)
