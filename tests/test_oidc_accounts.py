"""Sign in with OpenID Connect, for the person: a new account completes its profile first,
links are made and removed in the settings, and an admin can bind an email domain to a
provider, after which no password opens those accounts."""

import json

import pytest
from support.oidc_provider import NAME, post_on, round_trip, signed_in
from support.web import link_in, post

from meetingpoint import create_app
from meetingpoint.accounts.models import TOKEN_RESET_PASSWORD, User
from meetingpoint.auth.oidc.models import Identity, RequiredProvider
from meetingpoint.auth.oidc.providers import ProviderSettingsError, parse_providers
from meetingpoint.auth.tokens import issue_token
from meetingpoint.extensions import db

PROFILE = {"display_name": "Nour", "country": "JO", "constituency": "workers",
           "languages": ["ar", "en"], "locale": "fr", "time_zone": "UTC"}  # fmt: skip


def test_a_new_person_completes_their_profile_before_anything_else(client, oidc, rooms):
    response = round_trip(client, oidc, "newcomer", next_url="/en/people/")
    assert response.headers["Location"] == "/en/auth/oidc/complete"
    user = db.session.query(User).filter_by(email="newcomer@example.net").one()
    assert user.email_verified_at is not None  # the provider verified it
    assert user.password_hash is None
    # Anywhere else leads back to the form; signing out does not.
    for path in ("/en/", "/en/people/", "/en/account/"):
        assert client.get(path).headers["Location"].endswith("/auth/oidc/complete"), path
    page = client.get("/en/auth/oidc/complete").get_data(as_text=True)
    assert 'value="Nour Haddad"' in page
    assert post_on(client, "/en/auth/oidc/complete", {**PROFILE, "country": ""}).status_code == 200
    response = post_on(client, "/en/auth/oidc/complete", PROFILE)
    assert response.headers["Location"] == "/en/people/"
    assert client.get("/en/people/").status_code == 200
    db.session.refresh(user)
    assert (user.country, user.constituency, user.locale) == ("JO", "workers", "fr")


def test_an_address_the_provider_did_not_verify_is_confirmed_by_mail_first(client, oidc, outbox):
    response = round_trip(client, oidc, "unconfirmed")
    assert "We have sent a confirmation link to fresh@example.net" in response.get_data(
        as_text=True
    )
    assert not signed_in(client)
    user = db.session.query(User).filter_by(email="fresh@example.net").one()
    assert user.email_verified_at is None
    assert [message["To"] for message in outbox()] == ["fresh@example.net"]
    client.get(link_in(outbox()[0]).replace("http://localhost", ""))
    # Confirmed: the provider now opens the account, which asks for its profile.
    assert round_trip(client, oidc, "unconfirmed").headers["Location"].endswith("/complete")


def test_signing_out_is_open_while_the_profile_waits(client, oidc):
    round_trip(client, oidc, "newcomer")
    post_on(client, "/en/auth/logout")
    assert not signed_in(client)
    assert client.get("/en/").status_code == 200


def test_an_address_outside_the_providers_domains_is_refused(app, client, oidc):
    app.config["OIDC_PROVIDER_LIST"] = parse_providers([oidc.settings(domains=["example.org"])])
    response = round_trip(client, oidc, "newcomer")
    assert response.status_code == 400
    assert "TestID cannot be used for addresses at example.net here." in response.get_data(
        as_text=True
    )
    assert not signed_in(client)
    assert db.session.query(User).filter_by(email="newcomer@example.net").count() == 0


def test_a_deleted_accounts_link_is_forgotten(client, oidc, make_user):
    from support.settings import PASSWORD

    from meetingpoint.accounts.services import delete_account

    ana = make_user(email="ana@example.org")
    round_trip(client, oidc, "ana")
    delete_account(ana, PASSWORD, remove_content=False)
    assert db.session.query(Identity).count() == 0


def test_an_account_without_a_password_can_still_be_deleted(client, oidc):
    round_trip(client, oidc, "newcomer")
    post_on(client, "/en/auth/oidc/complete", PROFILE)
    assert 'name="password"' not in client.get("/en/account/privacy").get_data(as_text=True)
    post(client, "/en/account/delete", {"confirm": "y"})
    assert db.session.query(User).filter_by(email="newcomer@example.net").count() == 0
    assert db.session.query(Identity).count() == 0
    assert not signed_in(client)


def test_linking_and_unlinking_in_the_settings(client, auth, oidc, make_user):
    ana = make_user(email="ana@example.org")
    auth.login(ana)
    page = client.get("/en/account/sign-in").get_data(as_text=True)
    assert "Link TestID" in page
    link = client.get(f"/en/auth/oidc/{NAME}/link")
    back = oidc.sign_in(link.headers["Location"], "newcomer")  # another address: fine
    from support.oidc_provider import callback_path

    assert client.get(callback_path(back)).headers["Location"] == "/en/account/sign-in"
    identity = db.session.query(Identity).one()
    assert identity.user_id == ana.id and identity.subject == "newcomer"
    assert "Unlink" in client.get("/en/account/sign-in").get_data(as_text=True)
    # She has a password: the link may go.
    post(client, f"/en/account/sign-in/{identity.id}/unlink")
    assert db.session.query(Identity).count() == 0


def test_the_only_way_in_cannot_be_unlinked_until_a_password_is_set(client, oidc):
    round_trip(client, oidc, "newcomer")
    post_on(client, "/en/auth/oidc/complete", PROFILE)
    identity = db.session.query(Identity).one()
    response = post(client, f"/en/account/sign-in/{identity.id}/unlink", follow_redirects=True)
    assert "This is your only way to sign in." in response.get_data(as_text=True)
    assert db.session.query(Identity).count() == 1
    page = client.get("/en/account/password").get_data(as_text=True)
    assert "Set a password" in page and "current_password" not in page
    password = {"password": "a new long password", "confirm": "a new long password"}
    post(client, "/en/account/password", password)
    post(client, f"/en/account/sign-in/{identity.id}/unlink")
    assert db.session.query(Identity).count() == 0
    assert signed_in(client)  # setting a first password ends no session


def test_a_domain_bound_to_a_provider_refuses_passwords(client, auth, oidc, make_user):
    admin = make_user(email="admin@example.org", role="admin")
    staff = make_user(email="staff@agency.example")
    auth.login(admin)
    response = post(client, "/en/admin/sign-in", {"domain": "@Agency.Example", "provider": NAME})
    assert response.status_code == 302
    assert "agency.example" in client.get("/en/admin/sign-in").get_data(as_text=True)
    auth.logout()
    client.delete_cookie("session")

    page = auth.login(staff).get_data(as_text=True)
    assert "Addresses at agency.example sign in with TestID" in page
    assert f"/en/auth/oidc/{NAME}/start" in page
    assert not signed_in(client)
    reset = post(client, "/en/auth/reset", {"email": staff.email}).get_data(as_text=True)
    assert "Addresses at agency.example sign in with TestID" in reset
    password = {"password": "a long password", "confirm": "a long password"}
    registration = post(
        client, "/en/auth/register", {**PROFILE, **password, "email": "new@agency.example"}
    )
    assert "sign in with TestID" in registration.get_data(as_text=True)
    assert db.session.query(User).filter_by(email="new@agency.example").count() == 0
    # Through the provider, the same person gets in.
    assert round_trip(client, oidc, "staff").status_code == 302
    assert signed_in(client)


def test_a_reset_link_mailed_before_the_rule_is_refused_after_it(client, oidc, make_user):
    staff = make_user(email="staff@agency.example")
    before = staff.password_hash
    raw = issue_token(staff, TOKEN_RESET_PASSWORD, 2)
    db.session.add(RequiredProvider(domain="agency.example", provider=NAME))
    db.session.commit()
    page = client.get(f"/en/auth/reset/{raw}").get_data(as_text=True)
    assert "Addresses at agency.example sign in with TestID" in page
    password = {"password": "a new long password", "confirm": "a new long password"}
    post(client, f"/en/auth/reset/{raw}", password)
    db.session.refresh(staff)
    assert staff.password_hash == before  # the form's POST is refused the same way
    assert not signed_in(client)


def test_a_rule_for_a_provider_no_longer_configured_binds_nobody(client, oidc, make_user):
    db.session.add(RequiredProvider(domain="example.org", provider="other"))
    db.session.commit()
    make_user(email="ana@example.org")
    assert round_trip(client, oidc, "ana").status_code == 302


def test_only_admins_edit_domain_rules(client, auth, oidc, make_user):
    auth.login(make_user())
    assert client.get("/en/admin/sign-in").status_code == 403


def test_without_providers_nothing_shows(client, auth, make_user):
    assert "Sign in with" not in client.get("/en/auth/login").get_data(as_text=True)
    auth.login(make_user())
    assert client.get("/en/account/sign-in").status_code == 404
    assert "/account/sign-in" not in client.get("/en/account/").get_data(as_text=True)
    assert client.get(f"/en/auth/oidc/{NAME}/start").status_code == 404


@pytest.mark.parametrize(
    ("setting", "complaint"),
    [
        ("not json", "is not JSON"),
        ('{"name": "x"}', "must be a JSON list"),
        ('[{"name": "x", "title": "X", "issuer": "https://idp.example"}]', "'client_id'"),
        ('[{"name": "Bad Name", "title": "X", "issuer": "https://i.example", '
         '"client_id": "a", "client_secret": "b"}]', "must be a slug"),
        ('[{"name": "x", "title": "X", "issuer": "http://idp.example", '
         '"client_id": "a", "client_secret": "b"}]', "must be an https URL"),
        ('[{"name": "x", "title": "X", "issuer": "https://i.example", "client_id": "a", '
         '"client_secret": "b", "domains": ["not a domain"]}]', "not email domains"),
        ('[{"name": "x", "title": "X", "issuer": "https://i.example", "client_id": "a", '
         '"client_secret": "b", "scope": "email"}]', "includes 'openid'"),
    ],
)  # fmt: skip
def test_a_wrong_setting_stops_the_start(setting, complaint):
    with pytest.raises(ProviderSettingsError, match=complaint):
        create_app({"TESTING": True, "SECRET_KEY": "x", "OIDC_PROVIDERS": setting})


def test_a_loopback_issuer_may_be_plain_http():
    entry = {"name": "x", "title": "X", "issuer": "http://127.0.0.1:8080", "client_id": "a",
             "client_secret": "b", "domains": ["Example.ORG"]}  # fmt: skip
    (provider,) = parse_providers(json.dumps([entry]))
    assert provider.domains == ("example.org",) and provider.scope == "openid email profile"
