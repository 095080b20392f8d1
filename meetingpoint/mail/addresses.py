"""The addresses our mail carries and answers come to: reply+<key>, bounces+<key> (VERP)
and a room's own, all on MAIL_REPLY_DOMAIN, each signed with a key made from SECRET_KEY."""

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from ..database import utcnow
from ..extensions import db
from .models import ReplyKey

REPLY, BOUNCES = "reply", "bounces"
_SIGNED = re.compile(r"^(?P<id>[0-9]{1,10})-(?P<signature>[a-z2-7]{20})$")
# A return path's token: a kind ("" a person, "i" an invitation), an id, a signature.
_RETURN = re.compile(r"^(?P<kind>[a-z]?)(?P<id>[0-9]{1,10})-(?P<signature>[a-z2-7]{20})$")


def reply_domain() -> str | None:
    return current_app.config.get("MAIL_REPLY_DOMAIN") or None


def _signature(*parts: object) -> str:
    """20 base32 characters (100 bits) of an HMAC: lower case, since some MTAs fold the
    local part of an address to lower case."""
    secret = hashlib.sha256(current_app.config["SECRET_KEY"].encode() + b"|mail").digest()
    message = "|".join(str(part) for part in parts).encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return base64.b32encode(digest).decode().lower()[:20]


def reply_address(user_id: int, target: str, target_id: int) -> str | None:
    """The address that answers `target` as `user_id`: the person's key for it, made or
    refreshed now. None without a reply domain."""
    domain = reply_domain()
    if domain is None:
        return None
    key = db.session.scalar(
        select(ReplyKey)
        .where(
            ReplyKey.user_id == user_id,
            ReplyKey.target == target,
            ReplyKey.target_id == target_id,
            ReplyKey.revoked_at.is_(None),
        )
        .order_by(ReplyKey.id.desc())
        .limit(1)
    )
    now = utcnow()
    if key is None:
        key = ReplyKey(user_id=user_id, target=target, target_id=target_id, created_at=now)
        db.session.add(key)
    key.last_sent_at = now
    db.session.flush()
    return f"{REPLY}+{key.id}-{_signature(REPLY, key.id, user_id, target, target_id)}@{domain}"


@dataclass(frozen=True)
class KeyCheck:
    key: ReplyKey | None
    problem: str | None  # "unknown", "revoked", "expired"


def check_reply_key(token: str) -> KeyCheck:
    """The key a reply+<token> address names, or why it names none."""
    found = _SIGNED.match(token.lower())
    key = db.session.get(ReplyKey, int(found["id"])) if found else None
    if key is None or not hmac.compare_digest(
        found["signature"], _signature(REPLY, key.id, key.user_id, key.target, key.target_id)
    ):
        return KeyCheck(None, "unknown")
    if key.revoked_at is not None:
        return KeyCheck(key, "revoked")
    days = current_app.config["MAIL_REPLY_KEY_DAYS"]
    if key.last_sent_at < utcnow() - timedelta(days=days):
        return KeyCheck(key, "expired")
    return KeyCheck(key, None)


def revoke_reply_keys(user_id: int) -> None:
    """Every reply address handed to the person stops working (the caller commits)."""
    db.session.execute(
        update(ReplyKey)
        .where(ReplyKey.user_id == user_id, ReplyKey.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def return_path(user_id: int | None, email: str, kind: str = "") -> str | None:
    """The envelope sender of a mail to `email`: bounces+<kind><id>-<signature>@domain (the
    id a person's, or with kind "i" an invitation's), so a bounce names whom it is about and
    cannot be forged to stop someone else's mail."""
    domain = reply_domain()
    if domain is None:
        return None
    if user_id is None:
        return f"{BOUNCES}@{domain}"
    signature = _signature(BOUNCES, f"{kind}{user_id}", email.lower())
    return f"{BOUNCES}+{kind}{user_id}-{signature}@{domain}"


def bounce_token(token: str) -> tuple[str, int] | None:
    """(kind, id) of a bounces+<token> address, its signature not yet checked."""
    found = _RETURN.match(token.lower())
    return (found["kind"], int(found["id"])) if found else None


def bounce_signed(token: str, email: str | None) -> bool:
    """Whether a bounces+<token> address was made for mail to `email` (as it is now: a
    bounce for an address since changed counts for none)."""
    found = _RETURN.match(token.lower())
    if not found or not email:
        return False
    expected = _signature(BOUNCES, f"{found['kind']}{found['id']}", email.lower())
    return hmac.compare_digest(found["signature"], expected)


def bounced_user(token: str, email_of) -> int | None:
    """The user a bounces+<token> address was made for, if its signature holds for the
    address they have now (`email_of(user_id)`)."""
    parsed = bounce_token(token)
    if parsed is None or parsed[0] != "":
        return None
    return parsed[1] if bounce_signed(token, email_of(parsed[1])) else None


def room_address(slug: str) -> str | None:
    domain = reply_domain()
    if domain is None:
        return None
    return current_app.config["MAIL_ROOM_ADDRESS"].format(room=slug, domain=domain)


@dataclass(frozen=True)
class Recipient:
    """What an address we receive at stands for: kind is "reply", "bounces" or "room"."""

    kind: str
    value: str  # the token, or the room's slug ("" for the bare bounces address)


def recipient_of(address: str) -> Recipient | None:
    """Read an address mail came to; None for any address that is not ours."""
    domain = reply_domain()
    local, _at, at_domain = address.strip().strip("<>").rpartition("@")
    if domain is None or at_domain.lower() != domain.lower() or not local:
        return None
    base, _plus, detail = local.partition("+")
    if base.lower() in (REPLY, BOUNCES):
        return Recipient(base.lower(), detail)
    pattern = re.escape(current_app.config["MAIL_ROOM_ADDRESS"]).replace(
        re.escape("{room}"), r"(?P<room>[a-z0-9-]{1,80})"
    )
    pattern = pattern.replace(re.escape("{domain}"), re.escape(domain))
    found = re.fullmatch(pattern, address.strip().strip("<>"), flags=re.IGNORECASE)
    return Recipient("room", found["room"].lower()) if found else None
