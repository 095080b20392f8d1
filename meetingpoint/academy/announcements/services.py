"""Announcements from an Academy's staff: in-app and by email, in each recipient's language."""

from flask import render_template
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import Forbidden

from ...accounts.models import User
from ...extensions import db
from ...i18n import LANGUAGES
from ...notifications.delivery import email_renderer
from ...notifications.models import ANNOUNCEMENT, Notification
from ...notifications.services import notify
from ..models import Academy, Announcement, AnnouncementText, Enrolment
from ..services import AcademyError
from ..staff import is_staff

SUBJECT_MAX, BODY_MAX = 200, 10_000


def announce(user, academy: Academy, texts: dict[str, tuple[str, str]]) -> Announcement:
    """`texts`: language → (subject, body); English or any one language is enough, the
    others fall back to it. Everyone enrolled hears of it (not its author)."""
    if not is_staff(user, academy):
        raise Forbidden
    given = {
        lang: (subject.strip(), body.strip())
        for lang, (subject, body) in texts.items()
        if lang in LANGUAGES and (subject.strip() or body.strip())
    }
    if not given:
        raise AcademyError(_("Write the announcement in at least one language."))
    for subject, body in given.values():
        if not subject or not body:
            raise AcademyError(_("Each language needs both a subject and a message."))
        if len(subject) > SUBJECT_MAX or len(body) > BODY_MAX:
            raise AcademyError(_("Please use at most %(max)d characters.", max=BODY_MAX))
    announcement = Announcement(academy_id=academy.id, author_id=user.id)
    announcement.texts = [
        AnnouncementText(language=lang, subject=subject, body=body)
        for lang, (subject, body) in given.items()
    ]
    db.session.add(announcement)
    db.session.flush()
    recipients = list(
        db.session.scalars(
            select(User)
            .join(Enrolment, Enrolment.user_id == User.id)
            .where(Enrolment.academy_id == academy.id, User.deleted_at.is_(None))
        )
    )
    # In the app, and by email at once unless they chose otherwise (see email_announcement).
    notify([r.id for r in recipients], ANNOUNCEMENT, user.id, None, announcement_id=announcement.id)
    db.session.commit()
    return announcement


@email_renderer(ANNOUNCEMENT)
def email_announcement(notification_id: int, recipient) -> tuple[str, str]:
    """The announcement itself, in the recipient's language when it was written in it."""
    notification = db.session.get(Notification, notification_id)
    announcement = db.session.get(Announcement, notification.announcement_id)
    academy = db.session.get(Academy, announcement.academy_id)
    text = announcement.text(recipient.locale)
    body = render_template(
        "email/announcement.txt",
        user=recipient,
        text=text,
        academy_title=academy.text(recipient.locale).title,
    )
    return text.subject, body


def announcements_of(academy: Academy) -> list[Announcement]:
    query = (
        select(Announcement)
        .where(Announcement.academy_id == academy.id)
        .order_by(Announcement.id.desc())
    )
    return list(db.session.scalars(query))
