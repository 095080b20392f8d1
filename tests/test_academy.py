"""The Academy: the example seeded from the 2016 Academy, status by the venue's calendar,
pages in every language, following and enrolling (open or by invitation code), the checklist."""

from datetime import UTC, datetime

import pytest
from support.pages import check_page
from support.web import post

from meetingpoint.academy import services
from meetingpoint.academy.models import (
    ENROL_INVITATION,
    Academy,
    AgendaSession,
    Enrolment,
    ModuleText,
    SurveyQuestion,
)
from meetingpoint.accounts.passwords import hash_password
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
    academy.invitation_code_hash = hash_password("TURIN-2016")
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


@pytest.mark.parametrize(
    "url",
    [
        "/en/academy/new",
        "/en/academy/sstc-2016/edit",
        "/en/academy/sstc-2016/team",
        "/en/academy/sstc-2016/modules/new",
        "/en/academy/sstc-2016/programme/new",
        "/en/academy/sstc-2016/questionnaire/questions/new",
        "/en/academy/sstc-2016/announcements",
    ],
)
def test_staff_forms_sent_empty_are_refused_and_change_nothing(
    client, auth, make_user, academy, url
):
    auth.login(make_user(role="admin"))
    counted = (Academy, AgendaSession, ModuleText, SurveyQuestion, Enrolment)
    before = [db.session.query(model).count() for model in counted]
    response = post(client, url, {})
    assert response.status_code == 400
    assert 'class="flash flash-error"' in response.get_data(as_text=True)
    assert [db.session.query(model).count() for model in counted] == before
