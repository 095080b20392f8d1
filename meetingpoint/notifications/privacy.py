"""How a participant chose to hear from us: in their export, and forgotten when they go."""

from sqlalchemy import delete

from ..accounts.privacy import account_eraser, personal_data_exporter
from ..extensions import db
from .mailing_list import MailingListRoom, slugs_read_by_mail
from .models import (
    DigestDelivery,
    DigestSubscription,
    NotificationPreference,
    PushPreference,
    PushSettings,
    PushSubscription,
)
from .preferences import digest_frequency, preferences_of


@personal_data_exporter("notification_settings")
def export_settings(user) -> dict:
    return {
        "events": preferences_of(user),
        "digest": digest_frequency(user) or None,
        "rooms_read_by_mail": slugs_read_by_mail(user.id),
    }


@account_eraser
def forget_settings(user, remove_content: bool) -> None:
    kept = (NotificationPreference, DigestSubscription, DigestDelivery, MailingListRoom)
    for model in (*kept, PushPreference, PushSettings, PushSubscription):
        db.session.execute(delete(model).where(model.user_id == user.id))
