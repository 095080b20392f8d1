"""Thin views for the people directory and profile pages."""

from flask import current_app, render_template, request
from flask_login import login_required

from ..extensions import db
from ..i18n import current_language
from ..rooms.services import rooms_with_member_counts
from . import bp, services
from .forms import DirectoryForm


@bp.route("/")
@login_required
def index():
    rooms = [room for room, _count in rooms_with_member_counts()]
    room_choices = [(room.slug, room.text(current_language()).name) for room in rooms]
    form = DirectoryForm(request.args, room_choices=room_choices)
    filters = form.to_filter()
    page = db.paginate(
        services.directory_query(filters),
        per_page=current_app.config["PEOPLE_PER_PAGE"],
        error_out=False,
    )
    return render_template("people/index.html", form=form, page=page, filters=filters)


@bp.route("/<int:user_id>")
@login_required
def show(user_id):
    person = services.access_person(user_id)
    rooms = services.rooms_of(person)
    return render_template("people/show.html", person=person, rooms=rooms)
