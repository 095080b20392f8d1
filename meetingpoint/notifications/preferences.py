"""How each person hears of each kind of event, and whether they get a digest (only if
they asked: unasked digests get reported as spam)."""

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, select

from ..extensions import db
from .models import (
    ANNOUNCEMENT,
    APP,
    CHAT_MENTION,
    DAILY,
    DIGEST,
    EMAIL,
    MENTION,
    NEW_TOPIC,
    OFF,
    REPLY,
    ROOM_NEWS,
    WATCHED_REPLY,
    WEEKLY,
    DigestSubscription,
    NotificationPreference,
)

DIRECT_MESSAGE = "direct_message"
EVENTS = {
    MENTION: _l("Someone mentions you"),
    REPLY: _l("Someone replies to you"),
    DIRECT_MESSAGE: _l("Someone writes to you directly"),
    "watched": _l("New posts in topics and rooms you watch"),
    ROOM_NEWS: _l("News in your rooms"),
    ANNOUNCEMENT: _l("Announcements of your Academies"),
}
CHANNELS = {
    APP: _l("In the app"),
    EMAIL: _l("In the app and by email at once"),
    DIGEST: _l("In the app and in my email digest"),
    OFF: _l("Not at all"),
}
DEFAULTS = {event: APP for event in EVENTS} | {ANNOUNCEMENT: EMAIL}
# Direct messages already show in the header's chat count: "in the app" adds no row.
EVENT_OF_KIND = {
    MENTION: MENTION,
    CHAT_MENTION: MENTION,
    REPLY: REPLY,
    NEW_TOPIC: "watched",
    WATCHED_REPLY: "watched",
    ROOM_NEWS: ROOM_NEWS,
    ANNOUNCEMENT: ANNOUNCEMENT,
}
FREQUENCIES = {"": _l("No digest"), DAILY: _l("Daily"), WEEKLY: _l("Weekly")}


class PreferencesError(Exception):
    """str() is translated."""


def channels_for(user_ids, event: str) -> dict[int, str]:
    """Each person's channel for `event` (one query; the default where they chose none)."""
    user_ids = list(user_ids)
    chosen = dict(
        db.session.execute(
            select(NotificationPreference.user_id, NotificationPreference.channel).where(
                NotificationPreference.user_id.in_(user_ids), NotificationPreference.event == event
            )
        ).all()
    ) if user_ids else {}  # fmt: skip
    return {uid: chosen.get(uid, DEFAULTS[event]) for uid in user_ids}


def preferences_of(user) -> dict[str, str]:
    rows = db.session.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id == user.id)
    )
    return DEFAULTS | {row.event: row.channel for row in rows if row.event in EVENTS}


def digest_frequency(user) -> str:
    subscription = db.session.get(DigestSubscription, user.id)
    return subscription.frequency if subscription else ""


def save(user, choices: dict[str, str], frequency: str) -> None:
    """Every event's channel and the digest's frequency, checked whole before saving."""
    if set(choices) != set(EVENTS) or not set(choices.values()) <= set(CHANNELS):
        raise PreferencesError(_("Choose one way for each kind of event."))
    if frequency not in FREQUENCIES:
        raise PreferencesError(_("Choose how often the digest comes."))
    db.session.execute(
        delete(NotificationPreference).where(NotificationPreference.user_id == user.id)
    )
    db.session.add_all(
        NotificationPreference(user_id=user.id, event=event, channel=channel)
        for event, channel in choices.items()
        if channel != DEFAULTS[event]
    )
    set_digest(user, frequency)
    db.session.commit()


def set_digest(user, frequency: str) -> None:
    """Subscribe (daily or weekly) or unsubscribe (""); the caller commits."""
    subscription = db.session.get(DigestSubscription, user.id)
    if not frequency:
        if subscription is not None:
            db.session.delete(subscription)
    elif subscription is None:
        db.session.add(DigestSubscription(user_id=user.id, frequency=frequency))
    else:
        subscription.frequency = frequency


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="digest-unsubscribe")


def unsubscribe_token(user) -> str:
    """Signed, so the link in a digest works without signing in and for nobody else."""
    return _serializer().dumps(user.id)


def token_owner(token: str) -> int | None:
    try:
        return int(_serializer().loads(token))
    except (BadSignature, TypeError, ValueError):
        return None


def unsubscribe(token: str) -> bool:
    """End the digest of the token's owner; False for a token that is not ours."""
    user_id = token_owner(token)
    if user_id is None:
        return False
    subscription = db.session.get(DigestSubscription, user_id)
    if subscription is not None:
        db.session.delete(subscription)
        db.session.commit()
    return True
