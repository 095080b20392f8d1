"""Push to people's devices (RFC 8030, 8291, 8292): one job per device, handed over after
the commit, worded in the recipient's language; a device its push service has forgotten
(404, 410) is removed."""

import json
import logging
from collections.abc import Callable
from functools import partial

from flask import current_app, url_for
from flask_babel import force_locale
from pywebpush import WebPushException, webpush
from sqlalchemy import select

from ..accounts.models import User
from ..commits import on_commit
from ..database import utcnow
from ..extensions import db
from ..jobs import dispatch, job
from . import vapid
from .delivery import summary
from .models import Notification, PushSubscription
from .push_settings import shows_text

log = logging.getLogger(__name__)
EXCERPT = 200  # characters of text a push shows, when the person allows it (4 KB at most)

# kind → fn(target id, recipient, show_text) -> the message, or None when there is nothing
# to say any more (read already, deleted); registered by features, as email_renderer.
_renderers: dict[str, Callable] = {}


def push_renderer(kind: str):
    """Decorator: how a feature words the push for its kind of event."""

    def register(fn: Callable) -> Callable:
        _renderers[kind] = fn
        return fn

    return register


def message(title: str, body: str, url: str, tag: str) -> dict:
    """What the service worker shows (static/js/sw-push.js): `tag` folds pushes about the
    same thing into one notification; `url` opens when it is clicked."""
    return {"title": title, "body": body, "url": url, "tag": tag}


def queue(kind: str, user_id: int, target) -> None:
    """Push to each of `user_id`'s devices about `target` once the transaction commits."""

    def prepare():
        devices = db.session.scalars(
            select(PushSubscription.id).where(PushSubscription.user_id == user_id)
        ).all()
        return partial(_hand_over, list(devices), kind, target.id)

    on_commit(db.session, prepare)


def _hand_over(devices: list[int], kind: str, target_id: int) -> None:
    for device_id in devices:
        dispatch(push_to_device, device_id, kind, target_id)


def _push_key(device_id: int, kind: str, target_id: int) -> str:
    return f"push:{kind}:{device_id}:{target_id}"


@job("notifications.push", key=_push_key)
def push_to_device(device_id: int, kind: str, target_id: int) -> None:
    """One push to one device. A failure other than "gone" propagates, for a retry."""
    device = db.session.get(PushSubscription, device_id)
    if device is None:  # removed since
        return
    recipient = db.session.get(User, device.user_id)
    if recipient is None or not recipient.is_active:
        return
    render = _renderers.get(kind, _notification_push)
    with force_locale(recipient.locale):
        content = render(target_id, recipient, shows_text(recipient.id))
    if content is None:
        return
    send(device, content | {"lang": recipient.locale})


def send(device: PushSubscription, content: dict) -> None:
    config = current_app.config
    try:
        webpush(
            subscription_info={
                "endpoint": device.endpoint,
                "keys": {"p256dh": device.p256dh, "auth": device.auth},
            },
            data=json.dumps(content),
            vapid_private_key=vapid.signer(),
            vapid_claims={"sub": vapid.subject()},  # a new dict: webpush adds aud and exp
            content_encoding="aes128gcm",
            ttl=config["PUSH_TTL_SECONDS"],
            timeout=config["PUSH_TIMEOUT_SECONDS"],
            headers={"Urgency": "normal", "Topic": content["tag"][:32]},
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status not in (404, 410):
            raise
        # The browser unsubscribed, or the person cleared its data: the device is gone.
        log.info("Push service answered %s: removing device %s", status, device.id)
        db.session.delete(device)
        db.session.commit()
        return
    device.last_push_at = utcnow()
    db.session.commit()


def _notification_push(notification_id: int, recipient, show_text: bool) -> dict | None:
    """The notification centre's wording; opening it marks it read."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.read_at is not None:
        return None
    what, excerpt = summary(notification)
    link = url_for(
        "notifications.open",
        notification_id=notification.id,
        lang_code=recipient.locale,
        _external=True,
    )
    return message(what, excerpt[:EXCERPT] if show_text else "", link, f"n{notification.id}")
