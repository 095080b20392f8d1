"""The face-to-face programme: venue and reader times, calendar files, staff writing it."""

from datetime import UTC, datetime

from support.web import post

from meetingpoint.academy.models import (
    AgendaSession,
)
from meetingpoint.extensions import db


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


def session_form(**changes) -> dict:
    data = {
        "day": "2016-07-13",
        "starts": "16:30",
        "ends": "18:00",
        "place": "Pavilion F",
        "module": "",
        "title_en": "Field visit debrief",
        "title_es": "Balance de la visita",
    }
    data.update(changes)
    return data


def test_staff_write_the_programme_in_the_venue_s_time(client, auth, make_user, academy):
    auth.login(make_user())
    assert post(client, "/en/academy/sstc-2016/programme/new", session_form()).status_code == 403
    auth.logout()
    auth.login(make_user(role="admin", time_zone="America/Bogota"))
    before = db.session.query(AgendaSession).count()
    for changes, message in [
        ({"day": "2016-07-20"}, "Choose a day between July 11, 2016 and July 15, 2016."),
        ({"ends": "16:00"}, "A session ends after it starts."),
        ({"title_en": ""}, "The English title is required."),
        ({"module": "99999"}, "Choose one of this Academy&#39;s modules."),
        ({"starts": ""}, "Please give the day and both times."),
    ]:
        response = post(client, "/en/academy/sstc-2016/programme/new", session_form(**changes))
        assert response.status_code == 400 and message in response.get_data(as_text=True)
        assert "Balance de la visita" in response.get_data(as_text=True)
    assert db.session.query(AgendaSession).count() == before
    post(client, "/en/academy/sstc-2016/programme/new", session_form())
    session = db.session.scalar(db.select(AgendaSession).order_by(AgendaSession.id.desc()))
    assert session.starts_at == datetime(2016, 7, 13, 14, 30, tzinfo=UTC)  # CEST is UTC+2
    page = client.get("/en/academy/sstc-2016/programme").get_data(as_text=True)
    assert "Field visit debrief" in page and "Pavilion F" in page
    assert "your time: 9:30\u202fAM–11:00\u202fAM" in page  # Bogotá, UTC−5
    post(client, f"/en/academy/sstc-2016/programme/{session.id}/edit", session_form(ends="19:00"))
    db.session.expire_all()
    assert session.ends_at == datetime(2016, 7, 13, 17, 0, tzinfo=UTC)
    post(client, f"/en/academy/sstc-2016/programme/{session.id}/delete")
    assert db.session.query(AgendaSession).count() == before


def test_a_session_without_its_times_is_refused_in_the_reader_s_language(
    client, auth, make_user, academy
):
    auth.login(make_user(role="admin"))
    before = db.session.query(AgendaSession).count()
    response = post(client, "/es/academy/sstc-2016/programme/new", session_form(ends="9 pm"))
    assert response.status_code == 400
    assert "Indique el día y las dos horas." in response.get_data(as_text=True)
    assert db.session.query(AgendaSession).count() == before
