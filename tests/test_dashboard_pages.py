"""The dashboard pages and downloads: the synthetic history's exact figures as a reader sees
them, in every locale and two time zones; staff-only figures refused to everyone else;
bad choices refused with a reason; kept figures that stay put until they may change."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from babel.numbers import format_percent
from flask import current_app
from sqlalchemy import func, select, update
from support.dashboard_history import at

from meetingpoint.dashboard.models import Interaction, PageViewCount, PeriodFigures
from meetingpoint.dashboard.periods import MONTH, current_period
from meetingpoint.dashboard.scopes import scope_from
from meetingpoint.extensions import db

NOVEMBER = "period=month&on=2026-11-15"
HEADINGS = {"en": "Is the network alive?", "es": "¿Está viva la red?",
            "fr": "Le réseau est-il vivant ?", "pt": "A rede está viva?"}  # fmt: skip
MONTH_NAMES = {"en": "November 2026", "es": "noviembre de 2026", "fr": "novembre 2026",
               "pt": "novembro de 2026"}  # fmt: skip


def cells(page: str, figure: str) -> list[str]:
    """The cells of a figure's row: this period, the one before, the growth."""
    row = re.search(rf'<tr data-figure="{figure}">(.*?)</tr>', page, re.DOTALL).group(1)
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def moderator(make_user):
    return make_user(display_name="Mod", role="moderator", country="KE")


def kept() -> int:
    return db.session.scalar(select(func.count()).select_from(PeriodFigures))


def configure(app, **settings):
    app.config.update(settings)
    current_app.config.update(settings)


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_the_overview_shows_the_months_figures_in_the_readers_language(client, history, lang):
    page = client.get(f"/{lang}/dashboard/?{NOVEMBER}").get_data(as_text=True)
    assert HEADINGS[lang] in page and MONTH_NAMES[lang] in page
    assert cells(page, "interactions")[0] == "5"
    assert cells(page, "pairs")[:2] == ["3", "0"]
    assert cells(page, "cross_border_pairs")[0] == "2"
    assert cells(page, "south_south_pairs")[0] == "1"
    assert cells(page, "active_participants")[0] == "4"
    assert cells(page, "topics")[0] == "4"
    index = cells(page, "coupling_index")
    assert index[0] == format_percent(0.75, locale=lang)
    assert index[2] == "—"  # nothing in October to grow from
    # Charts drawn on the server: pictures with a name, no script, no inline style.
    charts = re.findall(r"<svg .*?</svg>", page, re.DOTALL)
    assert len(charts) == 4
    assert all('role="img"' in svg and "<script" not in svg and "style=" not in svg
               for svg in charts)  # fmt: skip


def test_no_one_is_named_on_the_public_page(client, history):
    people, *_rooms = history
    page = client.get(f"/en/dashboard/?{NOVEMBER}").get_data(as_text=True)
    assert "/people/" not in page.split("<main", 1)[1]
    assert "data-most-connected" not in page and "data-region" not in page


def test_growth_from_the_month_before(client, history):
    people, room, _other = history
    for day in ("2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08"):
        db.session.add(Interaction(
            occurred_at=at(f"{day}T12:00"), kind="reply", actor_id=people["awa"].id,
            partner_id=people["ana"].id, actor_country="SN", partner_country="BR", room_id=room.id,
        ))  # fmt: skip
    db.session.commit()
    page = client.get(f"/fr/dashboard/?{NOVEMBER}").get_data(as_text=True)
    # Five interactions in November after four in October: +25 %, in French.
    assert cells(page, "interactions") == ["5", "4", "+" + format_percent(0.25, locale="fr")]
    assert cells(page, "pairs")[2] == "+" + format_percent(2, locale="fr")


def test_the_downloads_carry_the_same_numbers(client, history):
    response = client.get(f"/en/dashboard/figures.csv?{NOVEMBER}")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = {row["figure"]: row for row in csv.DictReader(io.StringIO(response.text))}
    assert rows["pairs"]["value"] == "3" and rows["pairs"]["previous"] == "0"
    assert (
        rows["coupling_index"]["value"] == "0.75" and rows["coupling_index"]["growth_percent"] == ""
    )
    assert rows["pairs"]["label"] == "Pairs of participants who interacted"
    data = client.get(f"/es/dashboard/figures.json?{NOVEMBER}").get_json()
    assert data["period"] == {
        "kind": "month", "label": "noviembre de 2026", "time_zone": "UTC",
        "first_day": "2026-11-01", "next_first_day": "2026-12-01",
    }  # fmt: skip
    figures = {row["figure"]: row for row in data["figures"]}
    assert figures["south_south_pairs"]["value"] == 1
    assert figures["cross_border_pairs"]["growth_percent"] is None
    assert not any(key.startswith(("people_", "room_")) for key in figures)


def test_the_staff_see_everything_and_in_their_time_zone(client, auth, make_user, history):
    people, room, other = history
    auth.login(moderator(make_user))
    page = client.get(f"/en/dashboard/staff?{NOVEMBER}").get_data(as_text=True)
    assert cells(page, "pairs")[0] == "3"
    africa = re.search(r'<tr data-region="africa">(.*?)</tr>', page, re.DOTALL).group(1)
    assert re.findall(r'<td class="count">(\d+)</td>', africa) == ["1", "1", "0", "0", "0"]
    people_table = page.split('data-most-connected="people"')[1].split("</table>")[0]
    first = re.search(r'<a href="/en/people/(\d+)">([^<]+)</a></th><td class="count">(\d+)</td>'
                      r'<td class="count">(\d+)</td>', people_table).groups()  # fmt: skip
    assert first == (str(people["awa"].id), "awa", "2", "1")  # two people reached, one abroad
    rooms_table = page.split('data-most-connected="rooms"')[1].split("</table>")[0]
    assert rooms_table.index("Social dialogue") < rooms_table.index("Labour migration")

    la_paz = client.get(f"/en/dashboard/staff?{NOVEMBER}&zone=America/La_Paz").get_data(
        as_text=True
    )
    assert cells(la_paz, "pairs")[0] == "4" and cells(la_paz, "cross_border_pairs")[0] == "3"
    assert cells(la_paz, "coupling_index")[0] == format_percent(5 / 6, locale="en")
    assert cells(la_paz, "chat_messages")[0] == "2"

    one_room = client.get(f"/en/dashboard/staff?{NOVEMBER}&scope=room:{room.slug}")
    assert cells(one_room.text, "pairs")[0] == "2" and "Social dialogue" in one_room.text

    data = client.get(f"/en/dashboard/staff/figures.json?{NOVEMBER}").get_json()
    figures = {row["figure"]: row["value"] for row in data["figures"]}
    assert figures["interactions_between:africa>americas"] == 1
    assert figures[f"people_reached:person:{people['awa'].id}"] == 2
    assert figures[f"room_interactions:room:{room.slug}"] == 3


def test_visits_by_language_and_members_country(client, auth, make_user, rooms):
    for lang in ("fr", "fr", "pt"):
        client.get(f"/{lang}/rooms/", headers={"User-Agent": "Firefox"})
    auth.login(moderator(make_user))
    client.get("/en/rooms/", headers={"User-Agent": "Firefox"})
    page = client.get("/en/dashboard/staff").get_data(as_text=True)
    languages = page.split('data-visits="language"')[1].split("</table>")[0]
    french = re.search(r'lang="fr">Français</th><td class="count">(\d+)</td>', languages)
    assert french.group(1) == "2"
    countries = page.split('data-visits="country"')[1].split("</table>")[0]
    assert "Kenya" in countries  # the moderator's own visits, as a member from Kenya


@pytest.mark.parametrize("path", ["/en/dashboard/staff", "/en/dashboard/staff/figures.csv",
                                  "/en/dashboard/staff/figures.json"])  # fmt: skip
def test_staff_figures_are_refused_to_members_and_visitors(client, auth, member, history, path):
    response = client.get(path)
    assert response.status_code == 302 and "/auth/login" in response.location
    auth.login(member())
    refused = client.get(path)
    assert refused.status_code == 403
    assert "for moderators and administrators" in refused.text


@pytest.mark.parametrize(
    "query, status, reason",
    [
        ("period=year", 400, "There is no such period"),
        ("on=2026-13-45", 400, "could not be read"),
        ("on=2999-01-01", 400, "up to today"),
        ("on=2015-12-31", 400, "from 1 January 2016"),
        ("zone=Mars/Olympus_Mons", 400, "time zone"),
        ("scope=room:nowhere", 404, ""),
        ("scope=academy:nowhere", 404, ""),
        ("scope=nowhere", 404, ""),
    ],
)
def test_bad_choices_are_refused_with_a_reason(client, auth, make_user, rooms, query, status,
                                               reason):  # fmt: skip
    auth.login(moderator(make_user))
    response = client.get(f"/fr/dashboard/staff?{query}")
    assert response.status_code == status
    assert reason in client.get(f"/en/dashboard/staff?{query}").text
    assert kept() == 0


def test_a_bad_period_is_explained_in_the_readers_language(client):
    response = client.get("/es/dashboard/?period=year")
    assert response.status_code == 400 and "No existe ese periodo" in response.text


def test_a_finished_period_is_kept_and_the_current_one_for_a_while(client, app, history):
    people, room, _other = history
    october = "period=month&on=2026-10-15"
    assert cells(client.get(f"/en/dashboard/?{october}").text, "interactions")[0] == "0"
    db.session.add(Interaction(occurred_at=at("2026-10-20T12:00"), kind="reply",
                               actor_id=people["awa"].id, partner_id=people["ana"].id,
                               room_id=room.id))  # fmt: skip
    db.session.commit()
    # October was over when its figures were worked out: they are not worked out again...
    assert cells(client.get(f"/en/dashboard/?{october}").text, "interactions")[0] == "0"
    # ...unless the past itself is rewritten, as a backfill does.
    from meetingpoint.dashboard.backfill import backfill

    backfill()
    assert cells(client.get(f"/en/dashboard/?{october}").text, "interactions")[0] == "1"

    configure(app, DASHBOARD_FRESH_SECONDS=600)
    before = cells(client.get("/en/dashboard/").text, "interactions")[0]
    db.session.add(Interaction(occurred_at=datetime.now(UTC), kind="reply",
                               actor_id=people["awa"].id, partner_id=people["ana"].id))  # fmt: skip
    db.session.commit()
    assert cells(client.get("/en/dashboard/").text, "interactions")[0] == before
    # Once past their freshness, the kept figures are still what the reader gets at once;
    # they are worked out again after the response has gone.
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    db.session.execute(update(PeriodFigures).values(computed_at=an_hour_ago))
    db.session.commit()
    response = client.get("/en/dashboard/")
    assert cells(response.text, "interactions")[0] == before
    response.close()
    assert cells(client.get("/en/dashboard/").text, "interactions")[0] == str(int(before) + 1)
    db.session.add(Interaction(occurred_at=datetime.now(UTC), kind="reply",
                               actor_id=people["ana"].id, partner_id=people["awa"].id))  # fmt: skip
    db.session.commit()
    configure(app, DASHBOARD_FRESH_SECONDS=0)  # always counted afresh, in the request
    assert cells(client.get("/en/dashboard/").text, "interactions")[0] == str(int(before) + 2)


def test_refresh_works_out_every_places_current_periods(runner, rooms, academy):
    result = runner.invoke(args=["dashboard", "refresh", "--zone", "UTC", "--zone", "Asia/Kolkata"])
    places = 1 + len(rooms) + 1  # the site, each room, the Academy
    assert f"Periods worked out: {places * 4 * 2}" in result.output
    month = current_period(MONTH, "Asia/Kolkata")
    assert db.session.get(PeriodFigures, ("academy:sstc-2016", MONTH, month.first_day,
                                          "Asia/Kolkata")) is not None  # fmt: skip


def test_an_academy_counts_the_rooms_its_modules_talk_in(client, auth, make_user, academy):
    scope = scope_from("academy:sstc-2016")
    module_rooms = {link.room_id for module in academy.modules for link in module.rooms}
    assert set(scope.room_ids) == module_rooms and module_rooms
    auth.login(moderator(make_user))
    page = client.get("/fr/dashboard/staff?scope=academy:sstc-2016&period=four-months")
    assert page.status_code == 200 and academy.text("fr").title in page.text


def test_the_dashboard_pages_count_as_visits_but_not_the_downloads(client, history):
    client.get(f"/en/dashboard/figures.csv?{NOVEMBER}", headers={"User-Agent": "Firefox"})
    assert not db.session.scalar(select(func.sum(PageViewCount.views)))
    client.get(f"/en/dashboard/?{NOVEMBER}", headers={"User-Agent": "Firefox"})
    assert db.session.scalar(select(func.sum(PageViewCount.views))) == 1


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "-1", "\tTab", "\rReturn"]
)
def test_a_hostile_name_stays_text_in_the_staff_csv(client, auth, make_user, history, name):
    people, *_rooms = history
    people["awa"].display_name = name
    db.session.commit()
    auth.login(moderator(make_user))
    response = client.get(f"/en/dashboard/staff/figures.csv?{NOVEMBER}")
    rows = {row["figure"]: row for row in csv.DictReader(io.StringIO(response.text))}
    assert rows[f"people_reached:person:{people['awa'].id}"]["label"] == "'" + name
    assert rows[f"people_reached:person:{people['awa'].id}"]["value"] == "2"  # still a number
