"""Lists filtered by the language things are written in: any, one, or the languages the
reader speaks (as their profile says)."""

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..accounts.choices import spoken_language_choices
from ..forms import choices

MINE = "mine"


def language_filter_choices() -> list:
    """ "Any", then (signed in) "Languages I speak", then every language by name."""
    mine = [(MINE, _l("Languages I speak"))] if current_user.is_authenticated else []
    return choices([("", _l("Any")), *mine, *spoken_language_choices()])


def languages_chosen(choice: str | None) -> tuple[str, ...]:
    """The language codes a filter's choice stands for; () for any language."""
    if not choice:
        return ()
    if choice == MINE:
        if not current_user.is_authenticated:
            return ()
        return tuple(sorted(language.code for language in current_user.languages)) or ("",)
    return (choice,)
