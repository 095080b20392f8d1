"""Sending the digests of one period: each person at most once per period, however often
the command runs, in their own language and time zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..database import utcnow
from ..extensions import db
from ..jobs import dispatch, job, run_now
from ..jobs.queue import through_queue
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


def send_digests(frequency: str, now: datetime | None = None) -> tuple[int, bool]:
    """Hand this period's digests over, one job per subscriber: `(count, queued)`. Through
    the queue, `count` digests were queued; otherwise they ran here and `count` were sent
    (a digest with nothing in it is not sent, and the period still counts as done)."""
    now = now or utcnow()
    subscribers = db.session.scalars(
        select(User.id)
        .join(DigestSubscription, DigestSubscription.user_id == User.id)
        .where(
            DigestSubscription.frequency == frequency,
            User.deleted_at.is_(None),
            User.email_verified_at.is_not(None),
        )
        .order_by(User.id)
    ).all()
    if through_queue():
        for user_id in subscribers:
            dispatch(send_digest, user_id, frequency, now.isoformat())
        return len(subscribers), True
    sent = [run_now(send_digest, user_id, frequency, now.isoformat()) for user_id in subscribers]
    return sent.count(True), False


def _digest_key(user_id: int, frequency: str, now: str) -> str:
    return f"digest:{user_id}:{period_key(frequency, datetime.fromisoformat(now))}"


@job("digests.send", key=_digest_key)
def send_digest(user_id: int, frequency: str, now: str) -> bool:
    """One person's digest of the period containing `now`; whether a mail went. Claimed
    with a DigestDelivery row first, so a second run in the period sends nothing."""
    moment = datetime.fromisoformat(now)
    key = period_key(frequency, moment)
    user = db.session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        return False
    previous = db.session.scalar(
        select(func.max(DigestDelivery.sent_at)).where(DigestDelivery.user_id == user.id)
    )
    if not _claim(user, key, moment):
        return False  # this period's digest is already out
    since = max(previous or moment - LENGTH[frequency], moment - 2 * LENGTH[frequency])
    try:
        return _send_one(user, frequency, since)
    except Exception:  # give the period back, so the next attempt sends it
        db.session.rollback()
        db.session.execute(
            delete(DigestDelivery).where(
                DigestDelivery.user_id == user_id, DigestDelivery.period == key
            )
        )
        db.session.commit()
        raise


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
        recipient_id=user.id,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return True


def _topic_of(posts: dict, item) -> str:
    post = posts.get(item.post_id)
    return post.topic.title if post else ""
