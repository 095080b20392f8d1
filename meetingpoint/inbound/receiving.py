"""Taking a mail in (from the LMTP server or a pipe): kept, then dealt with by a job."""

import logging
from email import policy
from email.parser import BytesParser
from email.utils import parseaddr

from flask import current_app
from sqlalchemy import select

from ..extensions import db
from ..jobs import later
from ..mail.addresses import recipient_of
from ..rooms.models import Room
from .models import InboundMail

log = logging.getLogger(__name__)


class TooLarge(Exception):
    """Larger than MAIL_IN_MAX_BYTES."""


def is_ours(address: str) -> bool:
    """Whether to take mail for `address`: a reply or bounce address of ours (its key is
    checked later, to answer why), or the address of a room that exists."""
    found = recipient_of(address)
    if found is None or found.kind != "room":
        return found is not None
    return db.session.scalar(select(Room.id).where(Room.slug == found.value)) is not None


def receive(raw: bytes, recipients: list[str], envelope_from: str = "") -> list[int]:
    """Keep the mail once for each of our addresses among `recipients` and hand each to the
    job queue; the ids kept. A mail received again (an MTA retrying after a lost answer)
    is not kept twice. Raises TooLarge."""
    if len(raw) > current_app.config["MAIL_IN_MAX_BYTES"]:
        raise TooLarge
    headers = BytesParser(policy=policy.default).parsebytes(raw, headersonly=True)
    sender = _address(headers, "From")
    message_id = (str(headers.get("Message-ID") or "")).strip()[:300]
    kept = []
    for recipient in dict.fromkeys(r.strip().lower() for r in recipients):
        if not is_ours(recipient) or _seen(message_id, recipient):
            continue
        mail = InboundMail(
            envelope_from=envelope_from[:320],
            recipient=recipient[:320],
            sender=sender,
            message_id=message_id,
            subject=_header(headers, "Subject")[:200],
            size=len(raw),
            raw=raw,
        )
        db.session.add(mail)
        db.session.flush()
        from .processing import process_mail  # the job needs this module's neighbours

        later(process_mail, mail.id)
        kept.append(mail.id)
    db.session.commit()
    log.info("Mail from %s for %s: kept as %s", sender, recipients, kept)
    return kept


def _header(headers, name: str) -> str:
    try:
        return str(headers.get(name) or "")
    except (ValueError, IndexError):  # a header too broken to read
        return ""


def _address(headers, name: str) -> str:
    return parseaddr(_header(headers, name))[1].lower()[:320]


def _seen(message_id: str, recipient: str) -> bool:
    if not message_id:
        return False
    return (
        db.session.scalar(
            select(InboundMail.id)
            .where(InboundMail.message_id == message_id, InboundMail.recipient == recipient)
            .limit(1)
        )
        is not None
    )
