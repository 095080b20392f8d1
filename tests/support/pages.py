"""What every rendered page shows: a 200, its language, and the whole language switcher."""

from meetingpoint.i18n import LANGUAGES

# The word for "Rooms" in the navigation proves the catalog for that language is in use.
ROOMS_WORD = {"en": "Rooms", "es": "Salas", "fr": "Salons", "pt": "Salas"}


def check_page(response, lang):
    assert response.status_code == 200, response.status_code
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}"' in page
    assert f">{ROOMS_WORD[lang]}</a>" in page
    # The switcher offers every language, each named in itself.
    for native in LANGUAGES.values():
        assert f">{native}</a>" in page
    return page
