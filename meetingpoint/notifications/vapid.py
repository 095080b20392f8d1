"""The VAPID key pair that signs every push (RFC 8292): set, or made once and kept."""

import os
import tempfile
from email.utils import parseaddr
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from flask import current_app
from py_vapid import Vapid, b64urlencode

_KEY = "meetingpoint.vapid"


def signer() -> Vapid:
    """The app's key: VAPID_PRIVATE_KEY, else the instance folder's (made on first use)."""
    app = current_app._get_current_object()
    if _KEY not in app.extensions:
        configured = app.config.get("VAPID_PRIVATE_KEY")
        if configured:
            app.extensions[_KEY] = Vapid.from_string(configured)
        else:
            app.extensions[_KEY] = Vapid.from_file(str(_instance_key(Path(app.instance_path))))
    return app.extensions[_KEY]


def public_key() -> str:
    """The application server key browsers subscribe with: the public point, base64url."""
    raw = signer().public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return b64urlencode(raw)


def subject() -> str:
    configured = current_app.config.get("VAPID_SUBJECT")
    if configured:
        return configured
    return f"mailto:{parseaddr(current_app.config['MAIL_SENDER'])[1]}"


def _instance_key(instance: Path) -> Path:
    """Kept like the secret key: every process of the deployment signs with the same key,
    or browsers' subscriptions (made with the public key) would stop working."""
    path = instance / "vapid_private_key.pem"
    if path.exists():
        return path
    instance.mkdir(parents=True, exist_ok=True)
    made = Vapid()
    made.generate_keys()
    fd, draft = tempfile.mkstemp(dir=instance, prefix=".vapid-")  # 0600
    with os.fdopen(fd, "wb") as handle:
        handle.write(made.private_pem())
    try:
        os.link(draft, path)  # two processes starting at once: the first key wins
    except FileExistsError:
        pass
    finally:
        os.unlink(draft)
    return path
