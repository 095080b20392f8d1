"""Sign in with OpenID Connect in a real browser, against a real provider (node's
oidc-provider): the button, the provider's page, back signed in; a new person's profile;
linking and unlinking; the domain rule; and every new page checked with axe and on a phone
in the four languages."""

import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from support.browsing import AUDIT, AXE, PHONE, WCAG, audit
from support.live_servers import signed_as_servers
from support.oidc_provider import NAME
from support.phones import check_on_phone
from support.settings import PASSWORD

from meetingpoint.accounts.models import User
from meetingpoint.auth.oidc.models import Identity, RequiredProvider
from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.invitations.models import Invitation
from meetingpoint.invitations.services import token_of
from meetingpoint.rooms.models import RoomMembership

pytestmark = pytest.mark.backends("sqlite")


@pytest.fixture
def provider(browsing, servers, oidc_provider):
    """The site served with the test provider configured, and that provider."""
    settings = json.dumps([oidc_provider.settings()])
    browsing.use(servers(CHAT_HEARTBEAT_SECONDS=2, OIDC_PROVIDERS=settings))
    browsing.origins.add(urlsplit(oidc_provider.issuer).netloc)
    return oidc_provider


def sign_in_at_provider(page, login: str) -> None:
    page.get_by_label("Login").fill(login)
    page.get_by_label("Password").fill("any password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_sign_in_with_the_provider_opens_the_matching_account(browsing, provider, make_user):
    make_user(email="ana@example.org", display_name="Ana")
    page = browsing.page()
    page.goto("/en/auth/login")
    page.get_by_role("link", name="Sign in with TestID").click()
    assert page.url.startswith(provider.issuer)
    sign_in_at_provider(page, "ana")
    assert urlsplit(page.url).path == "/en/"
    assert "Your TestID account is now linked to this one." in page.locator("main").inner_text()
    page.goto("/en/account/sign-in")
    assert "ana@example.org" in page.locator(".linked-identities").inner_text()


def test_a_new_person_completes_their_profile_first(browsing, provider, rooms):
    page = browsing.page(locale="fr-FR")
    page.goto("/fr/auth/login")
    page.get_by_role("link", name="Se connecter avec TestID").click()
    sign_in_at_provider(page, "newcomer")
    assert urlsplit(page.url).path == "/fr/auth/oidc/complete"
    page.goto("/fr/rooms/")
    assert urlsplit(page.url).path == "/fr/auth/oidc/complete"
    page.locator("#country").select_option("JO")
    page.locator("#constituency").select_option("workers")
    page.locator("main form.stack [type=submit]").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/fr/"
    user = db.session.query(User).filter_by(email="newcomer@example.net").one()
    assert (user.country, user.display_name) == ("JO", "Nour Haddad")


def test_link_and_unlink_in_the_settings(browsing, provider, make_user):
    ana = make_user(email="ana@example.org")
    page = browsing.signed_in_page(ana)
    page.goto("/en/account/")
    page.get_by_role("link", name="Sign-in").click()
    page.get_by_role("link", name="Link TestID").click()
    sign_in_at_provider(page, "newcomer")
    assert urlsplit(page.url).path == "/en/account/sign-in"
    assert "You can now sign in with TestID." in page.locator("main").inner_text()
    assert db.session.query(Identity).filter_by(user_id=ana.id).count() == 1
    page.get_by_role("button", name="Unlink TestID").click()
    assert "TestID is no longer linked to your account." in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Link TestID").is_visible()
    assert db.session.query(Identity).count() == 0


def test_the_domain_rule_sends_passwords_to_the_provider(browsing, provider, make_user):
    admin = make_user(email="admin@example.org", role="admin")
    staff = make_user(email="staff@agency.example")
    page = browsing.signed_in_page(admin)
    page.goto("/en/admin/sign-in")
    page.get_by_label("Email domain").fill("agency.example")
    page.get_by_role("button", name="Require this provider").click()
    assert "agency.example" in page.locator(".domain-rules").inner_text()

    visitor = browsing.page()
    visitor.goto("/en/auth/login")
    visitor.locator("#email").fill(staff.email)
    visitor.locator("#password").fill(PASSWORD)
    visitor.locator("main form button[type=submit]").click()
    assert "Addresses at agency.example sign in with TestID" in visitor.locator("main").inner_text()
    visitor.locator("main").get_by_role("link", name="Sign in with TestID").click()
    sign_in_at_provider(visitor, "staff")
    assert urlsplit(visitor.url).path == "/en/"

    page.get_by_role("button", name="Remove the rule for agency.example").click()
    assert "No domain is bound to a provider." in page.locator("main").inner_text()


def axe_findings(page) -> list[str]:
    """axe on the page as it is (a form's answer, which audit() cannot open by address)."""
    page.add_script_tag(path=AXE)
    return [
        f"{page.url}: {v['rule']} ({v['impact']}) {v['help']} at {v['where']}"
        for v in page.evaluate(AUDIT, WCAG)
        if v["impact"] in ("serious", "critical")
    ]


def refused_password(page, lang: str, email: str) -> None:
    """A password sign-in for an address whose domain is bound to the provider."""
    page.goto(f"/{lang}/auth/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def provider_made_admin(make_user):
    """An admin whose account the provider made, its profile still to complete; a rule binds
    the domain of another address."""
    db.session.add(RequiredProvider(domain="agency.example", provider=NAME))
    make_user(email="staff@agency.example")
    return make_user(email="newcomer@example.net", role="admin", country=None)


def complete_profile(page, lang: str) -> None:
    page.goto(f"/{lang}/auth/oidc/complete")
    page.locator("#country").select_option("KE")
    page.locator("main form.stack [type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_the_new_pages_have_no_serious_accessibility_violation(browsing, provider, make_user, lang):
    provider_made_admin(make_user)
    page = browsing.page(bypass_csp=True)
    problems = audit(page, f"/{lang}/auth/login")
    refused_password(page, lang, "staff@agency.example")
    problems += axe_findings(page)
    page.goto(f"/{lang}/auth/oidc/{NAME}/start")
    sign_in_at_provider(page, "newcomer")
    problems += audit(page, f"/{lang}/auth/oidc/complete")
    complete_profile(page, lang)
    problems += audit(page, f"/{lang}/account/sign-in")
    problems += audit(page, f"/{lang}/admin/sign-in")
    assert problems == []


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_the_new_pages_fit_a_phone(browsing, provider, make_user, lang):
    provider_made_admin(make_user)
    page = browsing.page(viewport=PHONE, is_mobile=True, has_touch=True)
    problems = check_on_phone(page, f"/{lang}/auth/login")
    page.goto(f"/{lang}/auth/oidc/{NAME}/start")
    sign_in_at_provider(page, "newcomer")
    problems += check_on_phone(page, f"/{lang}/auth/oidc/complete")
    complete_profile(page, lang)
    problems += check_on_phone(page, f"/{lang}/account/sign-in")
    problems += check_on_phone(page, f"/{lang}/admin/sign-in")
    assert problems == []


def test_an_invitee_accepts_with_the_provider_instead_of_a_password(browsing, provider, rooms):
    """Invitations and OpenID Connect meet: from the invitation's page, through the
    provider and the profile form, back to the invitation, and into the room."""
    room = rooms["social-dialogue"]
    invitation = Invitation(
        scope="room", scope_id=room.id, role="member", email="newcomer@example.net",
        display_name="Nour Haddad", locale="en", salt="invite-oidc",
        expires_at=utcnow() + timedelta(days=30), last_sent_at=utcnow(), sent_count=1,
    )  # fmt: skip
    db.session.add(invitation)
    db.session.commit()
    with signed_as_servers():
        link = f"/en/invitations/accept/{token_of(invitation)}"
    page = browsing.page()
    page.goto(link)
    page.get_by_role("link", name="Sign in with TestID").click()
    sign_in_at_provider(page, "newcomer")
    assert urlsplit(page.url).path == "/en/auth/oidc/complete"
    page.locator("#country").select_option("JO")
    page.locator("#constituency").select_option("workers")
    page.locator("main form.stack [type=submit]").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == link  # back to the invitation, signed in
    page.get_by_role("button", name="Accept and join").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/en/rooms/social-dialogue/"
    nour = db.session.query(User).filter_by(email="newcomer@example.net").one()
    assert db.session.get(RoomMembership, (room.id, nour.id)) is not None
    db.session.refresh(invitation)
    assert invitation.accepted_by == nour.id
