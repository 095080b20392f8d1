"""The notification settings page with push in a real browser: axe-core's rules and a
360×640 phone in all four languages, and push.js's button answering without an error
(browser-level delivery needs a push service: tests/test_push.py checks the protocol)."""

import pytest
from support.browsing import PHONE, audit

from meetingpoint.extensions import db
from meetingpoint.notifications.models import PushSubscription

pytestmark = pytest.mark.backends("sqlite")
SETTINGS = "/{lang}/notifications/settings"


@pytest.fixture
def person_with_a_phone(make_user):
    person = make_user(display_name="Amina Diallo")
    db.session.add(
        PushSubscription(
            user_id=person.id,
            endpoint="https://push.example.org/send/a-phone",
            p256dh="B" + "A" * 86,
            auth="A" * 22,
            device="Chrome/Android",
        )
    )
    db.session.commit()
    return person


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_the_settings_page_is_accessible_and_fits_a_phone(browsing, person_with_a_phone, lang):
    page = browsing.page(bypass_csp=True)  # axe is injected as a script of the page
    browsing.sign_in(page, person_with_a_phone, lang)
    assert audit(page, SETTINGS.format(lang=lang)) == []
    phone = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    browsing.sign_in(phone, person_with_a_phone, lang)
    phone.goto(SETTINGS.format(lang=lang))
    width = phone.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1]
    for button in ("main form [type=submit] >> nth=0", "#push-turn-on", "form.inline button"):
        target = phone.locator(button).first
        target.scroll_into_view_if_needed()
        target.click(trial=True)  # visible, enabled and not covered


def test_the_button_shows_where_push_works_and_says_why_it_could_not(browsing, person_with_a_phone):
    page = browsing.page()
    page.context.grant_permissions(["notifications"])
    browsing.sign_in(page, person_with_a_phone)
    page.goto("/en/notifications/settings")
    button = page.locator("#push-turn-on")
    assert button.is_visible()  # push.js found push support and showed it
    button.click()
    # The worker is there, but this browser (a test's incognito profile, no push service
    # reachable) cannot subscribe: the script says so, and throws nothing.
    status = page.locator("#push-status")
    status.filter(has_text="Notifications could not be turned on here.").wait_for()
    assert button.is_enabled()
    # Chromium's own notice of that refusal, logged as a console error, is the only one.
    browsing.errors[:] = [e for e in browsing.errors if "Push API in incognito" not in e]
    refused = browsing.page()
    refused.context.clear_permissions()
    browsing.sign_in(refused, person_with_a_phone, "fr")
    refused.goto("/fr/notifications/settings")
    refused.locator("#push-turn-on").click()
    refused.locator("#push-status").filter(has_text="autorisez-les dans ses réglages").wait_for()
    assert db.session.scalar(db.select(PushSubscription.id).where(
        PushSubscription.endpoint != "https://push.example.org/send/a-phone")) is None  # fmt: skip
