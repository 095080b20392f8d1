"""Thin views for group conversations: start one, add people (found by name), leave."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.exceptions import NotFound

from ..extensions import db
from ..people.services import DirectoryFilter, access_person, directory_query
from . import bp, services
from .models import KIND_GROUP
from .routes import GroupForm

MATCHES_SHOWN = 10


@bp.route("/messages/groups", methods=["POST"])
@login_required
def start_group():
    form = GroupForm()
    if not form.validate_on_submit():
        for error in form.title.errors:
            flash(str(error), "error")
        return redirect(url_for("chat.inbox"))
    conversation = services.create_group(current_user, form.title.data)
    return redirect(url_for("chat.group_people", conversation_id=conversation.id))


@bp.route("/messages/<int:conversation_id>/people")
@login_required
def group_people(conversation_id):
    conversation = _access_group(conversation_id)
    members = services.members(conversation)
    query = request.args.get("q", "").strip()[:100]
    matches = []
    if query:
        taken = {m.user_id for m in members}
        found = db.session.scalars(
            directory_query(DirectoryFilter(query=query)).limit(MATCHES_SHOWN + len(taken))
        )
        matches = [person for person in found if person.id not in taken][:MATCHES_SHOWN]
    return render_template(
        "chat/group_people.html",
        conversation=conversation,
        members=members,
        query=query,
        matches=matches,
    )


@bp.route("/messages/<int:conversation_id>/people/<int:user_id>", methods=["POST"])
@login_required
def add_to_group(conversation_id, user_id):
    conversation = _access_group(conversation_id)
    try:
        services.add_to_group(current_user, conversation, access_person(user_id))
    except services.ChatError as error:
        flash(str(error), "error")
    return redirect(url_for("chat.group_people", conversation_id=conversation.id))


@bp.route("/messages/<int:conversation_id>/leave", methods=["POST"])
@login_required
def leave_group(conversation_id):
    services.leave_group(current_user, _access_group(conversation_id))
    return redirect(url_for("chat.inbox"))


def _access_group(conversation_id: int):
    conversation = services.access_conversation(current_user, conversation_id)
    if conversation.kind != KIND_GROUP:
        raise NotFound
    return conversation
