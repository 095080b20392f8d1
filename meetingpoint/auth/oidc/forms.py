"""The profile a provider's new account completes, and the admin's domain rule."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField

from ...accounts.forms import ProfileForm
from ...forms import max_length, required, strip_text


class CompleteProfileForm(ProfileForm):
    """Sign-up's profile fields: the provider told us who they are, not where they work."""


class DomainRuleForm(FlaskForm):
    domain = StringField(
        _l("Email domain"),
        filters=[strip_text],
        validators=[required(), max_length(253)],
        description=_l("For example example.org: every address ending in @example.org."),
    )
    provider = SelectField(_l("Provider"), validators=[required()])
