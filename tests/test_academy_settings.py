"""Setting an Academy up: admins open one, staff edit it and name its facilitators."""

from datetime import UTC, datetime

import pytest
from support.web import post

from meetingpoint.academy import services
from meetingpoint.academy.models import (
    Academy,
    Enrolment,
)
from meetingpoint.extensions import db


def academy_form(**changes) -> dict:
    data = {
        "slug": "maputo-2027",
        "venue": "Joaquim Chissano Conference Centre",
        "city": "Maputo",
        "country": "MZ",
        "time_zone": "Africa/Maputo",
        "opens_at": "2027-04-01T09:00",
        "closes_at": "2027-05-02T18:00",
        "starts_on": "2027-05-03",
        "ends_on": "2027-05-07",
        "follow_up_ends_on": "2027-08-31",
        "enrolment": "open",
        "invitation_code": "",
        "survey_anonymous": "1",
        "title_en": "Academy on the social and solidarity economy",
        "description_en": "A week in Maputo on cooperatives and mutual societies.",
        "title_pt": "Academia sobre a economia social e solidária",
        "description_pt": "Uma semana em Maputo sobre cooperativas e mutualidades.",
    }
    data.update(changes)
    return data


def test_admins_open_an_academy_with_times_at_the_venue(client, auth, make_user, rooms):
    auth.login(make_user())
    assert post(client, "/en/academy/new", academy_form()).status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    response = post(client, "/en/academy/new", academy_form())
    assert response.headers["Location"] == "/en/academy/maputo-2027/team"
    academy = services.access_academy("maputo-2027")
    # 09:00 in Maputo (UTC+2, no daylight saving) is 07:00 UTC.
    assert academy.prelearning_opens_at == datetime(2027, 4, 1, 7, 0, tzinfo=UTC)
    assert services.status(academy, datetime(2027, 4, 1, 6, 59, tzinfo=UTC)) == services.UPCOMING
    page = client.get("/pt/academy/maputo-2027/").get_data(as_text=True)
    assert "Academia sobre a economia social e solidária" in page
    assert "Joaquim Chissano Conference Centre" in page
    spanish = client.get("/es/academy/maputo-2027/").get_data(as_text=True)
    assert "Academy on the social and solidarity economy" in spanish  # English stands in


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "Bad Slug!"}, "The address name uses 3 to 64 lowercase letters"),
        ({"slug": "new"}, "The address name uses 3 to 64 lowercase letters"),
        ({"slug": "sstc-2016"}, "Another Academy already uses this address name."),
        ({"closes_at": "2027-03-01T09:00"}, "The pre-learning phase must close after it opens."),
        ({"ends_on": "2027-05-01"}, "The face-to-face days end after they start"),
        ({"opens_at": "soon"}, "Please give every date and time."),
        ({"time_zone": "Mars/Olympus"}, "Choose the venue&#39;s time zone from the list."),
        ({"country": "XX"}, "Choose the country from the list."),
        ({"title_en": ""}, "The English title is required."),
        ({"enrolment": "invitation"}, "Set an invitation code for invited participants."),
        ({"enrolment": "invitation", "invitation_code": "abc"}, "6 to 100 characters"),
        ({"venue": "x" * 161}, "Give the venue and the city"),
    ],
)
def test_bad_academy_settings_are_refused_and_the_form_kept(
    client, auth, make_user, academy, changes, message
):
    auth.login(make_user(role="admin"))
    response = post(client, "/en/academy/new", academy_form(**changes))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert "Uma semana em Maputo sobre cooperativas e mutualidades." in page  # nothing lost
    assert db.session.query(Academy).count() == 1


def test_staff_edit_the_academy_and_set_an_invitation_code(client, auth, make_user, academy):
    url = "/en/academy/sstc-2016/edit"
    form = client.get(url)
    assert form.status_code == 302  # signed out: to the sign-in page
    auth.login(make_user())
    assert client.get(url).status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    page = client.get(url).get_data(as_text=True)
    assert 'value="2016-06-13T08:00"' in page  # shown at the venue, as it was entered
    data = academy_form(
        slug="ignored",
        venue="International Training Centre of the ILO",
        city="Turin",
        country="IT",
        time_zone="Europe/Rome",
        opens_at="2016-06-13T08:00",
        closes_at="2016-07-10T20:00",
        starts_on="2016-07-11",
        ends_on="2016-07-15",
        follow_up_ends_on="2016-12-31",
        enrolment="invitation",
        invitation_code="TURIN-2016",
        title_en="1st Academy on South-South Cooperation",
    )
    assert post(client, url, data).status_code == 302
    db.session.expire_all()
    assert academy.slug == "sstc-2016" and academy.enrolment == "invitation"
    # 20:00 in Turin in July (UTC+2) is 18:00 UTC.
    assert academy.prelearning_closes_at == datetime(2016, 7, 10, 18, 0, tzinfo=UTC)
    auth.logout()
    person = make_user()
    auth.login(person)
    post(client, "/en/academy/sstc-2016/enrol", {"code": "TURIN-2016"})
    assert db.session.get(Enrolment, (academy.id, person.id)).role == "participant"


def test_anonymity_is_settled_by_the_first_answer(client, auth, make_user, open_survey):
    from meetingpoint.academy.services import enrol

    academy = services.access_academy("sstc-2016")
    participant = make_user()
    enrol(participant, academy)
    auth.login(participant)
    one = open_survey[0]
    post(client, "/en/academy/sstc-2016/questionnaire", {f"q{one.id}": str(one.options[0].id)})
    auth.logout()
    auth.login(make_user(role="admin"))
    page = client.get("/en/academy/sstc-2016/edit").get_data(as_text=True)
    data = {
        name: value
        for name, value in academy_form(
            venue=academy.venue, city=academy.city, country="IT", time_zone="Europe/Rome",
            opens_at="2016-06-13T08:00", closes_at="2030-01-01T00:00", starts_on="2016-07-11",
            ends_on="2016-07-15", follow_up_ends_on="2016-12-31",
        ).items()
        if name != "survey_anonymous"
    }  # fmt: skip
    response = post(client, "/en/academy/sstc-2016/edit", data)
    assert response.status_code == 400
    assert "whether it is anonymous can no longer change" in response.get_data(as_text=True)
    assert 'name="survey_anonymous" value="1" checked' in page
    db.session.expire_all()
    assert academy.survey_anonymous is True


def test_staff_name_facilitators_who_then_run_the_academy(client, auth, make_user, academy):
    facilitator = make_user(display_name="Amina Diallo", email="amina@example.org")
    auth.login(facilitator)
    assert client.get("/en/academy/sstc-2016/dashboard").status_code == 403
    assert post(client, "/en/academy/sstc-2016/team", {"email": "x@example.org"}).status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    missing = post(client, "/en/academy/sstc-2016/team", {"email": "nobody@example.org"})
    assert missing.status_code == 400
    assert "No participant has an account with this email address." in missing.get_data(True)
    post(client, "/en/academy/sstc-2016/team", {"email": " AMINA@example.org "})
    team = client.get("/en/academy/sstc-2016/team").get_data(as_text=True)
    assert "Amina Diallo" in team
    auth.logout()
    auth.login(facilitator)
    assert client.get("/en/academy/sstc-2016/dashboard").status_code == 200
    assert client.get("/en/academy/sstc-2016/edit").status_code == 200
    post(client, f"/en/academy/sstc-2016/team/{facilitator.id}/remove")
    assert client.get("/en/academy/sstc-2016/dashboard").status_code == 403
    assert db.session.get(Enrolment, (academy.id, facilitator.id)).role == "observer"
