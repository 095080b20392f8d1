"""Thin views for the notification centre."""

from flask import redirect, render_template, url_for
from flask_login import current_user, login_required

from ..extensions import db
from ..forums.models import Post
from . import bp, services


@bp.route("/")
@login_required
def index():
    items = services.recent(current_user)
    posts = {
        p.id: p
        for p in db.session.scalars(
            db.select(Post).where(Post.id.in_({n.post_id for n in items if n.post_id}))
        )
    }
    return render_template("notifications/index.html", items=items, posts=posts)


@bp.route("/<int:notification_id>")
@login_required
def open(notification_id):
    notification = services.open_notification(current_user, notification_id)
    if notification.post_id:
        return redirect(url_for("forums.permalink", post_id=notification.post_id))
    return redirect(url_for("notifications.index"))


@bp.route("/read", methods=["POST"])
@login_required
def read_all():
    services.mark_all_read(current_user)
    return redirect(url_for("notifications.index"))
