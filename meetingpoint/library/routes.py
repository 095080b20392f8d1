"""Thin views for the library: browse and filter, an item, add, edit, remove, download, play."""

from flask import (
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..attachments.routes import access_attachment
from ..forums.access import ForumError
from ..inputs import page_arg
from ..rooms.services import rooms_with_member_counts
from ..security import accepts_uploads
from . import bp, catalogue, discussions, files, services
from .forms import ITEM_TYPE_LABELS, KIND_LABELS, FilterForm, ItemForm
from .models import DOCUMENT, LINK, VIDEO
from .translations import described_in
from .videos import FRAME_SOURCES, embed_url, watch_url


def _rooms():
    return [room for room, _count in rooms_with_member_counts()]


@bp.app_context_processor
def library_labels():
    return {
        "item_type_labels": ITEM_TYPE_LABELS,
        "item_kind_labels": KIND_LABELS,
    }


@bp.route("/")
def index():
    rooms = _rooms()
    form = FilterForm(request.args, rooms=rooms)
    page = catalogue.find(form.to_filters(), page_arg())
    return render_template(
        "library/index.html",
        form=form,
        page=page,
        popular=catalogue.most_downloaded(),
        rooms={room.id: room for room in rooms},
        query={k: v for k, v in request.args.items() if k != "page"},
    )


@bp.route("/<int:item_id>")
def item(item_id):
    item = services.access_item(item_id)
    return render_template(
        "library/item.html",
        item=item,
        rooms=[room for room in _rooms() if room.id in item.room_ids],
        editable=services.can_edit(current_user, item),
        described=described_in(item),
    )


@bp.route("/add/<kind>", methods=["GET", "POST"])
@login_required
@accepts_uploads
def add(kind):
    if kind not in KIND_LABELS:
        abort(404)
    rooms = _rooms()
    form = ItemForm(rooms=rooms)
    if request.method == "GET":
        chosen = request.args.get("room", "")
        form.rooms.data = [str(room.id) for room in rooms if room.slug == chosen]
        form.languages.data = [current_user.locale]
        form.item_type.data = "video" if kind == VIDEO else "report"
    status = 200
    if form.validate_on_submit():
        try:
            item = _add(kind, form)
        except services.LibraryError as error:
            flash(str(error), "error")
            status = 400
            if error.existing is not None:
                return render_template(
                    "library/add.html", form=form, kind=kind, existing=error.existing
                ), 400
        else:
            flash(_("Thank you: the item is in the library."), "success")
            return redirect(url_for("library.item", item_id=item.id))
    elif request.method == "POST":
        status = 400  # the form expired: the CSRF handler has said so
    return render_template("library/add.html", form=form, kind=kind, existing=None), status


def _add(kind: str, form: ItemForm):
    fields = form.to_fields()
    if kind == DOCUMENT:
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            raise services.LibraryError(_("Choose the file to upload."))
        return services.add_document(current_user, fields, upload.stream, upload.filename)
    if kind == LINK:
        return services.add_link(current_user, fields)
    return services.add_video(current_user, fields)


@bp.route("/from-attachment/<int:attachment_id>", methods=["POST"])
@login_required
def from_attachment(attachment_id):
    attachment = access_attachment(attachment_id)
    try:
        item = services.add_attachment(current_user, attachment)
    except services.LibraryError as error:
        flash(str(error), "error")
        if error.existing is not None:
            return redirect(url_for("library.item", item_id=error.existing.id))
        return redirect(url_for("forums.permalink", post_id=attachment.post_id))
    flash(_("The file is in the library: give it a description others can find."), "success")
    return redirect(url_for("library.edit", item_id=item.id))


@bp.route("/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit(item_id):
    item = services.access_item(item_id)
    if not services.can_edit(current_user, item):
        abort(403)
    form = ItemForm(obj=item, rooms=_rooms())
    if request.method == "GET":
        form.languages.data = item.language_codes
        form.rooms.data = [str(room_id) for room_id in item.room_ids]
        form.year.data = str(item.year or "")
    status = 200
    if form.validate_on_submit():
        try:
            services.edit_item(current_user, item, form.to_fields())
        except services.LibraryError as error:
            flash(str(error), "error")
            status = 400
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(url_for("library.item", item_id=item.id))
    return render_template("library/edit.html", form=form, item=item), status


@bp.route("/<int:item_id>/remove", methods=["POST"])
@login_required
def remove(item_id):
    item = services.access_item(item_id)
    services.remove_item(current_user, item)
    flash(_("The item is removed from the library."), "success")
    return redirect(url_for("library.index"))


@bp.route("/<int:item_id>/download")
def download(item_id):
    """The file itself, always as an attachment with the type read from its content: a
    browser never renders an upload as a page of ours."""
    item = services.access_item(item_id)
    if item.kind != DOCUMENT:
        abort(404)
    response = files.serve(item.sha256, item.content_type, item.file_name)  # 404 if missing
    if not (request.range and request.range.ranges and request.range.ranges[0][0] > 0):
        services.count_download(item)  # a resumed download is the same download
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route("/<int:item_id>/play")
def play(item_id):
    """The reader asked to play: only now is the video host contacted, from this page alone."""
    item = services.access_item(item_id)
    if item.kind != VIDEO:
        abort(404)
    response = make_response(
        render_template(
            "library/play.html",
            item=item,
            embed=embed_url(item.video_host, item.video_id),
            watch=watch_url(item.video_host, item.video_id),
        )
    )
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        f"frame-src {FRAME_SOURCES[item.video_host]}; frame-ancestors 'none'; "
        "form-action 'self'; base-uri 'self'"
    )
    return response


@bp.route("/<int:item_id>/discuss", methods=["POST"])
@login_required
def discuss(item_id):
    item = services.access_item(item_id)
    try:
        topic = discussions.open_discussion(current_user, item)
    except ForumError as error:
        flash(str(error), "error")
        return redirect(url_for("library.item", item_id=item.id))
    return redirect(url_for("forums.topic", slug=topic.room.slug, topic_id=topic.id))
