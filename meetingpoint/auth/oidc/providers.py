"""The OpenID Connect providers the operator configured (MEETINGPOINT_OIDC_PROVIDERS), checked
once at start-up so that a typo stops the server rather than a person's sign-in."""

import ipaddress
import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app

NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
DEFAULT_SCOPE = "openid email profile"


@dataclass(frozen=True)
class Provider:
    name: str
    title: str
    issuer: str
    client_id: str
    client_secret: str
    domains: tuple[str, ...] = ()
    scope: str = DEFAULT_SCOPE

    @property
    def metadata_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"

    def allows(self, email: str) -> bool:
        """Whether this provider may sign in `email` (any address, without a domain list)."""
        if not self.domains:
            return True
        return email.rpartition("@")[2].lower() in self.domains


class ProviderSettingsError(RuntimeError):
    """MEETINGPOINT_OIDC_PROVIDERS cannot be used; the message says what to fix."""


def parse_providers(raw) -> list[Provider]:
    """The providers from the setting (JSON text, or a list already), or ProviderSettingsError."""
    if raw in (None, ""):
        return []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError as error:
            raise ProviderSettingsError(
                f"MEETINGPOINT_OIDC_PROVIDERS is not JSON: {error}"
            ) from None
    if not isinstance(raw, list):
        raise ProviderSettingsError("MEETINGPOINT_OIDC_PROVIDERS must be a JSON list of objects")
    providers = [_provider(entry, n) for n, entry in enumerate(raw, 1)]
    names = [provider.name for provider in providers]
    if len(set(names)) != len(names):
        raise ProviderSettingsError("MEETINGPOINT_OIDC_PROVIDERS: two providers share a name")
    return providers


def _provider(entry, n: int) -> Provider:
    where = f"MEETINGPOINT_OIDC_PROVIDERS, provider {n}"
    if not isinstance(entry, dict):
        raise ProviderSettingsError(f"{where}: must be an object")
    unknown = set(entry) - {"name", "title", "issuer", "client_id", "client_secret", "domains",
                            "scope"}  # fmt: skip
    if unknown:
        raise ProviderSettingsError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("name", "title", "issuer", "client_id", "client_secret"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ProviderSettingsError(f"{where}: {key!r} is required (a non-empty string)")
    if not NAME.match(entry["name"]):
        raise ProviderSettingsError(
            f"{where}: name {entry['name']!r} must be a slug (a-z, 0-9, '-'; 40 at most)"
        )
    _check_issuer(entry["issuer"], where)
    domains = entry.get("domains") or []
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise ProviderSettingsError(f"{where}: 'domains' must be a list of email domains")
    domains = [domain.strip().lower() for domain in domains]
    bad = [domain for domain in domains if not DOMAIN.match(domain)]
    if bad:
        raise ProviderSettingsError(f"{where}: not email domains: {bad}")
    scope = entry.get("scope") or DEFAULT_SCOPE
    if not isinstance(scope, str) or "openid" not in scope.split():
        raise ProviderSettingsError(f"{where}: 'scope' must be a string that includes 'openid'")
    return Provider(
        name=entry["name"],
        title=entry["title"].strip(),
        issuer=entry["issuer"].strip(),
        client_id=entry["client_id"],
        client_secret=entry["client_secret"],
        domains=tuple(domains),
        scope=scope,
    )


def _check_issuer(issuer: str, where: str) -> None:
    # Plain http would let anyone on the path forge the provider's keys; loopback only (tests).
    parts = urlsplit(issuer.strip())
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return
    raise ProviderSettingsError(
        f"{where}: issuer {issuer!r} must be an https URL (http only on a loopback address)"
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def configured() -> list[Provider]:
    return current_app.config.get("OIDC_PROVIDER_LIST", [])


def find(name: str) -> Provider | None:
    return next((provider for provider in configured() if provider.name == name), None)


def by_issuer(issuer: str | None) -> Provider | None:
    return next((provider for provider in configured() if provider.issuer == issuer), None)
