"""The invitation pages in a real browser: the staff page, the preview, the invitee's
sign-up, sign-in and accept pages, a link's page and a spent link's, through axe in the
four languages and on a 360×640 phone."""

from datetime import timedelta

import pytest
from support.browsing import PHONE, audit, audit_here
from support.live_servers import signed_as_servers
from support.phones import check_on_phone

from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.invitations.models import Invitation, InviteLink
from meetingpoint.invitations.services import token_of

pytestmark = pytest.mark.backends("sqlite")
ROOM = "social-dialogue"
LIST = "Awa Diop <awa.diop@example.sn>\nnot-an-address\nkofi@example.gh"


@pytest.fixture
def invited(make_user, member, rooms):
    """A moderator, an invitation for a new person and one for an account, and a link."""
    staff = member(role="moderator", display_name="Amina Diallo", email="amina@example.org")
    member(email="kwame@example.org")
    room = rooms[ROOM]
    made = {}
    for email, name in (("awa.diop@example.sn", "Awa Diop"), ("kwame@example.org", "")):
        made[email] = Invitation(
            scope="room", scope_id=room.id, role="member", email=email, display_name=name,
            country="SN", locale="fr", invited_by=staff.id, salt="abcd" + email[:4],
            expires_at=utcnow() + timedelta(days=30), last_sent_at=utcnow(), sent_count=1,
        )  # fmt: skip
    link = InviteLink(
        token="shared-link-token",
        scope="room",
        scope_id=room.id,
        role="member",
        created_by=staff.id,
        expires_at=utcnow() + timedelta(days=7),
        max_uses=5,
    )
    db.session.add_all([*made.values(), link])
    db.session.commit()
    with signed_as_servers():
        tokens = {email: token_of(invitation) for email, invitation in made.items()}
    return staff, tokens


def _visitor_pages(tokens) -> list[str]:
    return [
        f"/{{lang}}/invitations/accept/{tokens['awa.diop@example.sn']}",
        f"/{{lang}}/invitations/accept/{tokens['kwame@example.org']}",
        "/{lang}/invitations/join/shared-link-token",
    ]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_invitation_pages_pass_axe(browsing, invited, lang):
    staff, tokens = invited
    page = browsing.page(bypass_csp=True)  # axe is injected as a script of the page
    problems = [p for path in _visitor_pages(tokens) for p in audit(page, path.format(lang=lang))]
    # A spent link's page answers 410, which the browser logs; nothing else may be logged.
    browsing.expect_console_errors = True
    page.goto(f"/{lang}/invitations/join/spent-or-unknown")
    problems += audit_here(page)
    browsing.sign_in(page, staff, lang)
    problems += audit(page, f"/{lang}/invitations/room/{ROOM}/")
    page.locator("#addresses").fill(LIST)
    page.locator("main form [type=submit]").first.click()
    page.locator("table.invitation-preview").wait_for()
    problems += audit_here(page)
    assert problems == []
    assert [error for error in browsing.errors if "(GONE)" not in error] == []


@pytest.mark.parametrize("lang", ["pt", "fr"])  # their words run longest
def test_invitation_pages_fit_a_phone(browsing, invited, lang):
    staff, tokens = invited
    page = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    paths = _visitor_pages(tokens)
    problems = [p for path in paths for p in check_on_phone(page, path.format(lang=lang))]
    browsing.sign_in(page, staff, lang)
    problems += check_on_phone(page, f"/{lang}/invitations/room/{ROOM}/")
    page.locator("#addresses").fill(LIST)
    page.locator("main form [type=submit]").first.click()
    page.locator("table.invitation-preview").wait_for()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the preview scrolls sideways"
    send = page.locator("main form [type=submit]").first.bounding_box()
    assert send and send["x"] + send["width"] <= PHONE["width"]
    assert problems == []
