"""The questionnaire: staff write it; participants answer (anonymously when it says so) and
change their answers until it closes; bad answers change nothing; only staff read results."""

from support.web import post

from meetingpoint.academy import services
from meetingpoint.academy.models import (
    Enrolment,
    SurveyQuestion,
)
from meetingpoint.academy.survey import questions_of
from meetingpoint.extensions import db


def answers_form(questions, single=0, several=(0, 2), worry="Funding", wish="") -> dict:
    one, many, text_a, text_b = questions
    return {
        f"q{one.id}": str(one.options[single].id),
        f"q{many.id}": [str(many.options[n].id) for n in several],
        f"q{text_a.id}": worry,
        f"q{text_b.id}": wish,
    }


def test_participants_answer_and_change_their_answers_anonymously(
    client, auth, make_user, academy, open_survey
):
    from meetingpoint.academy.models import FACILITATOR, SurveyCompletion, SurveyResponse
    from meetingpoint.academy.services import enrol

    awa = make_user(display_name="Awa Ndiaye", country="SN", constituency="workers")
    enrol(awa, academy)
    auth.login(awa)
    url = "/en/academy/sstc-2016/questionnaire"
    assert (
        post(client, url, answers_form(open_survey, worry="Visas take months")).status_code == 302
    )
    assert (
        post(client, url, answers_form(open_survey, single=2, worry="Funding")).status_code == 302
    )
    response = db.session.scalar(db.select(SurveyResponse))
    assert db.session.query(SurveyResponse).count() == 1 and response.user_id is None
    assert (response.region, response.constituency) == ("africa", "workers")
    assert db.session.get(SurveyCompletion, (academy.id, awa.id)) is not None
    form = client.get(url).get_data(as_text=True)
    assert (
        f'value="{open_survey[0].options[2].id}" checked' in form and ">Funding</textarea>" in form
    )

    auth.logout()
    facilitator = make_user()
    db.session.add(Enrolment(academy_id=academy.id, user_id=facilitator.id, role=FACILITATOR))
    db.session.commit()
    auth.login(facilitator)
    results = client.get(url + "/results").get_data(as_text=True)
    assert "1 response" in results and "Funding" in results and "Visas" not in results
    assert f'data-option="{open_survey[0].options[2].id}">1<' in results
    assert "Awa" not in results  # never who answered
    elsewhere = client.get(url + "/results?region=asia-pacific").get_data(as_text=True)
    assert "0 responses" in elsewhere and "Funding" not in elsewhere


def test_the_questionnaire_refuses_bad_answers_and_changes_nothing(
    app, client, auth, make_user, academy, open_survey
):
    from meetingpoint.academy.models import SurveyResponse
    from meetingpoint.academy.services import enrol, follow

    url = "/en/academy/sstc-2016/questionnaire"
    observer = make_user()
    follow(observer, academy)
    auth.login(observer)
    refused = post(client, url, answers_form(open_survey))
    assert refused.status_code == 400
    assert "Only participants of this Academy answer its questionnaire." in refused.get_data(True)
    auth.logout()

    participant = make_user()
    enrol(participant, academy)
    auth.login(participant)
    two_choices = answers_form(open_survey)
    two_choices[f"q{open_survey[0].id}"] = [str(o.id) for o in open_survey[0].options[:2]]
    assert post(client, url, two_choices).status_code == 400
    foreign = answers_form(open_survey)
    foreign[f"q{open_survey[1].id}"] = ["999999"]
    assert post(client, url, foreign).status_code == 400
    long = "x" * 2001
    too_long = post(client, url, answers_form(open_survey, worry=long))
    assert too_long.status_code == 400 and long in too_long.get_data(as_text=True)
    assert db.session.query(SurveyResponse).count() == 0

    # Once it closes, answers stay as they were.
    post(client, url, answers_form(open_survey, worry="First"))
    from datetime import timedelta

    from meetingpoint.database import utcnow

    academy.prelearning_closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    late = post(client, url, answers_form(open_survey, worry="Changed my mind"))
    assert "The questionnaire is closed; your answers were not changed." in late.get_data(True)
    db.session.expire_all()
    texts = [a.text for a in db.session.scalar(db.select(SurveyResponse)).answers if a.text]
    assert texts == ["First"]


def test_only_staff_read_the_results(client, auth, make_user, academy):
    from meetingpoint.academy.services import enrol

    participant = make_user()
    enrol(participant, academy)
    auth.login(participant)
    assert client.get("/en/academy/sstc-2016/questionnaire/results").status_code == 403


def test_deleting_an_account_with_its_content_removes_its_answers(make_user, academy, open_survey):
    from support.settings import PASSWORD

    from meetingpoint.academy.models import SurveyCompletion, SurveyResponse
    from meetingpoint.academy.services import enrol
    from meetingpoint.academy.survey.answering import submit
    from meetingpoint.accounts.services import delete_account

    stays, goes = make_user(), make_user()
    for person in (stays, goes):
        enrol(person, academy)
        submit(person, academy, {open_survey[2].id: "My worry"})
    delete_account(goes, PASSWORD, remove_content=True)
    assert db.session.query(SurveyResponse).count() == 1
    assert db.session.query(SurveyCompletion).count() == 1


def test_a_hostile_free_text_answer_stays_text_in_the_results_csv(
    client, auth, make_user, academy, open_survey
):
    from meetingpoint.academy.services import enrol

    person = make_user()
    enrol(person, academy)
    auth.login(person)
    post(client, "/en/academy/sstc-2016/questionnaire", {f"q{open_survey[2].id}": "@SUM(1)"})
    auth.logout()
    auth.login(make_user(role="admin"))
    results = client.get("/en/academy/sstc-2016/questionnaire/results.csv").get_data(as_text=True)
    assert results.splitlines()[-1].endswith(",,'@SUM(1)")


def question_form(**changes) -> dict:
    data = {
        "kind": "single",
        "prompt_en": "Which language do you prefer for the sessions?",
        "options_en": "English\nFrench\nSpanish\nPortuguese",
        "prompt_pt": "Em que língua prefere as sessões?",
        "options_pt": "Inglês\nFrancês\nEspanhol\nPortuguês",
    }
    data.update(changes)
    return data


def test_staff_write_the_questionnaire_and_answered_questions_keep_their_meaning(
    client, auth, make_user, open_survey
):
    from meetingpoint.academy.services import enrol

    academy = services.access_academy("sstc-2016")
    url = "/en/academy/sstc-2016/questionnaire/questions/new"
    auth.login(make_user())
    assert post(client, url, question_form()).status_code == 403
    auth.logout()
    admin = make_user(role="admin")
    auth.login(admin)
    for changes, message in [
        ({"options_en": "Only one"}, "A choice question has 2 to 12 options."),
        ({"options_pt": "Inglês"}, "Give each language the same number of options."),
        ({"prompt_en": ""}, "The English question is required."),
        ({"kind": "essay"}, "Choose the kind of question."),
    ]:
        response = post(client, url, question_form(**changes))
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert len(questions_of(academy)) == 4
    post(client, url, question_form())
    question = questions_of(academy)[-1]
    assert [o.text("pt").label for o in question.options][1] == "Francês"
    auth.logout()
    participant = make_user()
    enrol(participant, academy)
    auth.login(participant)
    portuguese = client.get("/pt/academy/sstc-2016/questionnaire").get_data(as_text=True)
    assert "Em que língua prefere as sessões?" in portuguese
    post(client, "/en/academy/sstc-2016/questionnaire", {f"q{question.id}": question.options[1].id})
    auth.logout()
    auth.login(admin)
    edit = f"/en/academy/sstc-2016/questionnaire/questions/{question.id}/edit"
    changed = post(client, edit, question_form(kind="multiple"))
    assert changed.status_code == 400
    assert "keep its kind and its options" in changed.get_data(as_text=True)
    shorter = post(client, edit, question_form(options_en="English\nFrench", options_pt=""))
    assert shorter.status_code == 400
    reworded = question_form(options_en="English\nFrançais\nEspañol\nPortuguês")
    assert post(client, edit, reworded).status_code == 302
    delete = f"/en/academy/sstc-2016/questionnaire/questions/{question.id}/delete"
    refused = post(client, delete, follow_redirects=True).get_data(as_text=True)
    assert "This question has answers: it can be reworded, not removed." in refused
    db.session.expire_all()
    assert question.options[1].text("en").label == "Français"
    results = client.get("/en/academy/sstc-2016/questionnaire/results").get_data(as_text=True)
    assert "Français" in results  # the answer counted under its new wording
    post(client, url, question_form(kind="text", prompt_en="Anything else?", options_en="x"))
    unanswered = questions_of(academy)[-1]
    assert unanswered.kind == "text" and unanswered.options == []
    post(client, f"/en/academy/sstc-2016/questionnaire/questions/{unanswered.id}/delete")
    assert (
        db.session.scalar(db.select(SurveyQuestion.id).where(SurveyQuestion.id == unanswered.id))
        is None
    )
