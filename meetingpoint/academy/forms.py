"""Form pieces the Academy's forms share: clipped text, ticked ids, a field per language.

The Academy's pages draw their own HTML (one fieldset per language), so these forms read
and check what was sent; the services still own every rule about the content (English
required, lengths, dates in order) and say what is wrong in their own words."""

from flask import flash
from flask_wtf import FlaskForm
from wtforms import Field, StringField

from ..i18n import LANGUAGES
from ..inputs import whole_numbers
from .services import AcademyError


def clipped(limit: int):
    """A filter: the text cut at `limit` characters, "" when the field was not sent. A limit
    one past the service's own lets the service say the text is too long."""

    def clip(value) -> str:
        return value[:limit] if isinstance(value, str) else ""

    return clip


def text(limit: int, validators=None) -> StringField:
    return StringField(filters=[clipped(limit)], validators=validators)


def in_every_language(form_class, limits: dict[str, int]):
    """Add `<name>_<lang>` text fields to `form_class` for each name and language."""
    for name, limit in limits.items():
        for lang in LANGUAGES:
            setattr(form_class, f"{name}_{lang}", text(limit))
    return form_class


class WholeNumbersField(Field):
    """Ticked boxes' values that are whole numbers from `low` (1 for ids, 0 for positions);
    anything else is left out, as a box for something since removed would be."""

    def __init__(self, label=None, validators=None, low: int = 1, **kwargs):
        super().__init__(label, validators, default=list, **kwargs)
        self.low = low

    def process_formdata(self, valuelist):
        self.data = whole_numbers(valuelist, self.low)


def validated(form: FlaskForm) -> None:
    """Check `form` (its CSRF token and its fields) before anything is applied; a refusal is
    an AcademyError, so a view answers it as it answers the service's own."""
    if not form.validate():
        messages = [str(error) for errors in form.errors.values() for error in errors]
        raise AcademyError(messages[0])


def applied(form: FlaskForm, apply) -> tuple[bool, object]:
    """Validate `form`, then `apply()` what it holds: (True, its result), or (False, None)
    with the refusal of either flashed, for the view to show the form again with a 400."""
    try:
        validated(form)
        return True, apply()
    except AcademyError as error:
        flash(str(error), "error")
        return False, None


class EnrolForm(FlaskForm):
    code = text(100)
