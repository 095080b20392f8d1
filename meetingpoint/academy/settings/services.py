"""Staff set an Academy up: place, dates and texts in each language, how people enrol, and
who facilitates it and its modules."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import Forbidden

from ...accounts.models import User
from ...accounts.passwords import hash_password
from ...extensions import db
from ...geography import REGION_OF
from ...i18n import LANGUAGES
from ..models import (
    ENROL_INVITATION,
    ENROL_OPEN,
    FACILITATOR,
    OBSERVER,
    Academy,
    AcademyText,
    Enrolment,
    ModuleFacilitator,
    SurveyResponse,
)
from ..services import AcademyError
from ..staff import is_staff

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$")
RESERVED_SLUGS = {"new"}  # taken by the creation page's address
TITLE_MAX, DESCRIPTION_MAX, PLACE_MAX, CODE_MIN, CODE_MAX = 200, 5000, 160, 6, 100


@dataclass
class AcademyFields:
    """What the staff type; the two pre-learning instants are wall-clock times at the venue."""

    venue: str
    city: str
    country: str
    time_zone: str
    starts_on: date
    ends_on: date
    opens_at: datetime
    closes_at: datetime
    follow_up_ends_on: date
    enrolment: str = ENROL_OPEN
    invitation_code: str = ""
    survey_anonymous: bool = True
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang: (title, description)


def create_academy(user, slug: str, fields: AcademyFields) -> Academy:
    """Admins open a new Academy; its facilitators are named afterwards."""
    if not (user.is_authenticated and user.is_admin):
        raise Forbidden
    slug = slug.strip().lower()
    if not SLUG.match(slug) or slug in RESERVED_SLUGS:
        raise AcademyError(
            _("The address name uses 3 to 64 lowercase letters, digits and hyphens.")
        )
    if db.session.scalar(select(Academy.id).where(Academy.slug == slug)):
        raise AcademyError(_("Another Academy already uses this address name."))
    academy = Academy(slug=slug)
    _apply(academy, fields, has_answers=False)
    db.session.add(academy)
    db.session.commit()
    return academy


def update_academy(user, academy: Academy, fields: AcademyFields) -> None:
    """Staff change anything but the address. Whether the questionnaire is anonymous is
    settled by its first answer: people answered on that promise."""
    if not is_staff(user, academy):
        raise Forbidden
    answered = db.session.scalar(
        select(SurveyResponse.id).where(SurveyResponse.academy_id == academy.id).limit(1)
    )
    _apply(academy, fields, has_answers=answered is not None)
    db.session.commit()


def _apply(academy: Academy, fields: AcademyFields, has_answers: bool) -> None:
    texts = {lang: tuple(s.strip() for s in fields.texts.get(lang, ("", ""))) for lang in LANGUAGES}
    if not texts["en"][0]:
        raise AcademyError(_("The English title is required."))
    for title, description in texts.values():
        if len(title) > TITLE_MAX or len(description) > DESCRIPTION_MAX:
            raise AcademyError(_("Please use at most %(max)d characters.", max=DESCRIPTION_MAX))
    venue, city = fields.venue.strip(), fields.city.strip()
    if not venue or not city or len(venue) > PLACE_MAX or len(city) > PLACE_MAX:
        raise AcademyError(_("Give the venue and the city (at most 160 characters each)."))
    if fields.country not in REGION_OF:
        raise AcademyError(_("Choose the country from the list."))
    try:
        zone = ZoneInfo(fields.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise AcademyError(_("Choose the venue's time zone from the list.")) from None
    opens, closes = (t.replace(tzinfo=zone) for t in (fields.opens_at, fields.closes_at))
    if not opens < closes:
        raise AcademyError(_("The pre-learning phase must close after it opens."))
    if not fields.starts_on <= fields.ends_on <= fields.follow_up_ends_on:
        raise AcademyError(
            _("The face-to-face days end after they start, and the follow-up after both.")
        )
    if fields.enrolment not in (ENROL_OPEN, ENROL_INVITATION):
        raise AcademyError(_("Choose how participants enrol."))
    code = fields.invitation_code.strip()
    if code and not CODE_MIN <= len(code) <= CODE_MAX:
        raise AcademyError(_("An invitation code has 6 to 100 characters."))
    if fields.enrolment == ENROL_INVITATION and not (code or academy.invitation_code_hash):
        raise AcademyError(_("Set an invitation code for invited participants."))
    if has_answers and fields.survey_anonymous != academy.survey_anonymous:
        raise AcademyError(
            _("The questionnaire has answers: whether it is anonymous can no longer change.")
        )
    academy.venue, academy.city, academy.country = venue, city, fields.country
    academy.time_zone = fields.time_zone
    academy.starts_on, academy.ends_on = fields.starts_on, fields.ends_on
    academy.follow_up_ends_on = fields.follow_up_ends_on
    academy.prelearning_opens_at = opens.astimezone(ZoneInfo("UTC"))
    academy.prelearning_closes_at = closes.astimezone(ZoneInfo("UTC"))
    academy.enrolment = fields.enrolment
    if code:
        academy.invitation_code_hash = hash_password(code)
    academy.survey_anonymous = fields.survey_anonymous
    academy.texts = [
        AcademyText(language=lang, title=title, description=description)
        for lang, (title, description) in texts.items()
        if title
    ]


def facilitators_of(academy: Academy, module=None) -> list[User]:
    """The Academy's facilitators, or those who lead `module`."""
    query = (
        select(User)
        .join(Enrolment, Enrolment.user_id == User.id)
        .where(Enrolment.academy_id == academy.id, Enrolment.role == FACILITATOR)
        .order_by(User.display_name)
    )
    if module is not None:
        query = query.join(
            ModuleFacilitator,
            (ModuleFacilitator.user_id == User.id) & (ModuleFacilitator.module_id == module.id),
        )
    return list(db.session.scalars(query))


def add_facilitator(user, academy: Academy, email: str) -> User:
    """Staff name a facilitator by the email address of their account."""
    if not is_staff(user, academy):
        raise Forbidden
    person = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if person is None or person.deleted_at is not None:
        raise AcademyError(_("No participant has an account with this email address."))
    enrolment = db.session.get(Enrolment, (academy.id, person.id))
    if enrolment is None:
        db.session.add(Enrolment(academy_id=academy.id, user_id=person.id, role=FACILITATOR))
    else:
        enrolment.role = FACILITATOR
    db.session.commit()
    return person


def remove_facilitator(user, academy: Academy, person_id: int) -> None:
    """They stay as an observer and leave the modules they led."""
    if not is_staff(user, academy):
        raise Forbidden
    enrolment = db.session.get(Enrolment, (academy.id, person_id))
    if enrolment is None or enrolment.role != FACILITATOR:
        return
    enrolment.role = OBSERVER
    for module in academy.modules:
        module.facilitators = [f for f in module.facilitators if f.user_id != person_id]
    db.session.commit()


def set_module_facilitators(module, academy: Academy, user_ids: list[int]) -> None:
    """Part of a module's edit (committed there): only the Academy's own facilitators."""
    allowed = {person.id for person in facilitators_of(academy)}
    module.facilitators = [
        ModuleFacilitator(user_id=user_id) for user_id in sorted(set(user_ids) & allowed)
    ]
