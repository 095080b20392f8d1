"""Inviting a list to a room or an Academy: the preview of every line, all or nothing,
mails in each invitee's language, single-use links that expire, resend and withdraw."""

from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select
from support.invitations import ROOM, check_list, invitation_link, outcomes, send_list
from support.web import post

from meetingpoint.academy.models import FACILITATOR, Enrolment
from meetingpoint.accounts.models import User
from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.invitations.lists import (
    BAD_CONSTITUENCY,
    BAD_COUNTRY,
    BAD_EMAIL,
    BAD_LANGUAGE,
    DUPLICATE,
    NEW,
    OUTCOMES,
)
from meetingpoint.invitations.models import Invitation
from meetingpoint.rooms.models import RoomMembership

# A French spreadsheet: ";" between cells, headers in French, every kind of line.
LIST_FR = """\
Courriel;Nom;Pays;Organisation;Mandant;Langue
awa.diop@example.sn;Awa Diop;SN;Ministère du Travail;government;fr
lucia@example.org;Lucía Pérez;Argentine;CGT;Organisation de travailleurs;es
not-an-address;Personne;FR;;;
kofi@example.gh;Kofi Mensah;XX;;;en
awa.diop@example.sn;Awa encore;SN;;;fr
member@example.org;Déjà membre;KE;;;
account@example.org;A un compte;KE;;;
invited@example.org;Déjà invitée;KE;;;
"""


def _staff(make_user, **fields):
    return make_user(role="moderator", email="staff@example.org", **fields)


def _people(member, make_user, client, auth):
    """A member already in the room, an account that is not, an address invited already."""
    member(email="member@example.org")
    make_user(email="account@example.org")
    staff = _staff(make_user)
    auth.login(staff)
    send_list(client, "invited@example.org")
    return staff


def test_the_preview_gives_each_line_its_outcome_and_writes_nothing(
    client, auth, member, make_user, outbox
):
    _people(member, make_user, client, auth)
    before = db.session.scalar(select(func.count()).select_from(Invitation))
    page = check_list(client, LIST_FR)
    assert page.status_code == 200
    assert outcomes(page.get_data(as_text=True)) == [
        "New person: will be invited",
        "New person: will be invited",
        "Not a valid email address",
        "Unknown country code",
        "The same address again: left out",
        "Already a member: left out",
        "Has an account: will be invited to join",
        "Already invited: left out",
    ]
    assert "3 people will be invited" in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Invitation)) == before


def test_confirming_invites_the_accepted_lines_each_in_their_language(
    client, auth, member, make_user, outbox
):
    _people(member, make_user, client, auth)
    answer = send_list(client, LIST_FR)
    assert answer.status_code == 302
    invited = db.session.scalars(select(Invitation).order_by(Invitation.id)).all()
    assert [i.email for i in invited] == [
        "invited@example.org", "awa.diop@example.sn", "lucia@example.org", "account@example.org"
    ]  # fmt: skip
    lucia = invited[2]
    assert (lucia.display_name, lucia.country, lucia.constituency, lucia.locale) == (
        "Lucía Pérez", "AR", "workers", "es"
    )  # fmt: skip
    mails = {m["To"]: m for m in outbox()}
    assert (
        mails["lucia@example.org"]["Subject"] == "Está invitado a Diálogo social en Meeting Point"
    )
    assert mails["awa.diop@example.sn"]["Subject"].endswith("sur Meeting Point")
    assert mails["awa.diop@example.sn"]["Content-Language"] == "fr"


def test_a_new_person_signs_up_from_the_link_and_lands_in_the_room(
    client, auth, make_user, rooms, outbox
):
    auth.login(_staff(make_user))
    send_list(client, "Awa Diop <awa.diop@example.sn>")
    auth.logout()
    (mail,) = [m for m in outbox() if m["To"] == "awa.diop@example.sn"]
    link = invitation_link(mail)
    form = client.get(link).get_data(as_text=True)
    assert 'value="Awa Diop"' in form and "awa.diop@example.sn" in form
    answer = post(client, link, {
        "display_name": "Awa Diop", "country": "SN", "organisation": "", "constituency": "workers",
        "languages": ["fr"], "locale": "fr", "time_zone": "Africa/Dakar",
        "password": "a long enough password", "confirm": "a long enough password",
    })  # fmt: skip
    assert answer.status_code == 302 and answer.location.endswith(f"/fr/rooms/{ROOM}/")
    awa = db.session.scalar(select(User).where(User.email == "awa.diop@example.sn"))
    assert awa.email_verified_at is not None  # the link confirmed the address
    assert db.session.get(RoomMembership, (rooms[ROOM].id, awa.id)) is not None
    assert client.get(f"/fr/rooms/{ROOM}/").status_code == 200
    auth.logout()
    again = client.get(link)
    assert again.status_code == 410 and "used already" in again.get_data(as_text=True)


def test_someone_with_an_account_signs_in_then_joins_the_academy_as_facilitator(
    client, auth, make_user, academy, outbox
):
    kwame = make_user(email="kwame@example.org")
    admin = make_user(role="admin")
    auth.login(admin)
    answer = send_list(client, "kwame@example.org", kind="academy", key=academy.slug,
                       role="facilitator")  # fmt: skip
    assert answer.status_code == 302
    auth.logout()
    link = invitation_link(next(m for m in outbox() if m["To"] == "kwame@example.org"))
    assert "Sign in" in client.get(link).get_data(as_text=True)
    auth.login(kwame)
    assert post(client, link).status_code == 302
    assert db.session.get(Enrolment, (academy.id, kwame.id)).role == FACILITATOR


def test_a_link_is_for_its_address_expires_and_can_be_withdrawn_or_sent_again(
    client, auth, make_user, rooms, outbox
):
    staff = _staff(make_user)
    other = make_user(email="other@example.org")
    auth.login(staff)
    send_list(client, "ana@example.org, bruno@example.org")
    ana, bruno = db.session.scalars(select(Invitation).order_by(Invitation.id)).all()
    links = {m["To"]: invitation_link(m) for m in outbox()}
    auth.logout()
    auth.login(other)
    wrong = post(client, links["ana@example.org"])
    assert wrong.status_code == 400 and "This invitation is for ana@example.org" in wrong.get_data(
        as_text=True
    )
    auth.logout()

    ana.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get(links["ana@example.org"]).status_code == 410

    auth.login(staff)
    ana.last_sent_at = utcnow() - timedelta(hours=2)
    ana.expires_at = utcnow() + timedelta(days=1)
    db.session.commit()
    assert post(client, f"/en/invitations/room/{ROOM}/{ana.id}/resend").status_code == 302
    refused = post(client, f"/en/invitations/room/{ROOM}/{ana.id}/resend")
    assert refused.status_code == 400  # not twice within the hour
    fresh = [invitation_link(m) for m in outbox() if m["To"] == "ana@example.org"][-1]
    assert fresh != links["ana@example.org"]
    post(client, f"/en/invitations/room/{ROOM}/{bruno.id}/revoke")
    page = client.get(f"/en/invitations/room/{ROOM}/").get_data(as_text=True)
    assert "Withdrawn" in page and "Sent" in page
    auth.logout()
    assert client.get(links["ana@example.org"]).status_code == 410  # the old link is retired
    assert client.get(fresh).status_code == 200
    assert client.get(links["bruno@example.org"]).status_code == 410


def test_only_staff_invite_and_within_their_limits(client, auth, member, make_user, app):
    auth.login(member())
    assert client.get(f"/en/invitations/room/{ROOM}/").status_code == 403
    assert client.get("/en/invitations/site/site/").status_code == 403
    auth.logout()
    auth.login(_staff(make_user))
    assert client.get("/en/invitations/site/site/").status_code == 403  # admins only
    too_many = "\n".join(f"person{n}@example.org" for n in range(1001))
    page = check_list(client, too_many)
    assert page.status_code == 400 and "at most 1000 people" in page.get_data(as_text=True)
    app.config["INVITATIONS_PER_DAY"] = 2
    answer = send_list(client, "a@example.org, b@example.org, c@example.org")
    assert answer.status_code == 400 and "2 invitations a day" in answer.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Invitation)) == 0


def test_a_bounced_invitation_shows_as_such(client, auth, make_user, rooms, outbox, mail_server):
    mail_server.refuse = "550 5.1.1 <ghost@example.org>: Recipient address rejected"
    auth.login(_staff(make_user))
    send_list(client, "ghost@example.org")
    invitation = db.session.scalar(select(Invitation))
    db.session.refresh(invitation)
    assert invitation.bounced_at is not None and "5.1.1" in invitation.bounce_reason
    page = client.get(f"/en/invitations/room/{ROOM}/").get_data(as_text=True)
    assert "Bounced" in page and "Recipient address rejected" in page


def test_a_room_archived_since_turns_the_invitation_down_and_keeps_nothing(
    client, auth, make_user, rooms, outbox
):
    auth.login(_staff(make_user))
    send_list(client, "Awa Diop <awa.diop@example.sn>")
    auth.logout()
    link = invitation_link(outbox()[-1])
    rooms[ROOM].archived_at = utcnow()
    db.session.commit()
    answer = post(client, link, {
        "display_name": "Awa Diop", "country": "SN", "organisation": "", "constituency": "workers",
        "languages": ["fr"], "locale": "fr", "time_zone": "Africa/Dakar",
        "password": "a long enough password", "confirm": "a long enough password",
    })  # fmt: skip
    assert answer.status_code == 400 and "archived" in answer.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "awa.diop@example.sn")) is None
    assert db.session.scalar(select(Invitation)).accepted_at is None


HEADERS = {
    "en": "Email,Name,Country,Organisation,Constituency,Language",
    "es": "Correo electrónico,Nombre,País,Organización,Sector,Idioma",
    "pt": "Endereço de e-mail;Nome;País;Organização;Constituinte;Língua",
    "fr": "Adresse e-mail;Nom complet;Pays;Organisation;Mandant;Langue",
}
ROWS = [
    "nova@example.org|Nova|Brasil|CUT|Organização de trabalhadores|pt",
    "bad address|X|BR|||",
    "zed@example.org|Zed|Atlantis|||",
    "nova@example.org|Nova again|BR|||",
    "yan@example.org|Yan|CN|Univ.|nonsense|",
    "yve@example.org|Yve|FR|||Klingon",
]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_every_kind_of_bad_line_in_each_languages_spreadsheet(client, auth, make_user, rooms,
                                                              lang):  # fmt: skip
    auth.login(_staff(make_user))
    separator = ";" if ";" in HEADERS[lang] else ","
    text = "\n".join([HEADERS[lang], *(row.replace("|", separator) for row in ROWS)])
    page = check_list(client, text, lang=lang)
    assert page.status_code == 200
    with force_locale("en"):
        expected = [str(OUTCOMES[o]) for o in (NEW, BAD_EMAIL, BAD_COUNTRY, DUPLICATE,
                                               BAD_CONSTITUENCY, BAD_LANGUAGE)]  # fmt: skip
    english = outcomes(check_list(client, text).get_data(as_text=True))
    assert english == expected
    assert len(outcomes(page.get_data(as_text=True))) == len(ROWS)


def test_invitation_mails_go_through_the_smtp_server(client, auth, make_user, rooms,
                                                     mail_server):  # fmt: skip
    auth.login(_staff(make_user))
    send_list(client, "Awa Diop <awa.diop@example.sn>, lucia@example.org")
    assert sorted(m["To"] for m in mail_server.messages) == [
        "awa.diop@example.sn", "lucia@example.org"
    ]  # fmt: skip
    mail = next(m for m in mail_server.messages if m["To"] == "awa.diop@example.sn")
    assert "Hello Awa Diop," in mail.get_content()
    assert invitation_link(mail).startswith("/en/invitations/accept/")
    sent = db.session.scalars(select(Invitation)).all()
    for invitation in sent:
        db.session.refresh(invitation)
    assert [i.sent_count for i in sent] == [1, 1]
