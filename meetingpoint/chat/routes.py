"""Thin views for chat without JavaScript: read a page of messages, send one, page back."""

import uuid

from flask import flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SubmitField, TextAreaField

from ..accounts.choices import spoken_language_choices
from ..forms import choices, max_length, required, strip_text
from ..i18n import current_language
from ..people.services import access_person
from ..rooms.services import access_room, is_member
from . import bp, services


class MessageForm(FlaskForm):
    body = TextAreaField(
        _l("Message"),
        filters=[strip_text],
        validators=[required(), max_length(services.MESSAGE_MAX)],
    )
    language = SelectField(_l("Written in"))
    # Made when the form is shown: sending the same form twice stores one message.
    client_id = HiddenField()
    submit = SubmitField(_l("Send"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = choices(spoken_language_choices())
        if not self.language.data:
            self.language.data = current_language()
        if not self.client_id.data:
            self.client_id.data = uuid.uuid4().hex


@bp.route("/rooms/<slug>/chat", methods=["GET", "POST"])
@login_required
def room_chat(slug):
    room = access_room(slug)
    if not is_member(current_user, room):
        return render_template(
            "chat/conversation.html",
            room=room,
            messages=[],
            form=None,
            title=room.text(current_language()).name,
            joined=False,
        )
    conversation = services.room_channel(room)
    return _conversation_page(conversation, room.text(current_language()).name, room=room)


@bp.route("/messages/")
@login_required
def inbox():
    return render_template(
        "chat/inbox.html", conversations=services.direct_conversations(current_user)
    )


@bp.route("/messages/with/<int:user_id>", methods=["POST"])
@login_required
def open_direct(user_id):
    conversation = services.open_direct(current_user, access_person(user_id))
    return redirect(url_for("chat.conversation", conversation_id=conversation.id))


@bp.route("/messages/<int:conversation_id>", methods=["GET", "POST"])
@login_required
def conversation(conversation_id):
    conversation = services.access_conversation(current_user, conversation_id)
    if conversation.room_id:
        return redirect(url_for("chat.room_chat", slug=services.room_of(conversation).slug))
    others = [m.user for m in services.members(conversation) if m.user_id != current_user.id]
    title = ", ".join(person.display_name for person in others)
    return _conversation_page(conversation, title, others=others)


def _conversation_page(conversation, title, room=None, others=()):
    form = MessageForm()
    if form.validate_on_submit():
        try:
            services.send_message(
                current_user, conversation, form.body.data, form.language.data, form.client_id.data
            )
        except services.ChatError as error:
            flash(str(error), "error")
        else:
            return redirect(request.path + "#latest")
    before = request.args.get("before", type=int)
    messages = services.history(conversation, before_id=before)
    if messages and before is None:
        services.mark_read(current_user, conversation, messages[-1].id)
    return render_template(
        "chat/conversation.html",
        room=room,
        others=others,
        title=title,
        form=form,
        messages=messages,
        can_delete=current_user.is_moderator and room is not None,
        joined=True,
        older=messages[0].id if len(messages) == services.PAGE_SIZE else None,
        paging_back=before is not None,
    )


@bp.route("/messages/delete/<int:message_id>", methods=["POST"])
@login_required
def delete_message(message_id):
    message = services.delete_message(current_user, message_id)
    conversation = services.access_conversation(current_user, message.conversation_id)
    if conversation.room_id:
        return redirect(url_for("chat.room_chat", slug=services.room_of(conversation).slug))
    return redirect(url_for("chat.conversation", conversation_id=conversation.id))
