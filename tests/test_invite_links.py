"""Invite links: made by staff, used by anyone signed in until they expire, run out or are
withdrawn; each use recorded; and an invitation's bounce seen through its return path."""

from pathlib import Path

from sqlalchemy import select
from support.invitations import ROOM, send_list
from support.mail_in import DOMAIN
from support.web import post

from meetingpoint.academy.models import PARTICIPANT, Enrolment
from meetingpoint.extensions import db
from meetingpoint.invitations.models import Invitation, InviteLink, InviteLinkUse
from meetingpoint.rooms.models import RoomMembership

FIXTURES = Path(__file__).parent / "fixtures" / "mail" / "classify"


def _link(client, kind="room", key=ROOM, **fields):
    data = {"days": 7, "max_uses": 2, "role": "member", **fields}
    answer = post(client, f"/en/invitations/{kind}/{key}/links", data)
    return answer, db.session.scalars(select(InviteLink).order_by(InviteLink.id.desc())).first()


def test_a_link_lets_people_in_until_its_uses_run_out(client, auth, make_user, rooms):
    auth.login(make_user(role="moderator"))
    answer, link = _link(client)
    assert answer.status_code == 302 and link.max_uses == 2
    page = client.get(f"/en/invitations/room/{ROOM}/").get_data(as_text=True)
    assert f"/en/invitations/join/{link.token}" in page
    auth.logout()
    people = [make_user() for _ in range(3)]
    assert "Sign in to join" in client.get(f"/en/invitations/join/{link.token}").get_data(
        as_text=True
    )
    for person in people[:2]:
        auth.login(person)
        assert post(client, f"/en/invitations/join/{link.token}").status_code == 302
        auth.logout()
    auth.login(people[2])
    full = post(client, f"/en/invitations/join/{link.token}")
    assert full.status_code == 410 and "used as often as it may" in full.get_data(as_text=True)
    room = rooms[ROOM]
    joined = [db.session.get(RoomMembership, (room.id, p.id)) is not None for p in people]
    assert joined == [True, True, False]
    uses = db.session.scalars(select(InviteLinkUse.user_id).order_by(InviteLinkUse.id)).all()
    assert uses == [people[0].id, people[1].id]


def test_a_withdrawn_or_bad_link_lets_nobody_in(client, auth, make_user, rooms):
    staff = make_user(role="moderator")
    auth.login(staff)
    _answer, link = _link(client)
    post(client, f"/en/invitations/room/{ROOM}/links/{link.id}/revoke")
    auth.logout()
    auth.login(make_user())
    assert post(client, f"/en/invitations/join/{link.token}").status_code == 410
    assert client.get("/en/invitations/join/not-a-token").status_code == 410
    refused = post(client, f"/en/invitations/room/{ROOM}/links", {"days": 999, "max_uses": 2})
    assert refused.status_code in (400, 403)


def test_facilitators_make_links_to_their_academy(client, auth, make_user, academy):
    facilitator = make_user()
    db.session.add(Enrolment(academy_id=academy.id, user_id=facilitator.id, role="facilitator"))
    db.session.commit()
    auth.login(facilitator)
    answer, link = _link(client, kind="academy", key=academy.slug, role="participant")
    assert answer.status_code == 302
    auth.logout()
    newcomer = make_user()
    auth.login(newcomer)
    post(client, f"/en/invitations/join/{link.token}")
    assert db.session.get(Enrolment, (academy.id, newcomer.id)).role == PARTICIPANT


def test_a_hard_bounce_to_an_invitations_return_path_marks_it(
    client, auth, make_user, rooms, outbox, mail_in
):
    auth.login(make_user(role="moderator"))
    send_list(client, "ghost@example.org")
    (mail,) = [m for m in outbox() if m["To"] == "ghost@example.org"]
    return_path = str(mail["Return-Path"]).strip("<>")
    assert return_path.startswith("bounces+i") and return_path.endswith("@" + DOMAIN)
    report = (FIXTURES / "dsn_postfix_user_unknown.eml").read_text()
    report = report.replace("old.member@example.org", "ghost@example.org")
    report = report.replace("bounces+c3f9a1d2e4@meetingpoint.example", return_path)
    raw = report.replace("\r\n", "\n").replace("\n", "\r\n").encode()
    assert mail_in.send(raw, to=[return_path], mail_from="") == {}
    invitation = db.session.scalar(select(Invitation))
    db.session.refresh(invitation)
    assert invitation.bounced_at is not None and "5.1.1" in invitation.bounce_reason
