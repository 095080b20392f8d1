"""Thin views for the room list, a room's page, joining and leaving, and room admin."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..i18n import current_language
from ..mail.addresses import room_address
from ..pagecache.pages import kept_for_visitors
from ..security import admin_required, safe_next
from . import bp, services
from .forms import RoomForm
from .sections import sections_for

MEMBERS_SHOWN = 48


@bp.route("/")
def index():
    rooms = services.rooms_with_member_counts(include_archived=True)
    mine = services.room_ids_of(current_user) if current_user.is_authenticated else set()
    active = [(room, count) for room, count in rooms if not room.is_archived]
    archived = [(room, count) for room, count in rooms if room.is_archived]
    return render_template("rooms/index.html", rooms=active, archived=archived, mine=mine)


@bp.route("/<slug>/")
@kept_for_visitors
def show(slug):
    room = services.access_room(slug)
    members, total = services.room_members(room, MEMBERS_SHOWN)
    return render_template(
        "rooms/show.html",
        room=room,
        text=room.text(current_language()),
        members=members,
        member_count=total,
        is_member=services.is_member(current_user, room),
        sections=sections_for(room, current_user),
        mail_address=room_address(room.slug),
    )


@bp.route("/<slug>/join", methods=["POST"])
@login_required
def join(slug):
    room = services.access_room(slug)
    try:
        if services.join_room(current_user, room):
            flash(_("Welcome to the room!"), "success")
    except services.RoomError as error:
        flash(str(error), "error")
    # From a page that asked to join first (a reply form), back to it.
    return redirect(safe_next(request.form.get("next")) or url_for("rooms.show", slug=room.slug))


@bp.route("/<slug>/leave", methods=["POST"])
@login_required
def leave(slug):
    room = services.access_room(slug)
    if services.leave_room(current_user, room):
        flash(_("You have left the room."), "success")
    return redirect(url_for("rooms.show", slug=room.slug))


@bp.route("/new", methods=["GET", "POST"])
@admin_required
def create():
    form = RoomForm()
    if form.validate_on_submit():
        try:
            room = services.create_room(form.slug.data, form.position.data or 0, form.texts())
        except services.RoomError as error:
            form.slug.errors.append(str(error))
        else:
            flash(_("The room is created."), "success")
            return redirect(url_for("rooms.show", slug=room.slug))
    return render_template("rooms/edit.html", form=form, room=None)


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@admin_required
def edit(slug):
    room = services.access_room(slug)
    form = RoomForm(obj=room)
    if not form.is_submitted():
        form.fill_texts(room)
    if form.validate_on_submit():
        try:
            services.update_room(room, form.slug.data, form.position.data or 0, form.texts())
        except services.RoomError as error:
            form.slug.errors.append(str(error))
        else:
            flash(_("The room is saved."), "success")
            return redirect(url_for("rooms.show", slug=room.slug))
    return render_template("rooms/edit.html", form=form, room=room)


@bp.route("/<slug>/archive", methods=["POST"])
@admin_required
def archive(slug):
    room = services.access_room(slug)
    services.set_archived(room, not room.is_archived)
    flash(
        _("The room is archived.") if room.is_archived else _("The room is open again."), "success"
    )
    return redirect(url_for("rooms.show", slug=room.slug))
