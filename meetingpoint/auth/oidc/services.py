"""The one path for each change an OpenID Connect sign-in makes: find or link the account,
create one, unlink, and the email domains bound to a provider."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ...accounts.models import User
from ...accounts.privacy import account_eraser, personal_data_exporter
from ...database import utcnow
from ...extensions import db
from .. import services as auth_services
from .models import Identity, RequiredProvider
from .providers import DOMAIN, Provider, configured, find


class IdentityRefused(Exception):
    """A sign-in, link or unlink refused; str() is translated, for the person."""


@dataclass
class Outcome:
    user: User
    created: bool = False  # a new account
    linked: bool = False  # a new link to an existing account


def email_domain(email: str | None) -> str:
    return (email or "").rpartition("@")[2].strip().lower()


def _claimed_email(claims: dict) -> tuple[str, bool]:
    email = auth_services.normalise_email(claims.get("email") or "")
    # Some providers send "true" as a string; anything else is not a verification.
    verified = claims.get("email_verified") in (True, "true")
    return email, verified and "@" in email


def sign_in(provider: Provider, claims: dict, locale: str = "en") -> Outcome:
    """The account these checked claims open: linked before, linked now by a verified
    address, or created (in the interface language `locale`). Raises IdentityRefused for a
    domain the provider may not serve or bound to another provider."""
    subject = str(claims["sub"])
    email, verified = _claimed_email(claims)
    identity = _identity(provider.name, subject)
    known = identity is not None and not identity.user.is_deleted
    _check_domain_rule(provider, identity.user.email if known else email)
    if known:
        identity.last_used_at = utcnow()
        if email:
            identity.email = email
        db.session.commit()
        return Outcome(identity.user)
    if not email:
        raise IdentityRefused(
            _("%(provider)s did not tell us your email address.", provider=provider.title)
        )
    if not provider.allows(email):
        raise IdentityRefused(
            _(
                "%(provider)s cannot be used for addresses at %(domain)s here.",
                provider=provider.title,
                domain=email_domain(email),
            )
        )
    owner = auth_services.find_user_by_email(email)
    if owner is not None and not verified:
        # Only the provider's word that the address is theirs may open an existing account.
        raise IdentityRefused(
            _(
                "An account already uses this address. Sign in with your password, then "
                "link %(provider)s in your account settings.",
                provider=provider.title,
            )
        )
    if owner is not None:
        if owner.email_verified_at is None:
            owner.email_verified_at = utcnow()
        _link(owner, provider, subject, email)
        return Outcome(owner, linked=True)
    user = _create(provider, subject, email, verified, claims, locale)
    return Outcome(user, created=True)


def _check_domain_rule(provider: Provider, email: str | None) -> None:
    required = required_provider(email)
    if required is not None and required.name != provider.name:
        raise IdentityRefused(
            _(
                "Addresses at %(domain)s sign in with %(provider)s.",
                domain=email_domain(email),
                provider=required.title,
            )
        )


def _create(
    provider: Provider, subject: str, email: str, verified: bool, claims: dict, locale: str
) -> User:
    name = (claims.get("name") or email.partition("@")[0]).strip()[:80]
    user = User(email=email, display_name=name or email[:80], locale=locale)
    if verified:
        user.email_verified_at = utcnow()
    db.session.add(user)
    try:
        _link(user, provider, subject, email)
    except IntegrityError:  # the same person, in two tabs at once
        db.session.rollback()
        raise IdentityRefused(_("Something went wrong. Please try again.")) from None
    if not verified:
        auth_services.mail_verification(user)
    return user


def _link(user: User, provider: Provider, subject: str, email: str | None) -> Identity:
    identity = Identity(
        user=user, provider=provider.name, subject=subject, email=email, last_used_at=utcnow()
    )
    db.session.add(identity)
    db.session.commit()
    return identity


def _identity(provider: str, subject: str) -> Identity | None:
    return db.session.scalar(
        select(Identity).where(Identity.provider == provider, Identity.subject == subject)
    )


def link(user: User, provider: Provider, claims: dict) -> None:
    """Add this provider's account as a way into `user`'s (signed in already)."""
    subject = str(claims["sub"])
    identity = _identity(provider.name, subject)
    if identity is not None and identity.user_id != user.id and not identity.user.is_deleted:
        raise IdentityRefused(
            _(
                "This %(provider)s account is linked to another account here.",
                provider=provider.title,
            )
        )
    if identity is not None:
        identity.user_id = user.id
        identity.last_used_at = utcnow()
        db.session.commit()
        return
    email, _verified = _claimed_email(claims)
    _link(user, provider, subject, email or None)


def identities_of(user: User) -> list[Identity]:
    return list(
        db.session.scalars(
            select(Identity).where(Identity.user_id == user.id).order_by(Identity.created_at)
        )
    )


def unlink(user: User, identity_id: int) -> Identity:
    """Remove one link, unless it is the only way left into the account."""
    identity = db.session.get(Identity, identity_id)
    if identity is None or identity.user_id != user.id:
        raise IdentityRefused(_("This sign-in is not linked to your account."))
    others = [other for other in identities_of(user) if other.id != identity.id]
    if not user.password_hash and not any(find(other.provider) for other in others):
        raise IdentityRefused(
            _(
                "This is your only way to sign in. Set a password or link another provider "
                "before you unlink it."
            )
        )
    db.session.delete(identity)
    db.session.commit()
    return identity


def profile_incomplete(user: User) -> bool:
    """An account made by a provider lacks what sign-up asks for until its owner adds it."""
    return not user.country or not user.constituency or not user.languages


# The domain rule.


def required_provider(email: str | None) -> Provider | None:
    """The provider everyone at this address's domain must sign in with, if any (a rule
    naming a provider no longer configured binds nobody: it would lock them out)."""
    domain = email_domain(email)
    if not domain or not configured():
        return None
    rule = db.session.scalar(select(RequiredProvider).where(RequiredProvider.domain == domain))
    return find(rule.provider) if rule else None


def domain_rules() -> list[RequiredProvider]:
    return list(db.session.scalars(select(RequiredProvider).order_by(RequiredProvider.domain)))


def require_provider(actor: User, domain: str, provider_name: str) -> RequiredProvider:
    domain = domain.strip().lower().lstrip("@")
    if not DOMAIN.match(domain):
        raise IdentityRefused(_("Enter an email domain, such as example.org."))
    if find(provider_name) is None:
        raise IdentityRefused(_("Choose one of the providers."))
    existing = db.session.scalar(
        select(RequiredProvider).where(func.lower(RequiredProvider.domain) == domain)
    )
    if existing is not None:
        raise IdentityRefused(_("This domain already has a rule. Remove it first."))
    rule = RequiredProvider(domain=domain, provider=provider_name, created_by_id=actor.id)
    db.session.add(rule)
    db.session.commit()
    return rule


def remove_rule(rule_id: int) -> None:
    rule = db.session.get(RequiredProvider, rule_id)
    if rule is not None:
        db.session.delete(rule)
        db.session.commit()


@personal_data_exporter("sign_in_providers")
def export_identities(user: User) -> list[dict]:
    return [
        {
            "provider": identity.provider,
            "subject": identity.subject,
            "email": identity.email,
            "linked_at": identity.created_at.isoformat(),
        }
        for identity in identities_of(user)
    ]


@account_eraser
def forget_identities(user: User, _remove_content: bool) -> None:
    # The provider's account may sign up again, as a new person.
    db.session.query(Identity).filter_by(user_id=user.id).delete()
