"""The Academy's settings form, and naming a facilitator by their email address."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, ValidationError

from ...i18n import LANGUAGES
from ...inputs import day_of, moment_of
from ..forms import in_every_language, text
from ..programme.agenda import venue_time
from .services import AcademyFields

DATE_FIELDS = ("starts_on", "ends_on", "follow_up_ends_on")
MOMENT_FIELDS = ("opens_at", "closes_at")
PLAIN_FIELDS = ("slug", "venue", "city", "country", "time_zone", "enrolment", "invitation_code")
WHEN_MISSING = _l("Please give every date and time.")


def _day(form, field):
    if day_of(field.data) is None:
        raise ValidationError(WHEN_MISSING)


def _moment(form, field):
    if moment_of(field.data) is None:
        raise ValidationError(WHEN_MISSING)


class AcademyForm(FlaskForm):
    """`settings.services` checks the rest: the address name, the English title, lengths,
    the country and time zone from the lists, the dates in order, the invitation code."""

    # In the page's order, so the first refusal is the first wrong field.
    slug = text(200)
    venue = text(200)
    city = text(200)
    country = text(200)
    time_zone = text(200)
    opens_at = text(200, [_moment])
    closes_at = text(200, [_moment])
    starts_on = text(200, [_day])
    ends_on = text(200, [_day])
    follow_up_ends_on = text(200, [_day])
    enrolment = text(200)
    invitation_code = text(200)
    survey_anonymous = BooleanField(false_values=("",))

    def typed(self) -> dict:
        """What was sent, to show the form again as it was."""
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}

    def academy_fields(self) -> AcademyFields:
        """Once validated; the two moments are wall-clock times at the venue."""
        return AcademyFields(
            venue=self.venue.data,
            city=self.city.data,
            country=self.country.data,
            time_zone=self.time_zone.data,
            enrolment=self.enrolment.data,
            invitation_code=self.invitation_code.data,
            survey_anonymous=self.survey_anonymous.data,
            texts={
                lang: (self[f"title_{lang}"].data, self[f"description_{lang}"].data)
                for lang in LANGUAGES
            },
            **{name: day_of(self[name].data) for name in DATE_FIELDS},
            **{name: moment_of(self[name].data) for name in MOMENT_FIELDS},
        )


in_every_language(AcademyForm, {"title": 1000, "description": 20000})


def typed_from(academy) -> dict:
    """What `academy` holds, in the venue's time, to fill the form in (never its code)."""
    typed = {
        name: getattr(academy, name) or "" for name in PLAIN_FIELDS if name != "invitation_code"
    }
    typed["invitation_code"] = ""
    typed.update({name: getattr(academy, name).isoformat() for name in DATE_FIELDS})
    for name, moment in (
        ("opens_at", academy.prelearning_opens_at),
        ("closes_at", academy.prelearning_closes_at),
    ):
        typed[name] = venue_time(academy, moment).strftime("%Y-%m-%dT%H:%M")
    typed["survey_anonymous"] = academy.survey_anonymous
    for lang in LANGUAGES:
        text_ = next((t for t in academy.texts if t.language == lang), None)
        typed[f"title_{lang}"] = text_.title if text_ else ""
        typed[f"description_{lang}"] = text_.description if text_ else ""
    return typed


class TeamForm(FlaskForm):
    """`settings.services.add_facilitator` says when no account has this address."""

    email = text(254)
