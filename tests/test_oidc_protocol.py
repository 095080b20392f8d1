"""Sign in with OpenID Connect, at the protocol level: a real provider (node's oidc-provider)
and our callback driven as a browser would, with every way the round trip can be forged or
broken refused with a translated message and nobody signed in."""

import pytest
from flask_babel import force_locale, gettext
from support.oidc_provider import (
    NAME,
    callback_path,
    query,
    round_trip,
    signed_in,
    start,
)

from meetingpoint.auth.oidc.models import Identity
from meetingpoint.extensions import db

REFUSED = "We could not sign you in with %(provider)s. Please try again."


def refused_in(response, lang: str = "en") -> bool:
    with force_locale(lang):
        message = gettext(REFUSED, provider="TestID")
    page = response.get_data(as_text=True)
    return response.status_code == 400 and message.replace("'", "&#39;") in page


def test_the_request_carries_pkce_state_and_nonce(client, oidc):
    params = query(start(client))
    assert params["code_challenge_method"] == "S256"
    assert len(params["code_challenge"]) >= 43
    assert params["state"] and params["nonce"]
    assert params["redirect_uri"] == "http://localhost/auth/oidc/callback"
    assert set(params["scope"].split()) >= {"openid", "email"}


def test_a_verified_address_opens_the_existing_account(client, oidc, make_user):
    ana = make_user(email="ana@example.org")
    response = round_trip(client, oidc, "ana")
    assert response.status_code == 302
    assert signed_in(client)
    identity = db.session.query(Identity).one()
    assert (identity.user_id, identity.provider, identity.subject) == (ana.id, NAME, "ana")
    # The second time, the link is what opens it.
    client.post("/en/auth/logout", data={"csrf_token": ""})
    client.delete_cookie("session")
    assert round_trip(client, oidc, "ana").status_code == 302
    assert signed_in(client)


def test_a_suspended_person_signs_in_to_read_as_with_a_password(client, oidc, make_user):
    from datetime import timedelta

    from meetingpoint.database import utcnow

    make_user(email="ana@example.org", suspended_until=utcnow() + timedelta(days=3))
    assert round_trip(client, oidc, "ana").status_code == 302
    assert signed_in(client)


def test_an_unverified_address_does_not_open_an_account(client, oidc, make_user):
    make_user(email="ana@example.org")
    response = round_trip(client, oidc, "unverified")
    assert response.status_code == 400
    assert "link TestID in your account settings" in response.get_data(as_text=True)
    assert not signed_in(client)
    assert db.session.query(Identity).count() == 0


def test_next_is_kept_through_the_round_trip(client, oidc, make_user):
    make_user(email="ana@example.org")
    response = round_trip(client, oidc, "ana", next_url="/en/people/")
    assert response.headers["Location"] == "/en/people/"


def test_next_pointing_elsewhere_is_dropped(client, oidc, make_user):
    make_user(email="ana@example.org")
    response = round_trip(client, oidc, "ana", next_url="//evil.example/")
    assert "evil" not in response.headers["Location"]


def test_a_wrong_state_is_refused(client, oidc, make_user):
    make_user(email="ana@example.org")
    back = oidc.sign_in(start(client), "ana")
    forged = back.replace(f"state={query(back)['state']}", "state=forged")
    assert refused_in(client.get(callback_path(forged)))
    assert not signed_in(client)


def test_a_replayed_code_is_refused(client, oidc, make_user):
    make_user(email="ana@example.org")
    back = oidc.sign_in(start(client), "ana")
    assert client.get(callback_path(back)).status_code == 302
    client.delete_cookie("session")
    # A new flow of its own (a valid state), with the code already spent.
    state = query(start(client))["state"]
    replay = back.replace(f"state={query(back)['state']}", f"state={state}")
    assert refused_in(client.get(callback_path(replay)))
    assert not signed_in(client)


def test_a_code_without_its_verifier_is_refused(client, oidc, make_user):
    """A code stolen on its way back is useless in another session: no state, no verifier."""
    make_user(email="ana@example.org")
    back = oidc.sign_in(start(client), "ana")
    client.delete_cookie("session")
    assert refused_in(client.get(callback_path(back)))
    assert not signed_in(client)


# Each bad id_token, and the check that must catch it (as the log says).
BAD_TOKENS = {
    "nonce": "Invalid claim: 'nonce'",
    "expired": "expired_token",
    "signature": "bad_signature",
    "audience": "Invalid claim: 'aud'",
    "issuer": "Invalid claim: 'iss'",
    "missing": "no id_token",
}


@pytest.mark.parametrize("mode", BAD_TOKENS)
def test_a_bad_id_token_is_refused(client, oidc, make_user, refusals, mode):
    make_user(email="ana@example.org")
    back = oidc.sign_in(start(client), "ana")
    oidc.misbehave(mode)
    assert refused_in(client.get(callback_path(back)))
    assert BAD_TOKENS[mode] in refusals.text
    assert not signed_in(client)
    assert db.session.query(Identity).count() == 0


def test_an_error_from_the_provider_is_refused(client, oidc):
    state = query(start(client))["state"]
    response = client.get(f"/auth/oidc/callback?error=access_denied&state={state}")
    assert refused_in(response)
    assert not signed_in(client)


def test_a_response_from_another_issuer_is_refused(client, oidc, make_user):
    make_user(email="ana@example.org")
    back = oidc.sign_in(start(client), "ana")
    mixed_up = back.partition("&iss=")[0] + "&iss=https%3A%2F%2Fidp.example"
    assert refused_in(client.get(callback_path(mixed_up)))
    assert not signed_in(client)


@pytest.mark.parametrize("lang", ["es", "fr", "pt"])
def test_the_refusal_is_in_the_readers_language(client, oidc, lang):
    state = query(start(client, lang))["state"]
    response = client.get(f"/auth/oidc/callback?error=access_denied&state={state}")
    assert refused_in(response, lang)
    assert f'lang="{lang}"' in response.get_data(as_text=True)


def test_a_provider_that_cannot_be_reached_is_said_so(app, client):
    from support.live_servers import free_port

    from meetingpoint.auth.oidc.providers import parse_providers

    entry = {"name": "gone", "title": "Gone", "issuer": f"http://127.0.0.1:{free_port()}",
             "client_id": "a", "client_secret": "b"}  # fmt: skip
    app.config["OIDC_PROVIDER_LIST"] = parse_providers([entry])
    response = client.get("/en/auth/oidc/gone/start")
    assert response.status_code == 400
    assert "Gone cannot be reached just now." in response.get_data(as_text=True)
    assert not signed_in(client)
