"""The pages mail adds to: the account page's stopped-mail notice and a room's address, in
every language, through axe (WCAG 2.1 AA) and on a 360×640 phone."""

import pytest
from support.browsing import PHONE, SERVER_SETTINGS, audit
from support.mail_in import DOMAIN
from support.phones import check_on_phone

from meetingpoint.mail.bounces import record_bounce

pytestmark = pytest.mark.backends("sqlite")
PAGES = ["/{lang}/account/", "/{lang}/rooms/social-dialogue/"]


@pytest.fixture
def stopped(browsing, servers, member):
    """A member whose mail has bounced three times, and a server with a reply domain."""
    person = member(email="amina@example.org", display_name="Amina Diallo")
    for _ in range(3):
        record_bounce(person.email, True, "5.1.1", "550 5.1.1 <amina@example.org>: User unknown")
    browsing.use(servers(**SERVER_SETTINGS, MAIL_REPLY_DOMAIN=DOMAIN))
    return person


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_mail_notices_pass_axe_in_every_language(browsing, stopped, lang):
    page = browsing.page(bypass_csp=True)  # axe is injected as a script of the page
    browsing.sign_in(page, stopped, lang)
    page.goto(f"/{lang}/account/")
    assert page.locator("#mail-stopped-title").is_visible()
    page.goto(f"/{lang}/rooms/social-dialogue/")
    assert page.locator(f"a[href='mailto:social-dialogue@{DOMAIN}']").is_visible()
    assert [p for path in PAGES for p in audit(page, path.format(lang=lang))] == []


@pytest.mark.parametrize("lang", ["pt", "fr"])  # their words run longest
def test_mail_notices_fit_a_phone(browsing, stopped, lang):
    page = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    browsing.sign_in(page, stopped, lang)
    problems = [p for path in PAGES for p in check_on_phone(page, path.format(lang=lang))]
    assert problems == []
    page.goto(f"/{lang}/account/")
    button = page.locator("#mail-stopped-title ~ form button").bounding_box()
    assert button and button["x"] + button["width"] <= PHONE["width"]
