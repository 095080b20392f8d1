"""A person's mail to us and their address's bounces: in their export, forgotten when they go."""

from sqlalchemy import delete, select

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..extensions import db
from ..mail.models import BouncedAddress
from .models import InboundMail


@personal_data_exporter("mail_received")
def export_mail(user) -> dict:
    address = (user.email or "").lower()
    received = db.session.scalars(
        select(InboundMail).where(InboundMail.sender == address).order_by(InboundMail.id)
    )
    bounced = db.session.get(BouncedAddress, address) if address else None
    return {
        "mail": [
            {"received_at": mail.received_at.isoformat(), "to": mail.recipient,
             "subject": mail.subject, "outcome": mail.outcome}
            for mail in received
        ],  # fmt: skip
        "bounces": None
        if bounced is None
        else {"hard": bounced.hard_bounces, "soft": bounced.soft_bounces,
              "stopped": bounced.stopped_at.isoformat() if bounced.stopped_at else None},
    }  # fmt: skip


@account_eraser
def forget_mail(user, remove_content: bool) -> None:
    """Called before the account forgets its address: what it sent us and its bounces go."""
    address = (user.email or "").lower()
    if not address:
        return
    db.session.execute(delete(InboundMail).where(InboundMail.sender == address))
    db.session.execute(delete(BouncedAddress).where(BouncedAddress.email == address))
