"""Countries and regions: every ISO country is offered, named in the reader's language."""

from babel import Locale

from meetingpoint.geography import COUNTRY_CODES, REGION_OF, countries_in, country_choices


def test_every_iso_country_is_known():
    assert len(COUNTRY_CODES) == 249
    cldr = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
    # CLDR also names a few codes that are not ISO 3166-1 countries (EU, UN, XK...).
    assert COUNTRY_CODES <= cldr


def test_ilo_regions():
    assert REGION_OF["EG"] == "africa" and REGION_OF["LB"] == "arab-states"
    assert REGION_OF["KZ"] == "europe-central-asia" and REGION_OF["FJ"] == "asia-pacific"
    assert REGION_OF["HT"] == "americas"
    assert len(countries_in("arab-states")) == 12


def test_country_names_in_the_readers_language_and_sorted():
    french = dict(country_choices("fr"))
    assert french["CI"] == "Côte d’Ivoire" and french["DE"] == "Allemagne"
    names = [name for _code, name in country_choices("fr")]
    assert names.index("Égypte") < names.index("Érythrée") < names.index("Zambie")
    assert dict(country_choices("pt"))["MZ"] == "Moçambique"
