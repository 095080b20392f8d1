"""Thin views for the news: the list, an item, writing and editing, Atom feeds."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..i18n import LANGUAGES, current_language
from ..inputs import page_arg
from ..rooms.services import access_room, rooms_with_member_counts
from . import bp, services

FEED_SIZE = 30


@bp.route("/<lang:lang_code>/news/")
def index():
    page = services.page_of_news(page_arg())
    return render_template(
        "news/index.html", page=page, can_publish=services.can_publish(current_user)
    )


@bp.route("/<lang:lang_code>/news/<int:news_id>")
def show(news_id):
    item = services.access_news(news_id)
    return render_template(
        "news/show.html", item=item, can_publish=services.can_publish(current_user)
    )


def _typed(form) -> dict[str, tuple[str, str]]:
    return {
        lang: (form.get(f"title_{lang}", "")[:1000], form.get(f"body_{lang}", "")[:40_000])
        for lang in LANGUAGES
    }


@bp.route("/<lang:lang_code>/news/new", methods=["GET", "POST"])
@login_required
def new():
    if not services.can_publish(current_user):
        abort(403)
    rooms = [room for room, _count in rooms_with_member_counts()]
    chosen = request.values.get("room", "")
    room = next((r for r in rooms if r.slug == chosen), None)
    typed, status = {}, 200
    if request.method == "POST":
        typed = _typed(request.form)
        try:
            item = services.publish(current_user, room, typed)
        except services.NewsError as error:
            flash(str(error), "error")
            status = 400
        else:
            flash(_("The news is published."), "success")
            return redirect(url_for("news.show", news_id=item.id))
    return render_template("news/form.html", item=None, rooms=rooms, room=room, typed=typed), status


@bp.route("/<lang:lang_code>/news/<int:news_id>/edit", methods=["GET", "POST"])
@login_required
def edit(news_id):
    item = services.access_news(news_id)
    if not services.can_publish(current_user):
        abort(403)
    status = 200
    if request.method == "POST":
        typed = _typed(request.form)
        try:
            services.edit(current_user, item, typed)
        except services.NewsError as error:
            flash(str(error), "error")
            status = 400
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(url_for("news.show", news_id=item.id))
    else:
        typed = {text.language: (text.title, text.body_source) for text in item.texts}
    return render_template(
        "news/form.html", item=item, rooms=[], room=item.room, typed=typed
    ), status


@bp.route("/<lang:lang_code>/news/<int:news_id>/delete", methods=["POST"])
@login_required
def delete(news_id):
    item = services.access_news(news_id)
    services.delete(current_user, item)
    flash(_("The news is deleted."), "success")
    return redirect(url_for("news.index"))


@bp.route("/<lang:lang_code>/news/feed.atom")
def site_feed():
    """Every news item, the site's and the rooms'."""
    items = services.latest(limit=FEED_SIZE, everywhere=True)
    return _atom(_("News"), url_for("news.site_feed", _external=True),
                 url_for("news.index", _external=True), items)  # fmt: skip


@bp.route("/<lang:lang_code>/rooms/<slug>/news.atom")
def room_feed(slug):
    room = access_room(slug)
    items = services.latest(room.id, limit=FEED_SIZE)
    title = _("News: %(room)s", room=room.text(current_language()).name)
    return _atom(title, url_for("news.room_feed", slug=slug, _external=True),
                 url_for("rooms.show", slug=slug, _external=True), items)  # fmt: skip


def _atom(title: str, self_url: str, page_url: str, items) -> Response:
    body = render_template(
        "news/feed.xml", title=title, self_url=self_url, page_url=page_url, items=items
    )
    return Response(body, mimetype="application/atom+xml")
