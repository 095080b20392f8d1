"""Introductions: participants write theirs once and rewrite it; the gallery filters them."""

from support.web import post

from meetingpoint.academy.models import (
    Enrolment,
)
from meetingpoint.extensions import db


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
