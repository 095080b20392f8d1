"""Reading a list of people to invite: pasted addresses or a CSV with a header in any of our
four languages; each line checked and given its outcome before anything is sent."""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from email.utils import getaddresses

from babel import Locale
from email_validator import EmailNotValidError, validate_email
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..accounts.choices import CONSTITUENCIES
from ..geography import COUNTRY_CODES
from ..i18n import LANGUAGES

MAX_LINES = 1000

NEW, ACCOUNT, MEMBER, INVITED = "new", "account", "member", "invited"
BAD_EMAIL, BAD_COUNTRY, BAD_CONSTITUENCY, BAD_LANGUAGE = (
    "bad_email", "bad_country", "bad_constituency", "bad_language"
)  # fmt: skip
DUPLICATE = "duplicate"
INVITING = (NEW, ACCOUNT)  # the outcomes that are invited
OUTCOMES = {
    NEW: _l("New person: will be invited"),
    ACCOUNT: _l("Has an account: will be invited to join"),
    MEMBER: _l("Already a member: left out"),
    INVITED: _l("Already invited: left out"),
    BAD_EMAIL: _l("Not a valid email address"),
    BAD_COUNTRY: _l("Unknown country code"),
    BAD_CONSTITUENCY: _l("Unknown constituency"),
    BAD_LANGUAGE: _l("Unknown interface language"),
    DUPLICATE: _l("The same address again: left out"),
}

# Column names as people write them in English, Spanish, French and Portuguese, folded
# (lower case, no accents, letters only).
HEADERS = {
    "email": "email e-mail mail correo correoelectronico courriel adresseemail adressemail "
    "adresseelectronique emailaddress enderecodeemail enderecoeletronico",
    "name": "name fullname displayname nombre nombrecompleto nom nomcomplet nome nomecompleto",
    "country": "country pais pays",
    "organisation": "organisation organization organizacion organizacao institution "
    "institucion instituicao",
    "constituency": "constituency sector mandant mandante groupe grupo constituinte",
    "language": "language interfacelanguage idioma langue lingua idiomadainterface "
    "languedelinterface",
}
_COLUMN = {alias: column for column, aliases in HEADERS.items() for alias in aliases.split()}


class ListError(Exception):
    """The list as a whole cannot be read; str() is translated."""


@dataclass
class Line:
    number: int
    email: str
    display_name: str = ""
    country: str | None = None
    organisation: str = ""
    constituency: str | None = None
    locale: str = ""
    outcome: str = NEW

    @property
    def invited(self) -> bool:
        return self.outcome in INVITING


def _folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", plain)


def read_lines(text: str) -> list[Line]:
    """Every line of a CSV (if its first line names an email column) or of pasted
    addresses ("Name <a@b.org>", separated by lines, commas or semicolons)."""
    text = (text or "").replace("\ufeff", "").strip()
    if not text:
        raise ListError(_l("Paste at least one address, or choose a CSV file."))
    first = text.splitlines()[0]
    dialect = _dialect(first)
    header = next(csv.reader([first], dialect))
    if "email" in (_COLUMN.get(_folded(cell)) for cell in header):
        lines = _from_csv(text, dialect)
    else:
        lines = _from_addresses(text)
    if len(lines) > MAX_LINES:
        raise ListError(_l("Invite at most %(max)d people at a time.", max=MAX_LINES))
    return lines


def _dialect(first: str):
    # Spreadsheets in French, Spanish or Portuguese write ";" between cells.
    return "excel" if first.count(",") >= first.count(";") else _Semicolon


class _Semicolon(csv.excel):
    delimiter = ";"


def _from_csv(text: str, dialect) -> list[Line]:
    rows = csv.reader(io.StringIO(text), dialect)
    columns = [_COLUMN.get(_folded(cell)) for cell in next(rows)]
    lines = []
    for number, row in enumerate(rows, start=2):
        cells = {column: value.strip() for column, value in zip(columns, row, strict=False)
                 if column}  # fmt: skip
        if not any(cells.values()):
            continue
        lines.append(
            Line(
                number=number,
                email=cells.get("email", ""),
                display_name=cells.get("name", "")[:80],
                country=cells.get("country") or None,
                organisation=cells.get("organisation", "")[:160],
                constituency=cells.get("constituency") or None,
                locale=cells.get("language", ""),
            )
        )
    return lines


def _from_addresses(text: str) -> list[Line]:
    flat = re.sub(r"[;\n\r]+", ",", text)
    return [
        Line(number=number, email=address.strip(), display_name=name.strip()[:80])
        for number, (name, address) in enumerate(getaddresses([flat]), start=1)
        if address.strip() or name.strip()
    ]


def check_fields(lines: list[Line]) -> None:
    """Give each line with a bad field its outcome, normalise the rest; a repeated address
    is a duplicate of its first line."""
    seen: set[str] = set()
    constituencies = _constituencies()  # the labels in four languages, made once a list
    for line in lines:
        line.outcome = _field_problem(line, constituencies) or NEW
        if line.outcome != NEW:
            continue
        if line.email in seen:
            line.outcome = DUPLICATE
        seen.add(line.email)


def _field_problem(line: Line, constituencies: dict[str, str]) -> str | None:
    try:
        line.email = validate_email(line.email, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return BAD_EMAIL
    if line.country is not None:
        line.country = _COUNTRIES.get(_folded(line.country))
        if line.country is None:
            return BAD_COUNTRY
    if line.constituency is not None:
        line.constituency = constituencies.get(_folded(line.constituency))
        if line.constituency is None:
            return BAD_CONSTITUENCY
    if line.locale:
        line.locale = _LANGUAGES.get(_folded(line.locale), "")
        if not line.locale:
            return BAD_LANGUAGE
    return None


def _country_names() -> dict[str, str]:
    """Codes, and the country names in our four languages, to the code."""
    found = {_folded(code): code for code in COUNTRY_CODES}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if code in COUNTRY_CODES:
                found.setdefault(_folded(name), code)
    return found


_COUNTRIES = _country_names()
_LANGUAGES = {_folded(code): code for code in LANGUAGES} | {
    _folded(name): code for code, name in LANGUAGES.items()
} | {_folded(Locale.parse(code).get_display_name("en")): code for code in LANGUAGES}  # fmt: skip


def _constituencies() -> dict[str, str]:
    """Keys, and their labels in our four languages, to the key."""
    found = {_folded(key): key for key in CONSTITUENCIES}
    for language in LANGUAGES:
        with force_locale(language):
            found.update({_folded(str(label)): key for key, label in CONSTITUENCIES.items()})
    return found
