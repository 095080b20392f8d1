"""The Academy: the example seeded from the 2016 Academy, status by the venue's calendar,
pages in every language, following and enrolling (open or by invitation code)."""

from datetime import UTC, datetime

import pytest
from support.pages import check_page
from support.web import post
from werkzeug.security import generate_password_hash

from meetingpoint.academy import services
from meetingpoint.academy.models import (
    ENROL_INVITATION,
    Academy,
    AgendaSession,
    Enrolment,
    ModuleText,
    SurveyQuestion,
)
from meetingpoint.extensions import db
from meetingpoint.i18n import LANGUAGES


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2016-06-13T07:59:00+02:00", services.UPCOMING),
        ("2016-06-13T08:00:00+02:00", services.PRELEARNING),
        # 22:00 UTC on 10 July is already midnight on 11 July in Turin: the week has begun.
        ("2016-07-10T21:59:00+00:00", services.PRELEARNING),
        ("2016-07-10T22:00:00+00:00", services.FACE_TO_FACE),
        ("2016-07-15T23:59:00+02:00", services.FACE_TO_FACE),
        ("2016-07-16T00:00:00+02:00", services.FOLLOW_UP),
        ("2016-12-31T23:59:00+01:00", services.FOLLOW_UP),
        ("2017-01-01T00:00:00+01:00", services.ARCHIVED),
    ],
)
def test_status_follows_the_dates_in_the_venue_s_time_zone(academy, moment, expected):
    assert services.status(academy, at(moment)) == expected


def test_the_example_academy_has_ten_modules_in_four_languages(academy):
    assert len(academy.modules) == 10
    for module in academy.modules:
        assert {t.language for t in module.texts} == set(LANGUAGES)
        assert 2 <= len(module.questions) <= 4
        for question in module.questions:
            assert {t.language for t in question.texts} == set(LANGUAGES)
    assert services.seed_academy() == 0  # safe to repeat


@pytest.mark.parametrize("lang", LANGUAGES)
def test_academy_pages_render_in_every_language(client, auth, make_user, academy, lang):
    auth.login(make_user(role="admin"))
    check_page(client.get(f"/{lang}/academy/"), lang)
    page = check_page(client.get(f"/{lang}/academy/sstc-2016/"), lang)
    assert academy.text(lang).title in page
    module = academy.modules[6]  # social dialogue
    page = check_page(client.get(f"/{lang}/academy/sstc-2016/modules/{module.slug}"), lang)
    assert module.questions[0].text(lang).text.replace("'", "&#39;") in page
    assert 'href="/' + lang + '/rooms/social-dialogue/"' in page
    check_page(client.get(f"/{lang}/academy/sstc-2016/programme"), lang)
    check_page(client.get(f"/{lang}/academy/sstc-2016/introductions"), lang)
    check_page(client.get(f"/{lang}/academy/sstc-2016/announcements"), lang)
    check_page(client.get(f"/{lang}/academy/sstc-2016/questionnaire"), lang)
    check_page(client.get(f"/{lang}/academy/sstc-2016/questionnaire/results"), lang)
    check_page(client.get(f"/{lang}/academy/sstc-2016/dashboard"), lang)
    check_page(client.get(f"/{lang}/academy/sstc-2016/modules/{module.slug}/edit"), lang)
    # The staff's set-up pages.
    session_id = db.session.scalar(db.select(AgendaSession.id))
    question_id = db.session.scalar(db.select(SurveyQuestion.id))
    for path in (
        "new",
        "sstc-2016/edit",
        "sstc-2016/team",
        "sstc-2016/modules/new",
        "sstc-2016/programme/new",
        f"sstc-2016/programme/{session_id}/edit",
        "sstc-2016/questionnaire/questions/new",
        f"sstc-2016/questionnaire/questions/{question_id}/edit",
    ):
        check_page(client.get(f"/{lang}/academy/{path}"), lang)


def test_a_missing_translation_falls_back_to_english(client, academy):
    module = academy.modules[0]
    db.session.delete(db.session.get(ModuleText, (module.id, "pt")))
    db.session.commit()
    page = client.get(f"/pt/academy/sstc-2016/modules/{module.slug}").get_data(as_text=True)
    assert "South-South cooperation and the Sustainable Development Goals" in page
    assert '<html lang="pt"' in page


def role_of(academy, user) -> str | None:
    db.session.expire_all()
    enrolment = db.session.get(Enrolment, (academy.id, user.id))
    return enrolment.role if enrolment else None


def test_follow_then_take_part_and_never_step_down(client, auth, make_user, academy):
    person = make_user()
    auth.login(person)
    post(client, "/en/academy/sstc-2016/follow")
    assert role_of(academy, person) == "observer"
    assert "You follow this Academy as an observer." in client.get(
        "/en/academy/sstc-2016/"
    ).get_data(as_text=True)
    post(client, "/en/academy/sstc-2016/enrol")
    post(client, "/en/academy/sstc-2016/enrol")  # twice: still one enrolment
    post(client, "/en/academy/sstc-2016/follow")  # following again does not demote
    assert role_of(academy, person) == "participant"
    assert db.session.query(Enrolment).count() == 1


def test_invitation_codes_admit_only_those_invited(client, auth, make_user, academy):
    academy.enrolment = ENROL_INVITATION
    academy.invitation_code_hash = generate_password_hash("TURIN-2016")
    db.session.commit()
    person = make_user()
    auth.login(person)
    page = post(client, "/en/academy/sstc-2016/enrol", {"code": ""}, follow_redirects=True)
    assert "This Academy is for invited participants: enter your code." in page.get_data(True)
    page = post(client, "/en/academy/sstc-2016/enrol", {"code": "GUESS"}, follow_redirects=True)
    assert "This invitation code is not valid for this Academy." in page.get_data(True)
    assert role_of(academy, person) is None
    post(client, "/en/academy/sstc-2016/enrol", {"code": "TURIN-2016"})
    assert role_of(academy, person) == "participant"


def test_taking_part_needs_an_account(client, academy):
    response = post(client, "/en/academy/sstc-2016/enrol")
    assert response.headers["Location"].startswith("/en/auth/login")
    assert db.session.query(Enrolment).count() == 0
    assert client.get("/en/academy/no-such-academy/").status_code == 404
    assert client.get("/en/academy/sstc-2016/modules/nothing").status_code == 404


def test_the_cli_seeds_the_academy(runner, rooms):
    result = runner.invoke(args=["seed", "academy"])
    assert "Academies: 1 created." in result.output
    assert db.session.query(Academy).count() == 1


def test_venue_times_cross_a_daylight_saving_change(academy):
    from datetime import date, time

    from meetingpoint.academy.programme.agenda import venue_instant

    # Rome leaves summer time on the night of 30 October 2016: 09:00 moves an hour in UTC.
    before = venue_instant(academy, date(2016, 10, 29), time(9, 0))
    after = venue_instant(academy, date(2016, 10, 31), time(9, 0))
    assert before == datetime(2016, 10, 29, 7, 0, tzinfo=UTC)
    assert after == datetime(2016, 10, 31, 8, 0, tzinfo=UTC)


def test_the_programme_shows_venue_and_reader_times(client, auth, make_user, academy):
    auth.login(make_user(time_zone="America/Sao_Paulo"))
    page = client.get("/en/academy/sstc-2016/programme").get_data(as_text=True)
    # Turin in July is UTC+2; São Paulo is UTC-3: five hours apart.
    assert "Monday, July 11, 2016" in page
    assert "9:00\u202fAM–10:00\u202fAM" in page and "your time: 4:00\u202fAM–5:00\u202fAM" in page
    assert page.count('class="time"') == 12  # opening, ten modules, closing
    fr = client.get("/fr/academy/sstc-2016/programme").get_data(as_text=True)
    assert "lundi 11 juillet 2016" in fr and "09:00–10:00" in fr


def test_the_programme_exports_to_a_calendar(client, academy):
    response = client.get("/fr/academy/sstc-2016/programme.ics")
    assert response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and body.endswith(
        "END:VCALENDAR\r\n"
    )
    assert body.count("BEGIN:VEVENT") == 12
    assert "DTSTART:20160711T070000Z" in body  # 09:00 in Turin
    assert (
        "SUMMARY:Ouverture : pourquoi la coopération Sud-Sud pour le travail décent"
        in body.replace("\r\n ", "")
    )
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert "LOCATION:ILO International Training Centre\\, Turin" in body
    from meetingpoint.academy.programme.agenda import sessions_of

    one = sessions_of(academy)[3]
    single = client.get(f"/en/academy/sstc-2016/programme/{one.id}.ics").get_data(as_text=True)
    assert single.count("BEGIN:VEVENT") == 1 and f"UID:academy-session-{one.id}@" in single
    assert client.get("/en/academy/sstc-2016/programme/999999.ics").status_code == 404


def introduce(client, follow_redirects=False, **fields):
    data = {"about": "Labour inspector", "language": "fr", **fields}
    url = "/en/academy/sstc-2016/introductions/mine"
    return post(client, url, data, follow_redirects=follow_redirects)


def test_participants_introduce_themselves_once_and_can_rewrite(client, auth, make_user, academy):
    from meetingpoint.academy.models import Introduction

    fatou = make_user(display_name="Fatou", country="SN", constituency="government")
    auth.login(fatou)
    post(client, "/en/academy/sstc-2016/enrol")
    assert introduce(client, about="Inspectrice du travail à Dakar").status_code == 302
    introduce(client, about="Inspectrice du travail à Thiès", hopes="Des partenaires")
    assert db.session.query(Introduction).count() == 1
    page = client.get("/en/academy/sstc-2016/introductions").get_data(as_text=True)
    assert "Inspectrice du travail à Thiès" in page and 'lang="fr"' in page
    # Too long: refused, the text kept in the form, the saved introduction unchanged.
    long = "x" * 2001
    refused = introduce(client, about=long).get_data(as_text=True)
    assert long in refused
    db.session.expire_all()
    assert db.session.query(Introduction).one().about == "Inspectrice du travail à Thiès"


def test_observers_cannot_introduce_themselves(client, auth, make_user, academy):
    from meetingpoint.academy.models import Introduction

    auth.login(make_user())
    post(client, "/en/academy/sstc-2016/follow")
    page = introduce(client, about="Just looking", follow_redirects=True).get_data(as_text=True)
    assert "Only participants of this Academy introduce themselves here." in page
    assert db.session.query(Introduction).count() == 0


def test_the_gallery_filters_by_country_region_and_constituency(client, auth, make_user, academy):
    from meetingpoint.academy.introductions.services import write_introduction
    from meetingpoint.academy.services import enrol

    people = {
        "Awa": ("SN", "workers"),
        "Bruno": ("BR", "employers"),
        "Chen": ("CN", "government"),
    }
    for name, (country, constituency) in people.items():
        person = make_user(display_name=name, country=country, constituency=constituency)
        enrol(person, academy)
        write_introduction(person, academy, {"about": f"I am {name}", "language": "en"})

    def shown(query: str) -> set[str]:
        page = client.get(f"/en/academy/sstc-2016/introductions?{query}").get_data(as_text=True)
        return {name for name in people if f"I am {name}" in page}

    assert shown("") == {"Awa", "Bruno", "Chen"}
    assert shown("country=BR") == {"Bruno"}
    assert shown("region=africa") == {"Awa"}
    assert shown("constituency=government") == {"Chen"}
    assert shown("country=ZZ") == {"Awa", "Bruno", "Chen"}  # unknown values mean "any"


def test_deleting_an_account_removes_its_introduction(client, auth, make_user, academy):
    from support.settings import PASSWORD

    from meetingpoint.academy.introductions.services import write_introduction
    from meetingpoint.academy.models import Introduction
    from meetingpoint.academy.services import enrol
    from meetingpoint.accounts.services import delete_account, export_personal_data

    person = make_user()
    enrol(person, academy)
    write_introduction(person, academy, {"about": "Mine to take back", "language": "en"})
    exported = export_personal_data(person)
    assert exported["academy"]["introductions"][0]["about"] == "Mine to take back"
    delete_account(person, PASSWORD, remove_content=False)
    assert db.session.query(Introduction).count() == 0
    assert db.session.query(Enrolment).count() == 0


def announcement_form(**given) -> dict:
    data = {f"{field}_{lang}": "" for field in ("subject", "body") for lang in LANGUAGES}
    data.update(given)
    return data


def test_facilitators_announce_to_everyone_enrolled_in_their_language(
    client, auth, make_user, academy, outbox
):
    from meetingpoint.academy.models import FACILITATOR, Enrolment
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


def test_the_checklist_follows_what_a_participant_has_done(
    client, auth, make_user, academy, open_survey
):
    from meetingpoint.academy.introductions.services import write_introduction
    from meetingpoint.academy.services import enrol

    person = make_user()
    enrol(person, academy)
    auth.login(person)
    page = client.get("/en/academy/sstc-2016/").get_data(as_text=True)
    assert page.count('data-done="0"') == 12 and 'data-done="1"' not in page
    client.get(f"/en/academy/sstc-2016/modules/{academy.modules[3].slug}")
    client.get(f"/en/academy/sstc-2016/modules/{academy.modules[3].slug}")  # once is enough
    write_introduction(person, academy, {"about": "Me", "language": "en"})
    post(client, "/en/academy/sstc-2016/questionnaire", {f"q{open_survey[2].id}": "Worry"})
    page = client.get("/en/academy/sstc-2016/").get_data(as_text=True)
    assert page.count('data-done="1"') == 3 and page.count('data-done="0"') == 9


def test_the_dashboard_shows_who_takes_part_and_exports_csv(client, auth, make_user, academy):
    from meetingpoint.academy.introductions.services import write_introduction
    from meetingpoint.academy.services import enrol, follow

    awa = make_user(display_name="Awa", country="SN", constituency="workers")
    li = make_user(display_name="=HYPERLINK(1)", country="CN", constituency="government")
    watcher = make_user(display_name="Watcher")
    enrol(awa, academy), enrol(li, academy), follow(watcher, academy)
    write_introduction(awa, academy, {"about": "Me", "language": "en"})
    auth.login(awa)
    assert client.get("/en/academy/sstc-2016/dashboard").status_code == 403
    assert client.get("/en/academy/sstc-2016/dashboard/participation.csv").status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    page = client.get("/en/academy/sstc-2016/dashboard").get_data(as_text=True)
    assert "2 participants" in page and "1 observer" in page
    not_introduced = page.split("data-not-introduced>")[1].split("</ul>")[0]
    assert "HYPERLINK" in not_introduced and "Awa" not in not_introduced
    exported = client.get("/en/academy/sstc-2016/dashboard/participation.csv")
    assert exported.mimetype == "text/csv"
    lines = exported.get_data(as_text=True).splitlines()
    assert lines[0] == "name,country,region,constituency,role,introduced,answered,modules_visited"
    assert "Awa,SN,africa,workers,participant,1,0,0" in lines
    assert "'=HYPERLINK(1),CN,asia-pacific,government,participant,0,0,0" in lines  # inert
    results = client.get("/en/academy/sstc-2016/questionnaire/results.csv").get_data(as_text=True)
    assert results.splitlines()[0] == "question,option,answer_or_count"
