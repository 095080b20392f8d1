"""Sign-up, sign-in and password-reset forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import EqualTo

from ..accounts.forms import ProfileForm
from ..forms import email_address, max_length, password_length, required, strip_text


class ProfileWithPasswordForm(ProfileForm):
    """A new account's profile and its password, typed twice (sign-up, an invitation)."""

    password = PasswordField(
        _l("Password"),
        validators=[required(), password_length()],
        description=_l("At least 10 characters. A short sentence is easy to remember."),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[required(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class RegisterForm(ProfileWithPasswordForm):
    email = EmailField(
        _l("Email"), filters=[strip_text], validators=[required(), email_address(), max_length(254)]
    )
    # Unticked: a digest nobody asked for gets reported as spam.
    weekly_digest = BooleanField(
        _l("Send me a weekly email digest of what happens in my rooms and topics")
    )


class LoginForm(FlaskForm):
    email = EmailField(
        _l("Email"), filters=[strip_text], validators=[required(), email_address(), max_length(254)]
    )
    password = PasswordField(_l("Password"), validators=[required(), max_length(200)])
    remember = BooleanField(_l("Keep me signed in on this device"))


class EmailForm(FlaskForm):
    """Just an address: to ask for a new confirmation link or a password reset."""

    email = EmailField(
        _l("Email"), filters=[strip_text], validators=[required(), email_address(), max_length(254)]
    )
