"""The pages mail adds to: the account page's stopped-mail notice and a room's address, in
every language, through axe (WCAG 2.1 AA) and on a 360×640 phone."""

import pytest
from sqlalchemy import select
from support.browsing import PHONE, SERVER_SETTINGS, audit
from support.live_servers import signed_as_servers
from support.mail_in import DOMAIN
from support.phones import check_on_phone

from meetingpoint.extensions import db
from meetingpoint.inbound.models import InboundMail
from meetingpoint.mail.bounces import record_bounce
from meetingpoint.notifications.mailing_list import unsubscribe_token
from meetingpoint.rooms.models import Room

pytestmark = pytest.mark.backends("sqlite")
PAGES = ["/{lang}/account/", "/{lang}/rooms/social-dialogue/", "/{lang}/admin/mail/",
         "/{lang}/notifications/settings"]  # fmt: skip


@pytest.fixture
def stopped(browsing, servers, member):
    """An admin whose mail has bounced three times, mail received, and a server with a
    reply domain."""
    person = member(email="amina@example.org", display_name="Amina Diallo", role="admin")
    _receive_some_mail(person)
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
    page.goto(f"/{lang}/notifications/settings")
    assert page.locator("input[name=list_room]").count() == 1  # their one room
    stop = _stop_page(stopped)
    assert [p for path in [*PAGES, stop] for p in audit(page, path.format(lang=lang))] == []


@pytest.mark.parametrize("lang", ["pt", "fr"])  # their words run longest
def test_mail_notices_fit_a_phone(browsing, stopped, lang):
    page = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    browsing.sign_in(page, stopped, lang)
    pages = [*PAGES, _stop_page(stopped)]
    problems = [p for path in pages for p in check_on_phone(page, path.format(lang=lang))]
    assert problems == []
    page.goto(f"/{lang}/account/")
    button = page.locator("#mail-stopped-title ~ form button").bounding_box()
    assert button and button["x"] + button["width"] <= PHONE["width"]


def _receive_some_mail(person) -> None:
    """What the mail page lists: a refusal that was answered, and a bounce."""
    db.session.add_all([
        InboundMail(recipient=f"social-dialogue@{DOMAIN}", sender=person.email,
                    subject="Reforma de la inspección del trabajo", state="refused",
                    outcome="unauthenticated", answered=True,
                    detail="Your mail provider could not confirm that this mail came from "
                           "your address, so we did not post it."),
        InboundMail(recipient=f"bounces+1-abc@{DOMAIN}", sender="mailer-daemon@example.org",
                    state="bounce", outcome="hard 5.1.1"),
    ])  # fmt: skip
    db.session.commit()


def _stop_page(person) -> str:
    """The one-click page that stops mailing-list mode for a room, from a list mail."""
    room = db.session.scalar(select(Room).where(Room.slug == "social-dialogue"))
    with signed_as_servers():
        token = unsubscribe_token(person.id, room.id)
    return "/{lang}/notifications/list-unsubscribe/" + token
