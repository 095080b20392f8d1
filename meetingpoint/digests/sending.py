"""Sending the digests of one period: each person at most once per period, however often
the command runs, in their own language and time zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..database import utcnow
from ..extensions import db
from ..mail import send_mail
from ..notifications.models import DAILY, WEEKLY, DigestDelivery, DigestSubscription
from ..notifications.preferences import unsubscribe_token
from ..notifications.services import posts_named
from ..notifications.wording import describe
from ..templating import person_name
from .compose import compose

LENGTH = {DAILY: timedelta(days=1), WEEKLY: timedelta(days=7)}


def period_key(frequency: str, now: datetime) -> str:
    if frequency == DAILY:
        return now.date().isoformat()
    year, week, _day = now.isocalendar()
    return f"{year}-W{week:02d}"


def send_digests(frequency: str, now: datetime | None = None) -> int:
    """Send this period's digests; returns how many went. A digest with nothing in it is
    not sent (the period still counts as done)."""
    now = now or utcnow()
    key = period_key(frequency, now)
    subscribers = db.session.scalars(
        select(User)
        .join(DigestSubscription, DigestSubscription.user_id == User.id)
        .where(
            DigestSubscription.frequency == frequency,
            User.deleted_at.is_(None),
            User.email_verified_at.is_not(None),
        )
        .order_by(User.id)
    ).all()
    sent = 0
    for user in subscribers:
        previous = db.session.scalar(
            select(func.max(DigestDelivery.sent_at)).where(DigestDelivery.user_id == user.id)
        )
        if not _claim(user, key, now):
            continue  # this period's digest is already out
        since = max(previous or now - LENGTH[frequency], now - 2 * LENGTH[frequency])
        try:
            if _send_one(user, frequency, since):
                sent += 1
        except Exception:  # give the period back, so the next run tries again
            current_app.logger.exception("Digest for user %s failed", user.id)
            db.session.execute(
                delete(DigestDelivery).where(
                    DigestDelivery.user_id == user.id, DigestDelivery.period == key
                )
            )
            db.session.commit()
    return sent


def _claim(user, key: str, now: datetime) -> bool:
    db.session.add(DigestDelivery(user_id=user.id, period=key, sent_at=now))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def _send_one(user, frequency: str, since: datetime) -> bool:
    digest = compose(user, since)
    if digest.is_empty:
        return False
    zone = ZoneInfo(user.time_zone or "UTC")
    token = unsubscribe_token(user)
    unsubscribe = url_for(
        "notifications.unsubscribe", token=token, lang_code=user.locale, _external=True
    )
    posts = posts_named(digest.waiting)
    with force_locale(user.locale):
        subject = _("Your daily digest") if frequency == DAILY else _("Your weekly digest")
        waiting = [
            (item, describe(item.kind, person_name(item.actor), _topic_of(posts, item)))
            for item in digest.waiting
        ]
        body = render_template(
            "email/digest.txt",
            user=user,
            digest=digest,
            since=format_datetime(since, "medium", tzinfo=zone, locale=user.locale),
            when=lambda moment: format_datetime(moment, "short", tzinfo=zone, locale=user.locale),
            waiting=waiting,
            person_name=person_name,
            unsubscribe=unsubscribe,
        )
    send_mail(
        user.email,
        f"{subject} · Meeting Point",
        body,
        language=user.locale,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return True


def _topic_of(posts: dict, item) -> str:
    post = posts.get(item.post_id)
    return post.topic.title if post else ""
