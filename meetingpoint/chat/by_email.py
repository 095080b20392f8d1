"""Chat by mail: a reply to a message's mail is a message in its conversation, announced
live like any other, checked as a message sent from the site would be."""

from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from ..inbound.handlers import Incoming, Refused, reply_handler
from .errors import ChatError
from .messages import send_message
from .services import access_conversation


@reply_handler("conversation")
def message_by_mail(incoming: Incoming, conversation_id: int) -> str:
    try:
        conversation = access_conversation(incoming.user, conversation_id)
    except HTTPException:
        left = _("You are no longer in this conversation, so your reply was not sent.")
        raise Refused(left) from None
    try:
        payload, _stored = send_message(
            incoming.user, conversation, incoming.text, "", incoming.client_id, incoming.files
        )
    except ChatError as error:
        raise Refused(str(error)) from None
    return f"message:{payload['id']}"
