"""Thin views for the notification centre."""

from flask import redirect, render_template, url_for
from flask_login import current_user, login_required

from . import bp, services


@bp.route("/")
@login_required
def index():
    items = services.recent(current_user)
    posts = services.posts_named(items)
    return render_template("notifications/index.html", items=items, posts=posts)


@bp.route("/<int:notification_id>")
@login_required
def open(notification_id):
    notification = services.open_notification(current_user, notification_id)
    if notification.post_id:
        return redirect(url_for("forums.permalink", post_id=notification.post_id))
    if notification.announcement_id:
        from ..academy.services import announcement_url  # the academy sits above

        return redirect(announcement_url(notification.announcement_id))
    if notification.news_id:
        return redirect(url_for("news.show", news_id=notification.news_id))
    if notification.chat_message_id:
        return redirect(url_for("chat.permalink", message_id=notification.chat_message_id))
    return redirect(url_for("notifications.index"))


@bp.route("/read", methods=["POST"])
@login_required
def read_all():
    services.mark_all_read(current_user)
    return redirect(url_for("notifications.index"))
