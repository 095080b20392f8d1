"""The protocol, through Authlib: authorization code flow with PKCE (S256), state and nonce,
and every id_token checked (signature against the provider's keys, issuer, audience,
expiry, nonce) before anything is believed."""

import joserfc.errors
import requests
from authlib.integrations.base_client import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import current_app, redirect, request, session, url_for

from .providers import Provider, configured, find

EXTENSION = "meetingpoint_oidc"
FLOWS = "oidc_flows"  # our own data per state, beside Authlib's
LEEWAY_SECONDS = 60  # clocks drift; a token expired longer ago than this is refused
TIMEOUT_SECONDS = 10


class SignInFailed(Exception):
    """The round trip cannot be trusted or did not end in a usable identity."""

    def __init__(self, reason: str, flow: dict | None = None):
        super().__init__(reason)
        self.reason = reason
        self.flow = flow or {}


# Whatever a provider, the network or a forged callback can make the libraries raise.
PROTOCOL_ERRORS = (
    OAuthError,
    joserfc.errors.JoseError,
    requests.RequestException,
    ValueError,
    KeyError,
    TypeError,
)


def _client(provider: Provider):
    """Authlib's client for `provider`, made on first use and kept with the app (with the
    provider's discovery document and keys, fetched once)."""
    clients = current_app.extensions.setdefault(EXTENSION, {})
    if provider not in clients:
        oauth = OAuth(current_app._get_current_object())
        clients[provider] = oauth.register(
            provider.name,
            client_id=provider.client_id,
            client_secret=provider.client_secret,
            server_metadata_url=provider.metadata_url,
            client_kwargs={
                "scope": provider.scope,
                "code_challenge_method": "S256",
                "token_endpoint_auth_method": "client_secret_basic",
                "default_timeout": TIMEOUT_SECONDS,
            },
        )
    return clients[provider]


def callback_url() -> str:
    """One address for every provider and language: what the operator registers."""
    return url_for("oidc_callback.callback", _external=True)


def begin(provider: Provider, flow: dict):
    """Send the browser to the provider. `flow` (purpose, lang, next, user) comes back with
    the callback, keyed by the state, which the callback must present."""
    client = _client(provider)
    redirect_uri = callback_url()
    try:
        found = client.create_authorization_url(redirect_uri)
    except PROTOCOL_ERRORS as error:
        raise SignInFailed(f"discovery failed: {error}", flow) from error
    client.save_authorize_data(redirect_uri=redirect_uri, **found)
    flows = session.get(FLOWS, {})
    # A few flows at once (two tabs); older ones are dropped rather than kept forever.
    flows = dict(list(flows.items())[-4:])
    flows[found["state"]] = {**flow, "provider": provider.name}
    session[FLOWS] = flows
    return redirect(found["url"])


def flow_of_callback() -> dict:
    """Our data for the callback's state (empty if unknown), taken out: each is used once."""
    state = request.args.get("state") or ""
    flows = session.get(FLOWS, {})
    flow = flows.pop(state, None) or {}
    session[FLOWS] = flows
    return flow


def finish(flow: dict) -> tuple[Provider, dict]:
    """The provider and the checked claims (id_token, then userinfo) of this callback."""
    provider = find(flow.get("provider", ""))
    if provider is None:
        raise SignInFailed("no sign-in was started with this state", flow)
    issuer = request.args.get("iss")
    if issuer is not None and issuer != provider.issuer:  # RFC 9207: a mixed-up provider
        raise SignInFailed(f"the response comes from {issuer!r}", flow)
    client = _client(provider)
    try:
        token = client.authorize_access_token(
            claims_options={
                "iss": {"essential": True, "values": [provider.issuer]},
                "sub": {"essential": True},
                "aud": {"essential": True, "values": [provider.client_id]},
                "exp": {"essential": True},
                "iat": {"essential": True},
            },
            leeway=LEEWAY_SECONDS,
        )
    except PROTOCOL_ERRORS as error:
        raise SignInFailed(f"{type(error).__name__}: {error}", flow) from error
    # Authlib checks an id_token only when one comes: its absence must fail too.
    claims = token.get("userinfo")
    if not claims or not claims.get("sub"):
        raise SignInFailed("the token response has no id_token", flow)
    claims = dict(claims)
    if "email" not in claims and client.load_server_metadata().get("userinfo_endpoint"):
        claims = _with_userinfo(client, token, claims, flow)
    return provider, claims


def _with_userinfo(client, token, claims: dict, flow: dict) -> dict:
    # Providers may put the email only at the userinfo endpoint (oidc-provider does).
    try:
        extra = dict(client.userinfo(token=token))
    except PROTOCOL_ERRORS as error:
        raise SignInFailed(f"userinfo failed: {error}", flow) from error
    if extra.get("sub") != claims["sub"]:  # OpenID Connect Core 5.3.2
        raise SignInFailed("userinfo is about someone else", flow)
    return {**extra, **claims}


def enabled() -> bool:
    return bool(configured())
