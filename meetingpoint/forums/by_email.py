"""Forum posts by mail: a reply to a post's mail answers that post, and a mail to a room's
address opens a topic there, each checked as the same post sent from the site would be."""

import re

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from ..extensions import db
from ..inbound.handlers import Incoming, Refused, reply_handler, room_handler
from ..rooms.models import Room
from .access import ForumError, access_post, opening_post
from .services import PostDraft, create_topic, reply

# Reply and forward markers, stacked ("Re: RE: Fwd:"), in our languages and common clients'.
_PREFIXES = re.compile(r"^\s*((re|fw|fwd|tr|rv|enc|res|aw|sv|r)\s*(\[\d+\])?\s*:\s*)+", re.I)


def _draft(incoming: Incoming) -> PostDraft:
    # No language chosen: the one the text is written in, as "Detect from the text" does.
    return PostDraft(
        body=incoming.text, language="", client_id=incoming.client_id, uploads=incoming.files
    )


@reply_handler("post")
def reply_by_mail(incoming: Incoming, post_id: int) -> str:
    user = incoming.user
    gone = _("The post you answered was deleted, so your reply was not posted.")
    try:
        parent = access_post(post_id, user)
    except HTTPException:
        raise Refused(gone) from None
    if parent.is_deleted or opening_post(parent.topic).is_deleted:
        raise Refused(gone)
    try:
        posted = reply(user, parent.topic, parent, _draft(incoming))
    except ForumError as error:
        raise Refused(str(error)) from None
    except HTTPException:
        raise Refused(_("You may no longer reply in this topic.")) from None
    return f"post:{posted.id}"


@room_handler
def topic_by_mail(incoming: Incoming, slug: str) -> str:
    room = db.session.scalar(select(Room).where(Room.slug == slug))
    if room is None:
        raise Refused(_("There is no room at this address."))
    title = _PREFIXES.sub("", incoming.subject).strip()
    try:
        topic = create_topic(incoming.user, room, title, _draft(incoming))
    except ForumError as error:
        raise Refused(str(error)) from None
    except HTTPException:
        raise Refused(_("You may not open a topic in this room.")) from None
    return f"topic:{topic.id}"
