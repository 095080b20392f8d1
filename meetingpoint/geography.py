"""Countries (ISO 3166-1) and the ILO's five regions, with names in the reader's language."""

from functools import lru_cache

from babel import Locale
from flask_babel import lazy_gettext as _l

from .i18n import collation_key, current_language

REGIONS = {
    "africa": _l("Africa"),
    "americas": _l("Americas"),
    "arab-states": _l("Arab States"),
    "asia-pacific": _l("Asia and the Pacific"),
    "europe-central-asia": _l("Europe and Central Asia"),
}

# The ILO's regional grouping: North Africa sits in Africa, the Gulf and the Levant in
# the Arab States, Central Asia with Europe.
_REGION_MEMBERS = {
    "africa": """DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE
        LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN
        UG EH ZM ZW""",
    "arab-states": "BH IQ JO KW LB OM QA SA SY AE YE PS",
    "americas": """AI AG AR AW BS BB BZ BM BO BQ BR VG CA KY CL CO CR CU CW DM DO EC SV FK GF GL
        GD GP GT GY HT HN JM MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX SR TT TC US VI UY
        VE""",
    "asia-pacific": """AF AS AU BD BT BN KH CN CX CC CK FJ PF GU HK IN ID IR JP KI KP KR LA MO
        MY MV MH FM MN MM NR NP NC NZ NU NF MP PK PW PG PH PN WS SG SB LK TW TH TL TK TO TV
        VU VN WF IO""",
    "europe-central-asia": """AX AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FO FI FR GE DE GI
        GR GG VA HU IS IE IM IL IT JE KZ KG LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM
        RS SK SI ES SJ SE CH TJ TR TM UA GB UZ""",
}
# Territories with no settled population belong to no region.
_UNINHABITED = "AQ BV HM GS TF UM".split()

REGION_OF = {code: region for region, codes in _REGION_MEMBERS.items() for code in codes.split()}
COUNTRY_CODES = frozenset(REGION_OF) | frozenset(_UNINHABITED)


def countries_in(region: str) -> list[str]:
    return sorted(code for code, r in REGION_OF.items() if r == region)


def country_name(code: str | None, language: str | None = None) -> str:
    if not code:
        return ""
    locale = Locale.parse(language or current_language())
    return locale.territories.get(code, code)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every ISO country, named and sorted for the reader's language."""
    return list(_sorted_countries(language or current_language()))


@lru_cache(maxsize=8)
def _sorted_countries(language: str) -> tuple[tuple[str, str], ...]:
    # Sorting 249 names per request showed in the directory's timings: once per language.
    locale = Locale.parse(language)
    names = [(code, locale.territories.get(code, code)) for code in COUNTRY_CODES]
    return tuple(sorted(names, key=lambda pair: collation_key(pair[1])))
