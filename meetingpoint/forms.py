"""Form pieces shared by features: translated validators and a multi-checkbox field."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length
from wtforms.widgets import CheckboxInput, ListWidget

PASSWORD_MIN, PASSWORD_MAX = 10, 200


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


def strip_text(value):
    """Trim surrounding whitespace, so "   " counts as empty."""
    return value.strip() if isinstance(value, str) else value


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the choice objects WTForms expects."""
    return [SelectChoice(value, label) for value, label in pairs]
