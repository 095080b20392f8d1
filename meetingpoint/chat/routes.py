"""Thin views for chat without JavaScript: read, send, edit, page back and forth, jump."""

from datetime import datetime

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_timezone
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import StopValidation

from ..attachments.forms import attachment_slots, uploads_in
from ..forms import ClientIdField, SubmitButton, max_length, required, strip_text
from ..i18n import current_language
from ..inputs import day_of, int_arg
from ..languages.forms import written_in_choices
from ..people.services import access_person
from ..rooms.services import access_room, is_member
from ..security import accepts_attachments
from ..text.limits import MESSAGE_MAX
from . import bp, live, messages, presence, services
from .attached import files_of
from .models import KIND_GROUP, KIND_ROOM


def message_field() -> TextAreaField:
    return TextAreaField(
        _l("Message"),
        filters=[strip_text],
        validators=[required(), max_length(MESSAGE_MAX)],
    )


class MessageForm(FlaskForm):
    body = TextAreaField(_l("Message"), filters=[strip_text], validators=[max_length(MESSAGE_MAX)])
    language = SelectField(_l("Written in"))
    attachments = attachment_slots()
    client_id = ClientIdField()
    submit = SubmitButton(_l("Send"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = written_in_choices()

    def validate_body(self, field):
        # A picture with no words is a message (as on WhatsApp); nothing at all is not.
        if not field.data and not self.uploads():
            raise StopValidation(str(required().message))

    def uploads(self) -> list:
        return uploads_in(self.attachments)

    def first_error(self) -> str:
        """For chat.js's JSON answer; the page shows each beside its field."""
        return _first_message(self.errors)


def _first_message(errors) -> str:
    """WTForms nests a FieldList's errors in lists and dicts: the first message in them."""
    for error in errors.values() if isinstance(errors, dict) else errors:
        found = _first_message(error) if isinstance(error, list | dict) else str(error)
        if found:
            return found
    return ""


class EditForm(FlaskForm):
    body = message_field()
    submit = SubmitButton(_l("Save"))


class GroupForm(FlaskForm):
    title = StringField(
        _l("Name of the conversation"),
        filters=[strip_text],
        validators=[required(), max_length(services.TITLE_MAX)],
    )
    submit = SubmitButton(_l("Start a group conversation"))


@bp.route("/rooms/<slug>/chat", methods=["GET", "POST"])
@login_required
@accepts_attachments
def room_chat(slug):
    room = access_room(slug)
    title = room.text(current_language()).name
    if not is_member(current_user, room):
        if request.method == "POST":  # left the room since the form was shown
            flash(_("Your message was not sent: you are no longer in this room."), "error")
        return render_template(
            "chat/conversation.html", room=room, messages=[], title=title, joined=False
        )
    return _conversation_page(services.room_channel(room), title, room=room)


@bp.route("/messages/")
@login_required
def inbox():
    return render_template(
        "chat/inbox.html",
        conversations=services.conversations_of(current_user),
        group_form=GroupForm(formdata=None),
    )


@bp.route("/messages/with/<int:user_id>", methods=["POST"])
@login_required
def open_direct(user_id):
    conversation = services.open_direct(current_user, access_person(user_id))
    return redirect(url_for("chat.conversation", conversation_id=conversation.id))


@bp.route("/messages/<int:conversation_id>", methods=["GET", "POST"])
@login_required
@accepts_attachments
def conversation(conversation_id):
    conversation = services.access_conversation(current_user, conversation_id)
    if conversation.room_id:
        return redirect(url_for("chat.room_chat", slug=services.room_of(conversation).slug))
    others = [m.user for m in services.members(conversation) if m.user_id != current_user.id]
    title = conversation.title or ", ".join(person.display_name for person in others)
    return _conversation_page(conversation, title, others=others)


@bp.route("/messages/m/<int:message_id>")
@login_required
def permalink(message_id):
    """A message in its conversation: the page that starts with it."""
    message = messages.access_message(current_user, message_id)
    conversation = services.access_conversation(current_user, message.conversation_id)
    if conversation.room_id:
        target = url_for("chat.room_chat", slug=services.room_of(conversation).slug)
    else:
        target = url_for("chat.conversation", conversation_id=conversation.id)
    return redirect(f"{target}?after={message.id - 1}#message-{message.id}")


def _conversation_page(conversation, title, room=None, others=()):
    form = MessageForm()
    if request.method == "POST":
        answer = _send(form, conversation)
        if answer is not None:
            return answer
    before = int_arg("before", low=0)
    after = int_arg("after", low=0)
    day = _day_asked()
    if day is not None:
        after = messages.last_id_before(conversation, day)
    if after is not None:
        found = messages.history(conversation, after_id=after)
        newer = found[-1].id if len(found) == messages.PAGE_SIZE else None
        older = found[0].id if found else None
    else:
        found = messages.history(conversation, before_id=before)
        newer = None
        older = found[0].id if len(found) == messages.PAGE_SIZE else None
    if found:
        messages.mark_read(current_user, conversation, found[-1].id)
    return render_template(
        "chat/conversation.html",
        attached=files_of(found),
        conversation=conversation,
        room=room,
        others=others,
        title=title,
        form=form,
        messages=found,
        online=presence.online_in_room(room.id) if room else ([], 0),
        can_moderate=current_user.is_moderator and conversation.kind == KIND_ROOM,
        is_group=conversation.kind == KIND_GROUP,
        joined=True,
        older=older,
        newer=newer,
        paging=before is not None or after is not None,
        # Live only where the page ends at the newest message; paging back stays still.
        live=before is None and newer is None,
        last_id=found[-1].id if found else 0,
    )


def _send(form: MessageForm, conversation):
    """The form sent: stored, then back to the latest messages; refused, the page again with
    the reason and the text. chat.js sends a message with files here too, asking for JSON:
    it gets the answer the socket's `send` would give."""
    as_json = request.accept_mimetypes.best == "application/json"
    try:
        if not form.validate_on_submit():
            raise messages.ChatError(form.first_error())
        announced, stored = messages.send_message(
            current_user,
            conversation,
            form.body.data,
            form.language.data,
            form.client_id.data,
            uploads=form.uploads(),
        )
    except messages.ChatError as error:
        if as_json:
            return jsonify(ok=False, error=str(error)), 400
        if form.errors:
            return None  # shown beside their fields
        flash(str(error), "error")
        return None
    if as_json:
        return jsonify(ok=True, message=announced, duplicate=not stored, live=live.is_live())
    return redirect(request.path + "#latest")


def _day_asked() -> datetime | None:
    """?date=YYYY-MM-DD as the start of that day in the reader's time zone."""
    day = day_of(request.args.get("date", ""))
    if day is None:
        return None
    return get_timezone().localize(datetime(day.year, day.month, day.day))  # noqa: DTZ001


@bp.route("/messages/edit/<int:message_id>", methods=["GET", "POST"])
@login_required
def edit_message(message_id):
    message = messages.access_message(current_user, message_id)
    if message.sender_id != current_user.id or message.is_deleted:
        abort(403)
    form = EditForm(data={"body": message.body_source})
    if form.validate_on_submit():
        try:
            messages.edit_message(current_user, message.id, form.body.data)
        except messages.ChatError as error:
            flash(str(error), "error")
        else:
            return redirect(url_for("chat.permalink", message_id=message.id))
    return render_template("chat/edit.html", form=form, message=message)


@bp.route("/messages/delete/<int:message_id>", methods=["POST"])
@login_required
def delete_message(message_id):
    message = messages.delete_message(current_user, message_id)
    return redirect(url_for("chat.permalink", message_id=message.id))
