"""The invitation mail: a job per invitation, in the invitee's language, its bounce (by the
signed return path, or the SMTP server's refusal) shown on the staff page."""

import smtplib

from flask import render_template, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _

from ..accounts.models import User
from ..database import utcnow
from ..extensions import db
from ..inbound.handlers import bounce_handler
from ..jobs import job
from ..mail import send_mail
from ..mail.addresses import bounce_signed
from ..templating import person_name
from .models import Invitation
from .scopes import scope_of
from .services import token_of


@job("invitations.send", key=lambda invitation_id, salt: f"invitation:{invitation_id}:{salt}")
def send_invitation(invitation_id: int, salt: str) -> None:
    """One invitation's mail; nothing if it was revoked, taken or sent again since."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.salt != salt:
        return
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        return
    scope = scope_of(invitation.scope, invitation.scope_id)
    inviter = db.session.get(User, invitation.invited_by) if invitation.invited_by else None
    language = invitation.locale
    with force_locale(language):
        name = scope.name(language)
        subject = _("You are invited to %(name)s on Meeting Point", name=name)
        body = render_template(
            "email/invitation.txt",
            invitation=invitation,
            name=name,
            inviter=person_name(inviter) if inviter else "",
            link=url_for("invitations.accept", token=token_of(invitation), lang_code=language,
                         _external=True),
            until=format_date(invitation.expires_at, "long"),
        )  # fmt: skip
    try:
        sent = send_mail(invitation.email, subject, body, language=language,
                         bounces_for=("i", invitation.id))  # fmt: skip
    except smtplib.SMTPRecipientsRefused as refused:  # the address was refused at once
        _bounced(invitation, "; ".join(f"{code} {text.decode(errors='replace')}"
                                       for code, text in refused.recipients.values()))  # fmt: skip
        return
    except smtplib.SMTPResponseException as refused:
        if refused.smtp_code < 500:
            raise  # a temporary refusal: the job tries again
        _bounced(invitation, f"{refused.smtp_code} {_text(refused.smtp_error)}")
        return
    if sent is None:
        _bounced(invitation, "mail to this address has stopped after bounces")
        return
    invitation.last_sent_at = utcnow()
    invitation.sent_count += 1
    db.session.commit()


def _text(error) -> str:
    return error.decode(errors="replace") if isinstance(error, bytes) else str(error)


def _bounced(invitation: Invitation, reason: str) -> None:
    invitation.bounced_at, invitation.bounce_reason = utcnow(), reason[:2000]
    db.session.commit()


@bounce_handler("i")
def invitation_bounced(invitation_id: int, token: str, bounce) -> str | None:
    """A delivery report for an invitation: a hard one marks it bounced."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or not bounce_signed(token, invitation.email):
        return None
    if bounce.hard:
        _bounced(invitation, f"{bounce.status} {bounce.diagnostic}".strip())
    return f"invitation {'hard' if bounce.hard else 'soft'} {bounce.status}"
