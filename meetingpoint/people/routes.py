"""Thin views for the people directory and profile pages."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..accounts.services import AccountError, assign_role, suspend
from ..extensions import db
from ..i18n import current_language
from ..inputs import page_arg
from ..rooms.services import rooms_with_member_counts
from . import bp, services
from .forms import DirectoryForm, RoleForm, SuspendForm


def online_among(user_ids) -> set[int]:
    # Presence belongs to chat, which sits above people: look it up on use.
    from ..chat.presence import online_among

    return online_among(user_ids)


@bp.route("/")
@login_required
def index():
    rooms = [room for room, _count in rooms_with_member_counts()]
    room_choices = [(room.slug, room.text(current_language()).name) for room in rooms]
    form = DirectoryForm(request.args, room_choices=room_choices)
    filters = form.to_filter()
    page = db.paginate(
        services.directory_query(filters),
        page=page_arg(),
        per_page=current_app.config["PEOPLE_PER_PAGE"],
        error_out=False,
    )
    online = online_among(person.id for person in page.items)
    return render_template(
        "people/index.html", form=form, page=page, filters=filters, online=online
    )


@bp.route("/<int:user_id>")
@login_required
def show(user_id):
    person = services.access_person(user_id)
    rooms = services.rooms_of(person)
    role_form = RoleForm(role=person.role) if current_user.is_admin else None
    suspend_form = SuspendForm() if current_user.is_moderator else None
    return render_template(
        "people/show.html",
        person=person,
        rooms=rooms,
        online=online_among([person.id]),
        role_form=role_form,
        suspend_form=suspend_form,
    )


@bp.route("/<int:user_id>/suspend", methods=["POST"])
@login_required
def change_suspension(user_id):
    person = services.access_person(user_id)
    form = SuspendForm()
    if not form.validate_on_submit() or (form.suspend.data and not form.until.data):
        flash(
            form.until.errors[0] if form.until.errors else _("Choose a date in the future."),
            "error",
        )
        return redirect(url_for("people.show", user_id=person.id))
    try:
        suspend(current_user, person, None if form.lift.data else form.until.data)
    except AccountError as error:
        flash(str(error), "error")
    else:
        flash(
            _("The suspension is lifted.")
            if form.lift.data
            else _("The participant is suspended."),
            "success",
        )
    return redirect(url_for("people.show", user_id=person.id))


@bp.route("/<int:user_id>/role", methods=["POST"])
@login_required
def change_role(user_id):
    person = services.access_person(user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            assign_role(current_user, person, form.role.data)
        except AccountError as error:
            flash(str(error), "error")
        else:
            flash(_("The role is changed."), "success")
    else:
        flash(_("Unknown role."), "error")
    return redirect(url_for("people.show", user_id=person.id))
