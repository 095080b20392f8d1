"""Closed lists a profile chooses from: constituencies, spoken languages, time zones."""

from functools import lru_cache

import pytz
from babel import Locale
from flask_babel import lazy_gettext as _l

from ..i18n import collation_key, current_language

# The tripartite constituents first, then the wider SSTC community.
CONSTITUENCIES = {
    "government": _l("Government"),
    "workers": _l("Workers' organisation"),
    "employers": _l("Employers' organisation"),
    "un": _l("UN or international organisation"),
    "academia": _l("Academia or research"),
    "civil-society": _l("Civil society or social and solidarity economy"),
    "other": _l("Other"),
}

ROLE_LABELS = {
    "member": _l("Member"),
    "moderator": _l("Moderator"),
    "admin": _l("Administrator"),
}

# Languages people in SSTC commonly work in; names come from CLDR in the reader's language.
SPOKEN_LANGUAGES = (
    "en es fr pt ar zh ru sw hi bn ur id ms th vi tl am ha yo ig zu xh so om rw mg wo ff "
    "ln ne si ta te km my fa tr ps uz kk ht qu gn ay de it ak bm tet"
).split()


def language_name(code: str, language: str | None = None) -> str:
    locale = Locale.parse(language or current_language())
    name = locale.languages.get(code, code)
    return name[:1].upper() + name[1:]


def spoken_language_choices(language: str | None = None) -> list[tuple[str, str]]:
    return list(_sorted_languages(language or current_language()))


@lru_cache(maxsize=8)
def _sorted_languages(language: str) -> tuple[tuple[str, str], ...]:
    pairs = [(code, language_name(code, language)) for code in SPOKEN_LANGUAGES]
    return tuple(sorted(pairs, key=lambda pair: collation_key(pair[1])))


TIME_ZONES = tuple(pytz.common_timezones)
