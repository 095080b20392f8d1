"""Sign in with OpenID Connect: providers from settings, linked identities, domain rules.

`sign_in_url(provider, next_url)` is the address of a button that signs a person in (or up)
through a provider and brings them back to `next_url`; invitations use it."""

from flask import Blueprint

# Pages in the reader's language; the provider's callback at one address for all of them.
bp = Blueprint("oidc", __name__, url_prefix="/<lang:lang_code>")
callback_bp = Blueprint("oidc_callback", __name__)

from . import routes  # noqa: E402,F401
from .routes import sign_in_url  # noqa: E402,F401
