"""Chat messages can be translated, by those who may read their conversation."""

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from ..languages.sources import Source, translatable
from ..templating import person_name
from .messages import access_message
from .models import ChatMessage


@translatable(
    "message",
    authored_by=lambda user: select(ChatMessage.id).where(ChatMessage.sender_id == user.id),
)
def message_source(reader, message_id: int) -> Source:
    message = access_message(reader, message_id)
    if message.is_deleted:
        raise NotFound
    return Source(
        html=message.body_html,
        language=message.language,
        title=_("A message from %(name)s", name=person_name(message.sender)),
        back_url=url_for("chat.permalink", message_id=message.id),
    )
