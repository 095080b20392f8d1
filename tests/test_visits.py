"""First-party visit counting: views and distinct visitors per day, place, language and
(members) country; no address kept, salts that do not outlive their day; only pages that
people asked for; and a page that never suffers for its count."""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from meetingpoint.dashboard import visits
from meetingpoint.dashboard.models import DailyVisitor, PageViewCount, VisitSalt
from meetingpoint.extensions import db

ROOM = "social-dialogue"
BROWSER = {"User-Agent": "Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile"}


def views() -> dict[tuple, int]:
    rows = db.session.execute(
        select(PageViewCount.scope, PageViewCount.language, PageViewCount.country,
               PageViewCount.views)
    )  # fmt: skip
    return {(scope, language, country): n for scope, language, country, n in rows}


def visitors(scope: str = "") -> int:
    return db.session.scalar(
        select(func.count()).select_from(DailyVisitor).where(DailyVisitor.scope == scope)
    )


def test_views_and_distinct_visitors(client, auth, member, rooms):
    client.get("/fr/", headers=BROWSER)
    client.get("/fr/about", headers=BROWSER)
    client.get("/pt/", headers={"User-Agent": "Another browser"})
    assert views() == {("", "fr", ""): 2, ("", "pt", ""): 1}
    assert visitors() == 2

    auth.login(member(country="MZ"))
    before = visitors()  # signing in read a page (the form's token) as a visitor
    client.get(f"/pt/rooms/{ROOM}/", headers=BROWSER)
    client.get(f"/pt/rooms/{ROOM}/chat", headers=BROWSER)
    counted = views()
    assert counted[("", "pt", "MZ")] == 2 and counted[(f"room:{ROOM}", "pt", "MZ")] == 2
    # Signed in, the same person whatever their browser says: one more visitor.
    assert visitors() == before + 1 and visitors(f"room:{ROOM}") == 1


def test_only_pages_people_asked_for_count(client, auth, member, rooms, academy):
    client.get("/static/css/site.css", headers=BROWSER).close()
    client.get("/healthz", headers=BROWSER)
    client.get("/en/feed.atom", headers=BROWSER)
    client.get("/en/rooms/no-such-room/", headers=BROWSER)
    client.get("/en/", headers={"User-Agent": "Googlebot/2.1"})
    client.get("/en/", headers={**BROWSER, "Purpose": "prefetch"})
    client.post("/en/auth/login", data={}, headers=BROWSER)
    assert views() == {}
    client.get("/es/academy/sstc-2016/", headers=BROWSER)
    assert set(views()) == {("", "es", ""), ("academy:sstc-2016", "es", "")}


def test_no_address_is_kept_and_salts_last_a_day(app, client, rooms):
    client.get("/en/", headers=BROWSER, environ_base={"REMOTE_ADDR": "203.0.113.7"})
    (row,) = db.session.scalars(select(DailyVisitor))
    assert "203.0.113" not in row.visitor and len(row.visitor) == 32
    today = row.day
    with app.test_request_context():
        visits.salt_of(date(today.year + 1, 1, 1))  # a new day: its salt, the old one gone
    assert db.session.scalars(select(VisitSalt.day)).all() == [date(today.year + 1, 1, 1)]


def test_a_count_that_fails_leaves_the_page_alone(client, rooms, monkeypatch):
    def broken(*args):
        raise OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(visits, "record", broken)
    response = client.get("/en/rooms/", headers=BROWSER)
    assert response.status_code == 200 and "Social dialogue" in response.get_data(as_text=True)


def test_counts_are_kept_in_the_process_and_written_together(app, client, rooms):
    app.config["VISITS_FLUSH_SECONDS"] = 3600
    for _ in range(3):
        client.get("/en/", headers=BROWSER)
    client.get("/fr/", headers=BROWSER)
    assert views() == {}  # not yet: no write per page view
    with app.test_request_context():
        visits.flush()
    assert views() == {("", "en", ""): 3, ("", "fr", ""): 1} and visitors() == 1
    with app.test_request_context():
        visits.flush()  # nothing new: nothing written
    assert views() == {("", "en", ""): 3, ("", "fr", ""): 1}


def test_a_page_read_again_unchanged_still_counts(client, rooms):
    first = client.get(f"/en/rooms/{ROOM}/", headers=BROWSER)
    again = client.get(
        f"/en/rooms/{ROOM}/", headers={**BROWSER, "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304  # the browser's copy, confirmed: still a page read
    assert views()[(f"room:{ROOM}", "en", "")] == 2
    worker = client.get("/sw.js", headers=BROWSER)
    client.get("/sw.js", headers={**BROWSER, "If-None-Match": worker.headers["ETag"]})
    assert views()[("", "en", "")] == 2  # the worker's check is not a page
