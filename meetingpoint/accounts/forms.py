"""Profile and settings forms; registration extends the profile form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import EqualTo, Optional

from ..forms import (
    FastSelect,
    MultiCheckboxField,
    choices,
    max_length,
    password_length,
    required,
    strip_text,
)
from ..geography import country_choices
from ..i18n import LANGUAGES
from .choices import CONSTITUENCIES, TIME_ZONES, spoken_language_choices
from .services import ProfileData

BIO_MAX = 2000


class ProfileForm(FlaskForm):
    display_name = StringField(
        _l("Display name"), filters=[strip_text], validators=[required(), max_length(80)]
    )
    country = SelectField(_l("Country"), validators=[required()], widget=FastSelect())
    organisation = StringField(
        _l("Organisation"), filters=[strip_text], validators=[Optional(), max_length(160)]
    )
    constituency = SelectField(_l("Constituency"), validators=[required()])
    languages = MultiCheckboxField(_l("Languages you speak"), validators=[required()])
    locale = SelectField(_l("Interface language"), choices=choices(LANGUAGES.items()))
    time_zone = SelectField(
        _l("Time zone"),
        choices=choices((tz, tz) for tz in TIME_ZONES),
        default="UTC",
        widget=FastSelect(),
    )
    bio = TextAreaField(
        _l("About you"),
        filters=[strip_text],
        validators=[Optional(), max_length(BIO_MAX)],
        description=_l("Your work, what you would like to learn, who you hope to meet."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Names are built per request so they follow the reader's language.
        self.country.choices = choices([("", _l("Choose a country")), *country_choices()])
        self.constituency.choices = choices(
            [("", _l("Choose a constituency")), *CONSTITUENCIES.items()]
        )
        self.languages.choices = choices(spoken_language_choices())

    def to_profile(self) -> ProfileData:
        return ProfileData(
            display_name=self.display_name.data,
            country=self.country.data,
            organisation=self.organisation.data or "",
            constituency=self.constituency.data,
            languages=self.languages.data,
            locale=self.locale.data,
            time_zone=self.time_zone.data,
            bio=self.bio.data or "",
        )


class AccountForm(ProfileForm):
    """The profile as its owner edits it, with the settings sign-up does not ask about."""

    load_pictures = BooleanField(
        _l("Load pictures automatically"),
        description=_l(
            "Pictures in posts are shown larger and sharper as you scroll. Leave it off on "
            "a slow or costly connection: you then see light previews, and load a picture "
            "when you ask."
        ),
    )


class NewPasswordForm(FlaskForm):
    """A new password typed twice (password change and reset)."""

    password = PasswordField(_l("New password"), validators=[required(), password_length()])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[required(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(_l("Current password"), validators=[required()])


class DeleteAccountForm(FlaskForm):
    password = PasswordField(_l("Your password"), validators=[required()])
    remove_content = BooleanField(_l("Also remove everything I wrote"))
    confirm = BooleanField(_l("I understand that this cannot be undone."), validators=[required()])
