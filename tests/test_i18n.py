"""Choosing the reader's language, switching it, and catalogs that stay complete."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from support.web import post

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = ["es", "fr", "pt"]


@pytest.mark.parametrize(
    "header, expected",
    [
        ("pt-BR,pt;q=0.9,en;q=0.5", "pt"),
        ("es-419,es;q=0.8", "es"),
        ("fr-CA", "fr"),
        ("de-DE,de;q=0.9", "en"),
        ("", "en"),
    ],
)
def test_root_follows_accept_language(client, header, expected):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/{expected}/"


def test_cookie_beats_accept_language_and_prefix_sets_cookie(client):
    client.get("/fr/about")  # visiting a prefixed page is a choice, remembered in a cookie
    response = client.get("/", headers={"Accept-Language": "pt-BR"})
    assert response.headers["Location"] == "/fr/"


def test_saved_preference_beats_cookie(client, auth, make_user):
    auth.login(make_user(locale="es"))
    client.set_cookie("mp_lang", "fr")
    assert client.get("/", headers={"Accept-Language": "pt"}).headers["Location"] == "/es/"


def test_url_prefix_beats_everything(client, auth, make_user):
    auth.login(make_user(locale="es"))
    page = client.get("/pt/about", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="pt"' in page


@pytest.mark.parametrize("path", ["/de/", "/xx/about", "/EN/", "/en-us/rooms/"])
def test_unknown_prefix_is_404(client, path):
    assert client.get(path).status_code == 404


def test_switcher_keeps_the_same_page_and_query(client, auth, make_user, rooms):
    auth.login(make_user())
    page = client.get("/en/people/?country=SN&q=diallo").get_data(as_text=True)
    assert 'href="/fr/people/?country=SN&amp;q=diallo" hreflang="fr" lang="fr"' in page
    page = client.get("/en/rooms/labour-migration/").get_data(as_text=True)
    assert 'href="/es/rooms/labour-migration/" hreflang="es"' in page


def test_login_lands_in_the_saved_language(client, make_user):
    user = make_user(locale="pt")
    response = post(
        client, "/en/auth/login", {"email": user.email, "password": "correct horse battery"}
    )
    assert response.headers["Location"] == "/pt/"


def test_dates_follow_locale_and_time_zone(client, auth, make_user, app):
    from datetime import UTC, datetime

    from meetingpoint.extensions import db

    # 23:30 UTC on 31 December is already 1 January in Manila (UTC+8).
    person = make_user(created_at=datetime(2025, 12, 31, 23, 30, tzinfo=UTC))
    viewer = make_user(time_zone="Asia/Manila", locale="es")
    db.session.commit()
    auth.login(viewer)
    page = client.get(f"/es/people/{person.id}").get_data(as_text=True)
    assert "1 de enero de 2026" in page
    page = client.get(f"/fr/people/{person.id}").get_data(as_text=True)
    assert "1 janvier 2026" in page


def test_numbers_follow_locale(client, auth, make_user, app):
    from sqlalchemy import insert

    from meetingpoint.accounts.models import User
    from meetingpoint.database import utcnow
    from meetingpoint.extensions import db

    db.session.execute(
        insert(User),
        [
            {
                "email": f"bulk{n}@example.org",
                "display_name": f"Bulk {n}",
                "organisation": "",
                "bio": "",
                "email_verified_at": utcnow(),
                "created_at": utcnow(),
                "auth_version": 1,
                "locale": "en",
                "time_zone": "UTC",
                "role": "member",
            }
            for n in range(1199)
        ],
    )
    db.session.commit()
    auth.login(make_user())
    assert "1,200 participants found" in client.get("/en/people/").get_data(as_text=True)
    assert "1.200 participantes" in client.get("/pt/people/").get_data(as_text=True)
    assert "1\u202f200 participants" in client.get("/fr/people/").get_data(as_text=True)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_complete_with_correct_plurals(lang):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    assert catalog.num_plurals == 3  # one, many, other in CLDR for es, fr and pt
    problems = []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.pluralizable and len(strings) != catalog.num_plurals:
            problems.append(f"plural forms: {message.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "lang, none, one, two",
    [
        # European Portuguese and Spanish count nothing in the plural; French in the singular.
        ("pt", "0 respostas", "1 resposta", "2 respostas"),
        ("es", "0 respuestas", "1 respuesta", "2 respuestas"),
        ("fr", "0 réponse", "1 réponse", "2 réponses"),
    ],
)
def test_plural_rules_follow_each_language(lang, none, one, two):
    from babel.support import Translations

    catalog = Translations.load(ROOT / "translations", [lang])
    assert catalog.files, "catalogs are compiled by `make setup`"

    def replies(n: int) -> str:
        return catalog.ngettext("%(num)s reply", "%(num)s replies", n) % {"num": n}

    assert (replies(0), replies(1), replies(2)) == (none, one, two)


def test_catalogs_are_not_stale(tmp_path):
    """Every string in the code is in the template and the catalogs (run `make translations`)."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            Path(sys.executable).parent / "pybabel",
            "-q",
            "extract",
            "--no-location",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with open(pot, "rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    for lang in TRANSLATED:
        with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
            have = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
        missing = wanted - have
        assert not missing, f"{lang} lacks {sorted(missing)[:5]}"
        assert not have - wanted, f"{lang} has strings no longer in the code"
