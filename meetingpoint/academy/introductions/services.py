"""Introductions: each participant writes one (and may rewrite it); everyone may browse
them, filtered by country, region and constituency."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ...accounts.models import User
from ...database import utcnow
from ...extensions import db
from ...geography import countries_in
from ...languages import written_in
from ..models import FACILITATOR, PARTICIPANT, Academy, Enrolment, Introduction
from ..services import AcademyError

FIELD_MAX = 2000


def may_introduce(user, academy: Academy) -> bool:
    if not user.is_authenticated:
        return False
    enrolment = db.session.get(Enrolment, (academy.id, user.id))
    return enrolment is not None and enrolment.role in (PARTICIPANT, FACILITATOR)


def introduction_of(user, academy: Academy) -> Introduction | None:
    return db.session.get(Introduction, (academy.id, user.id))


def write_introduction(user, academy: Academy, fields: dict) -> Introduction:
    """Create or replace the participant's introduction; observers are refused."""
    if not may_introduce(user, academy):
        raise AcademyError(_("Only participants of this Academy introduce themselves here."))
    if not (fields.get("about") or "").strip():
        raise AcademyError(_("Say at least who you are."))
    text = "\n\n".join(fields.get(name) or "" for name in ("about", "work", "brings", "hopes"))
    language = written_in(fields.get("language"), text)
    if language is None:
        raise AcademyError(_("Choose the language the message is written in."))
    fields = {**fields, "language": language}
    for name in ("about", "work", "brings", "hopes"):
        if len(fields.get(name) or "") > FIELD_MAX:
            raise AcademyError(_("Please use at most %(max)d characters.", max=FIELD_MAX))
    introduction = introduction_of(user, academy)
    if introduction is None:
        introduction = Introduction(academy_id=academy.id, user_id=user.id)
        db.session.add(introduction)
    for name in ("language", "about", "work", "brings", "hopes"):
        setattr(introduction, name, (fields.get(name) or "").strip())
    introduction.updated_at = utcnow()
    db.session.commit()
    return introduction


def gallery(academy: Academy, country: str = "", region: str = "", constituency: str = ""):
    """Introductions of active participants, newest first, filtered as asked."""
    query = (
        select(Introduction)
        .join(User, User.id == Introduction.user_id)
        .options(joinedload(Introduction.user))
        .where(Introduction.academy_id == academy.id, User.deleted_at.is_(None))
        .order_by(Introduction.created_at.desc())
    )
    if country:
        query = query.where(User.country == country)
    if region:
        query = query.where(User.country.in_(countries_in(region)))
    if constituency:
        query = query.where(User.constituency == constituency)
    return list(db.session.scalars(query))
