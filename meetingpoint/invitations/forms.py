"""The staff's forms (a list, a link) and the invitee's sign-up form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, IntegerField, SelectField, TextAreaField
from wtforms.validators import NumberRange, Optional

from ..auth.forms import ProfileWithPasswordForm
from ..forms import choices, max_length, required
from .links import MAX_DAYS, MAX_USES
from .scopes import ROLE_LABELS

LIST_MAX = 400_000  # characters: 1,000 lines of a generous CSV


class InviteForm(FlaskForm):
    addresses = TextAreaField(
        _l("Addresses"),
        validators=[Optional(), max_length(LIST_MAX)],
        description=_l(
            "One per line, or separated by commas: ana@example.org, or Ana Silva "
            "<ana@example.org>. Or choose a CSV file with an email column, and name, "
            "country, organisation, constituency and language columns if you have them."
        ),
    )
    file = FileField(_l("Or a CSV file"))
    role = SelectField(_l("Invite as"))

    def __init__(self, roles, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = choices((role, ROLE_LABELS[role]) for role in roles)


class ConfirmForm(FlaskForm):
    """The preview's button: the same list again, checked again, then sent."""

    addresses = HiddenField(validators=[max_length(LIST_MAX)])
    role = HiddenField()


class LinkForm(FlaskForm):
    days = IntegerField(
        _l("Valid for (days)"), default=14,
        validators=[required(), NumberRange(min=1, max=MAX_DAYS)],
    )  # fmt: skip
    max_uses = IntegerField(
        _l("For how many people"), default=100,
        validators=[required(), NumberRange(min=1, max=MAX_USES)],
    )  # fmt: skip
    role = SelectField(_l("Invite as"))

    def __init__(self, roles, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = choices((role, ROLE_LABELS[role]) for role in roles)


class AcceptForm(ProfileWithPasswordForm):
    """Sign-up from an invitation: the address is the invitation's, confirmed by its link."""
