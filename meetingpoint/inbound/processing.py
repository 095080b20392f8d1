"""The job that deals with one mail received: a bounce counted, a machine's mail dropped,
a person's reply or new topic posted, or refused with a polite answer."""

import hashlib
import io
import logging
from datetime import timedelta
from email import policy
from email.parser import BytesParser

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import func, select

from ..accounts.models import User
from ..attachments.uploads import Upload
from ..database import utcnow
from ..extensions import db
from ..jobs import job
from ..mail.addresses import bounce_token, bounced_user, check_reply_key, recipient_of
from ..mail.bounces import record_bounce
from . import refusals
from .authentication import verdict
from .automatic import is_automatic, is_bounce_report
from .bounces import read_bounce
from .handlers import Incoming, Refused, for_bounce, for_reply, for_room
from .models import BOUNCE, IGNORED, POSTED, REFUSED, InboundMail
from .reading import attached_files, reply_text

log = logging.getLogger(__name__)


class _Done(Exception):
    """How a mail ended: state and outcome, and the refusal to answer with (if any)."""

    def __init__(self, state: str, outcome: str, answer: str | None = None):
        super().__init__(outcome)
        self.state, self.outcome, self.answer = state, outcome, answer


@job("inbound.process", key=lambda mail_id: f"inbound:{mail_id}")
def process_mail(mail_id: int) -> str | None:
    """Deal with mail `mail_id` once; its outcome. The mail's text is dropped afterwards."""
    mail = db.session.get(InboundMail, mail_id)
    if mail is None or mail.raw is None:
        return None
    message = BytesParser(policy=policy.default).parsebytes(mail.raw)
    try:
        _route(mail, message)
        done = _Done(IGNORED, "unknown address")
    except _Done as ended:
        done = ended
    db.session.rollback()  # whatever a refused attempt left half-made
    mail = db.session.get_one(InboundMail, mail_id)
    mail.state, mail.outcome, mail.raw = done.state, done.outcome[:40], None
    mail.detail = str(done.answer or "")
    if done.answer is not None and _may_answer(mail):
        mail.answered = True
        refusals.answer(mail, message, done.answer)
    db.session.commit()
    log.info("Mail %s from %s to %s: %s %s", mail.id, mail.sender, mail.recipient, done.state,
             done.outcome)  # fmt: skip
    return done.outcome


def _route(mail: InboundMail, message) -> None:
    where = recipient_of(mail.recipient)
    if where is None:
        return
    if where.kind == "bounces" or is_bounce_report(message):
        _bounce(where.value, message)
    if is_automatic(message, our_domain=current_app.config.get("MAIL_REPLY_DOMAIN")):
        raise _Done(IGNORED, "automatic")  # never posted, never answered: no mail loops
    if _sent_this_hour(mail.sender) > current_app.config["MAIL_IN_PER_SENDER_PER_HOUR"]:
        raise _Done(REFUSED, "too many", refusals.TOO_MANY)
    if where.kind == "reply":
        _reply(mail, message, where.value)
    if where.kind == "room":
        _new_topic(mail, message, where.value)


def _bounce(token: str, message) -> None:
    bounce = read_bounce(message)
    if bounce is None:
        raise _Done(IGNORED, "not a bounce")  # e.g. a responder answering the return path
    parsed = bounce_token(token) if token else None
    if parsed is not None and parsed[0]:  # another feature's mail, e.g. an invitation's
        handler = for_bounce(parsed[0])
        outcome = handler(parsed[1], token, bounce) if handler else None
        raise _Done(BOUNCE, outcome or "unsigned bounce")
    user_id = bounced_user(token, _email_of) if token else None
    if user_id is None:  # only a signed return path may stop someone's mail
        raise _Done(BOUNCE, "unsigned bounce")
    address = _email_of(user_id)
    record_bounce(address, bounce.hard, bounce.status, bounce.diagnostic)
    raise _Done(BOUNCE, f"{'hard' if bounce.hard else 'soft'} {bounce.status}")


def _email_of(user_id: int) -> str | None:
    user = db.session.get(User, user_id)
    return user.email if user is not None else None


def _reply(mail: InboundMail, message, token: str) -> None:
    check = check_reply_key(token)
    if check.problem is not None:
        answer = refusals.EXPIRED if check.problem == "expired" else refusals.UNKNOWN
        raise _Done(REFUSED, f"key {check.problem}", answer)
    user = db.session.get(User, check.key.user_id)
    if user is None or not user.is_active or user.email.lower() != mail.sender:
        raise _Done(REFUSED, "not the key's owner", refusals.NOT_YOURS)
    if _authentication(mail, message) == "fail":
        raise _Done(REFUSED, "unauthenticated", refusals.UNAUTHENTICATED)
    handler = for_reply(check.key.target)
    if handler is None:
        raise _Done(IGNORED, f"no handler for {check.key.target}")
    _post(lambda incoming: handler(incoming, check.key.target_id), mail, message, user)


def _new_topic(mail: InboundMail, message, slug: str) -> None:
    user = db.session.scalar(
        select(User).where(User.email == mail.sender, User.email_verified_at.is_not(None))
    )
    if user is None or not user.is_active:
        raise _Done(REFUSED, "unknown sender", refusals.UNKNOWN_SENDER)
    if _authentication(mail, message) != "pass":
        raise _Done(REFUSED, "unauthenticated", refusals.UNAUTHENTICATED)
    handler = for_room()
    if handler is None:
        raise _Done(IGNORED, "no room handler")
    _post(lambda incoming: handler(incoming, slug), mail, message, user)


def _authentication(mail: InboundMail, message) -> str:
    trusted = {
        name.strip().lower()
        for name in current_app.config.get("MAIL_AUTHSERV_IDS", "").split(",")
        if name.strip()
    }
    return verdict(message, mail.sender, trusted)


def _post(handle, mail: InboundMail, message, user) -> None:
    """Read the person's words and files and hand them to the feature, in their language."""
    text = reply_text(message)
    files = [
        Upload(io.BytesIO(data), name or "attachment")
        for name, _type, data in attached_files(message)
    ]
    if not text.strip() and not files:
        raise _Done(REFUSED, "empty", refusals.EMPTY)
    subject = str(message.get("Subject") or "")
    digest = hashlib.sha256((mail.message_id or str(mail.id)).encode()).hexdigest()[:32]
    incoming = Incoming(user, text, subject, f"mail-{digest}", files)
    with force_locale(user.locale):
        try:
            outcome = handle(incoming)
        except Refused as refused:
            raise _Done(REFUSED, "refused", str(refused)) from None
    raise _Done(POSTED, outcome)


def _sent_this_hour(sender: str) -> int:
    hour_ago = utcnow() - timedelta(hours=1)
    return db.session.scalar(
        select(func.count())
        .select_from(InboundMail)
        .where(InboundMail.sender == sender, InboundMail.received_at > hour_ago)
    )


def _may_answer(mail: InboundMail) -> bool:
    """At most one refusal an hour to a sender, whatever it is about."""
    if not mail.sender:
        return False
    answered = db.session.scalar(
        select(InboundMail.id)
        .where(
            InboundMail.sender == mail.sender,
            InboundMail.answered.is_(True),
            InboundMail.received_at > utcnow() - timedelta(hours=1),
        )
        .limit(1)
    )
    return answered is None
