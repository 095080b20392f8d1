"""Announcements: staff write one in each language and everyone enrolled is told."""

from support.web import post

from meetingpoint.academy.models import (
    Enrolment,
)
from meetingpoint.extensions import db
from meetingpoint.i18n import LANGUAGES


def announcement_form(**given) -> dict:
    data = {f"{field}_{lang}": "" for field in ("subject", "body") for lang in LANGUAGES}
    data.update(given)
    return data


def test_facilitators_announce_to_everyone_enrolled_in_their_language(
    client, auth, make_user, academy, outbox
):
    from meetingpoint.academy.models import FACILITATOR
    from meetingpoint.academy.services import enrol, follow
    from meetingpoint.notifications.models import Notification

    facilitator = make_user(display_name="Facilitator")
    db.session.add(Enrolment(academy_id=academy.id, user_id=facilitator.id, role=FACILITATOR))
    db.session.commit()
    ana, pierre, nadia = make_user(locale="pt"), make_user(locale="fr"), make_user(locale="es")
    enrol(ana, academy), enrol(pierre, academy), follow(nadia, academy)
    outsider = make_user()
    auth.login(facilitator)
    form = announcement_form(
        subject_en="Reading for Monday",
        body_en="Please read the module on social dialogue.",
        subject_fr="Lecture pour lundi",
        body_fr="Merci de lire le module sur le dialogue social.",
    )
    assert post(client, "/en/academy/sstc-2016/announcements", form).status_code == 302

    mails = {m["To"]: m for m in outbox()}
    assert set(mails) == {ana.email, pierre.email, nadia.email}
    assert mails[pierre.email]["Subject"] == "Lecture pour lundi"
    assert "Merci de lire" in mails[pierre.email].get_content()
    assert mails[ana.email]["Subject"] == "Reading for Monday"  # no Portuguese: English
    assert "Olá" in mails[ana.email].get_content()  # the greeting in her language
    notified = {n.user_id for n in db.session.scalars(db.select(Notification))}
    assert notified == {ana.id, pierre.id, nadia.id} and outsider.id not in notified
    auth.logout()
    auth.login(pierre)
    page = client.get("/fr/academy/sstc-2016/announcements").get_data(as_text=True)
    assert "Lecture pour lundi" in page and "Send an announcement" not in page
    note = db.session.scalar(db.select(Notification).where(Notification.user_id == pierre.id))
    target = client.get(f"/fr/notifications/{note.id}").headers["Location"]
    assert target == f"/fr/academy/sstc-2016/announcements#announcement-{note.announcement_id}"


def test_only_staff_announce_and_half_filled_forms_are_refused(
    client, auth, make_user, academy, outbox
):
    from meetingpoint.academy.models import Announcement
    from meetingpoint.academy.services import enrol

    participant = make_user()
    enrol(participant, academy)
    auth.login(participant)
    form = announcement_form(subject_en="Hi", body_en="All of you")
    assert post(client, "/en/academy/sstc-2016/announcements", form).status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    page = post(
        client, "/en/academy/sstc-2016/announcements", announcement_form(subject_es="Solo asunto")
    )
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert "Each language needs both a subject and a message." in text and "Solo asunto" in text
    empty = post(client, "/en/academy/sstc-2016/announcements", announcement_form())
    assert "Write the announcement in at least one language." in empty.get_data(as_text=True)
    assert db.session.query(Announcement).count() == 0 and outbox() == []


def test_an_announcement_without_the_form_s_token_is_refused(client, auth, make_user, academy):
    from meetingpoint.academy.models import Announcement

    auth.login(make_user(role="admin"))
    form = announcement_form(subject_en="Hi", body_en="All of you")
    assert client.post("/en/academy/sstc-2016/announcements", data=form).status_code == 400
    stale = post(client, "/en/academy/sstc-2016/announcements", form | {"csrf_token": "stale"})
    assert stale.status_code == 400
    assert db.session.query(Announcement).count() == 0
