"""Push as a channel: which kinds of event each person has pushed, whether the text may
show on a lock screen, and the devices they turned it on for."""

import base64
import ipaddress
import re
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from werkzeug.exceptions import NotFound

from ..extensions import db
from .models import MENTION, PushPreference, PushSettings, PushSubscription
from .preferences import DIRECT_MESSAGE, EVENTS

# On unless the person turns it off: what is addressed to them alone.
PUSH_DEFAULTS = {event: event in (MENTION, DIRECT_MESSAGE) for event in EVENTS}
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class PushError(Exception):
    """str() is translated."""


def pushed_events(user) -> set[str]:
    rows = db.session.scalars(select(PushPreference).where(PushPreference.user_id == user.id))
    chosen = PUSH_DEFAULTS | {row.event: row.enabled for row in rows if row.event in EVENTS}
    return {event for event, on in chosen.items() if on}


def shows_text(user_id: int) -> bool:
    settings = db.session.get(PushSettings, user_id)
    return bool(settings and settings.show_text)


def wanting(user_ids, event: str) -> set[int]:
    """Who among `user_ids` has a device and push on for `event` (no query for the many
    who have no device)."""
    user_ids = set(user_ids)
    if not user_ids:
        return set()
    with_device = set(
        db.session.scalars(
            select(PushSubscription.user_id)
            .where(PushSubscription.user_id.in_(user_ids))
            .distinct()
        )
    )
    if not with_device:
        return set()
    chosen = dict(
        db.session.execute(
            select(PushPreference.user_id, PushPreference.enabled).where(
                PushPreference.user_id.in_(with_device), PushPreference.event == event
            )
        ).all()
    )
    return {uid for uid in with_device if chosen.get(uid, PUSH_DEFAULTS[event])}


def check(events) -> None:
    if not set(events) <= set(EVENTS):
        raise PushError(_("Choose one way for each kind of event."))


def choose(user, events, show_text: bool) -> None:
    """Save the kinds of event pushed and the lock-screen choice."""
    check(events)
    events = set(events)
    db.session.execute(delete(PushPreference).where(PushPreference.user_id == user.id))
    db.session.add_all(
        PushPreference(user_id=user.id, event=event, enabled=event in events)
        for event in EVENTS
        if (event in events) != PUSH_DEFAULTS[event]
    )
    settings = db.session.get(PushSettings, user.id)
    if settings is None:
        db.session.add(PushSettings(user_id=user.id, show_text=show_text))
    else:
        settings.show_text = show_text
    db.session.commit()


def devices_of(user) -> list[PushSubscription]:
    query = select(PushSubscription).where(PushSubscription.user_id == user.id)
    return list(db.session.scalars(query.order_by(PushSubscription.id)))


def subscribe(user, data, user_agent: str) -> PushSubscription:
    """Keep this device's subscription (the browser's PushSubscription.toJSON()); the same
    endpoint again is the same device, moved to whoever is signed in on it now."""
    endpoint, p256dh, auth = _checked(data)
    same = select(PushSubscription).where(PushSubscription.endpoint == endpoint)
    device = db.session.scalar(same)
    if device is None:
        count = select(func.count()).where(PushSubscription.user_id == user.id)
        if db.session.scalar(count) >= current_app.config["PUSH_DEVICES_PER_PERSON"]:
            raise PushError(_("You have too many devices: remove one first."))
        device = PushSubscription(endpoint=endpoint)
        db.session.add(device)
    device.user_id, device.p256dh, device.auth = user.id, p256dh, auth
    device.device = device_name(user_agent)
    db.session.commit()
    return device


def remove(user, device_id: int) -> None:
    device = db.session.get(PushSubscription, device_id)
    if device is None or device.user_id != user.id:
        raise NotFound
    db.session.delete(device)
    db.session.commit()


def _checked(data) -> tuple[str, str, str]:
    keys = data.get("keys") if isinstance(data, dict) else None
    endpoint = data.get("endpoint") if isinstance(data, dict) else None
    if not isinstance(keys, dict) or not isinstance(endpoint, str) or len(endpoint) > 1000:
        raise PushError(_("This browser sent a subscription we cannot use."))
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    # RFC 8291: an uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
    if not _push_service(endpoint) or _size(p256dh) != 65 or _size(auth) != 16:
        raise PushError(_("This browser sent a subscription we cannot use."))
    return endpoint, p256dh, auth


def _push_service(endpoint: str) -> bool:
    """Whether our workers may POST to `endpoint`: a push service is HTTPS on a public
    host; never this machine or the private network (the tests' stand-in excepted)."""
    try:
        parts = urlsplit(endpoint)
        host = parts.hostname or ""
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return False
    if host in _LOOPBACK:
        return current_app.config["PUSH_LOOPBACK_HTTP"] and parts.scheme in ("http", "https")
    return parts.scheme == "https" and "." in host and not _private(host)


def _private(host: str) -> bool:
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:  # a name, not an address
        return host.endswith((".localhost", ".local", ".internal"))


def _size(value) -> int:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,120}={0,2}", value):
        return -1
    return len(base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value) % 4)))


_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
             ("Chrome/", "Chrome"), ("Safari/", "Safari"))  # fmt: skip
_SYSTEMS = (("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"),
            ("Windows", "Windows"), ("Mac OS", "macOS"), ("CrOS", "ChromeOS"),
            ("Linux", "Linux"))  # fmt: skip


def device_name(user_agent: str) -> str:
    """ "Firefox/Android", kept untranslated: `device_label` words it for each reader."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "")
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    return f"{browser}/{system}"


def device_label(device: PushSubscription) -> str:
    """ "Firefox on Android": enough for a person to tell their devices apart."""
    browser, _slash, system = device.device.partition("/")
    if browser and system:
        return _("%(browser)s on %(system)s", browser=browser, system=system)
    return browser or system or _("A browser")
