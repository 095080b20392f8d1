"""Addresses mail comes back from: counted per address, stopped after too many hard bounces."""

from flask import current_app
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from .models import BouncedAddress


def is_stopped(email: str | None) -> bool:
    if not email:
        return False
    found = db.session.get(BouncedAddress, email.lower())
    return found is not None and found.stopped_at is not None


def stopped_state(email: str | None) -> BouncedAddress | None:
    """The address's bounce record when mail to it has stopped, for the settings page."""
    if not email:
        return None
    found = db.session.get(BouncedAddress, email.lower())
    return found if found is not None and found.stopped_at is not None else None


def record_bounce(email: str, hard: bool, status: str, diagnostic: str) -> BouncedAddress:
    """Count one bounce of mail to `email`; the MAIL_BOUNCES_TO_STOP-th hard one stops mail
    to it. Commits."""
    address = email.lower()
    found = db.session.get(BouncedAddress, address)
    if found is None:
        try:
            with db.session.begin_nested():
                found = BouncedAddress(email=address, hard_bounces=0, soft_bounces=0)
                db.session.add(found)
        except IntegrityError:  # another process recorded its first bounce just now
            found = db.session.get_one(BouncedAddress, address)
    if hard:
        found.hard_bounces = (found.hard_bounces or 0) + 1
    else:
        found.soft_bounces = (found.soft_bounces or 0) + 1
    found.last_bounce_at = utcnow()
    found.last_status, found.last_diagnostic = status[:20], diagnostic[:2000]
    limit = current_app.config["MAIL_BOUNCES_TO_STOP"]
    if found.stopped_at is None and found.hard_bounces >= limit:
        found.stopped_at = utcnow()
    db.session.commit()
    return found


def resume(email: str) -> None:
    """Mail to `email` starts again, its count from zero (the caller commits)."""
    found = db.session.get(BouncedAddress, email.lower())
    if found is not None:
        db.session.delete(found)
