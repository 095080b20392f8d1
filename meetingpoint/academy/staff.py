"""Who runs an Academy: the admins, and the Academy's own facilitators."""

from werkzeug.exceptions import Forbidden

from ..accounts.standing import in_good_standing
from ..extensions import db
from .models import FACILITATOR, Academy, Enrolment
from .services import access_academy


def is_staff(user, academy: Academy) -> bool:
    """Admins, and the facilitators of this Academy; nobody while suspended."""
    if not user.is_authenticated or not in_good_standing(user):
        return False
    if user.is_admin:
        return True
    enrolment = db.session.get(Enrolment, (academy.id, user.id))
    return enrolment is not None and enrolment.role == FACILITATOR


def access_staff_academy(slug: str, user) -> Academy:
    """The Academy at `slug`, for its staff only (others get 403)."""
    academy = access_academy(slug)
    if not is_staff(user, academy):
        raise Forbidden
    return academy
