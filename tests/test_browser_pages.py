"""Every main page in a real browser: axe-core's WCAG 2.0/2.1 A and AA rules in all four
languages, and a 360×640 phone on which nothing scrolls sideways and the main actions can
be tapped."""

import pytest
from support.browsing import PHONE, audit
from support.community import build
from support.phones import check_on_phone

pytestmark = pytest.mark.backends("sqlite")


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_main_pages_have_no_serious_accessibility_violation(browsing, lang):
    community = build()
    # axe is injected as a script of the page: the page's CSP would refuse it.
    page = browsing.page(bypass_csp=True)
    problems = [p for path in community.public_pages for p in audit(page, path.format(lang=lang))]
    browsing.sign_in(page, community.reader, lang, community.password)
    problems += [p for path in community.pages for p in audit(page, path.format(lang=lang))]
    assert problems == []


@pytest.mark.parametrize("lang", ["pt", "fr"])  # their words run longest
def test_on_a_phone_nothing_scrolls_sideways_and_the_main_actions_are_in_reach(browsing, lang):
    community = build()
    page = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    problems = [
        p for path in community.public_pages for p in check_on_phone(page, path.format(lang=lang))
    ]
    browsing.sign_in(page, community.reader, lang, community.password)
    problems += [
        p for path in community.pages for p in check_on_phone(page, path.format(lang=lang))
    ]
    assert problems == []
