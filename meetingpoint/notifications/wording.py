"""What each kind of notification says: one wording for the notification centre and mail."""

from flask_babel import gettext as _

from .models import ANNOUNCEMENT, CHAT_MENTION, MENTION, NEW_TOPIC, REPLY, ROOM_NEWS


def describe(kind: str, who: str, where: str = "") -> str:
    if kind == REPLY:
        return _("%(name)s replied to you in “%(topic)s”", name=who, topic=where)
    if kind == MENTION:
        return _("%(name)s mentioned you in “%(topic)s”", name=who, topic=where)
    if kind == ANNOUNCEMENT:
        return _("%(name)s sent an announcement", name=who)
    if kind == ROOM_NEWS:
        return _("%(name)s posted news in one of your rooms", name=who)
    if kind == CHAT_MENTION:
        return _("%(name)s mentioned you in a chat", name=who)
    if kind == NEW_TOPIC:
        return _("%(name)s opened a topic: “%(topic)s”", name=who, topic=where)
    return _("%(name)s replied in “%(topic)s”", name=who, topic=where)
