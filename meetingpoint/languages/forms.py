"""The "Written in" choice shared by every form that takes a text."""

from flask_babel import lazy_gettext as _l

from ..accounts.choices import spoken_language_choices
from ..forms import choices


def written_in_choices() -> list:
    """Detection first (the default), then every language by its name in the reader's."""
    return choices([("", _l("Detect from the text")), *spoken_language_choices()])
