"""Thin views for moderators (topic and post actions, the queue) and for reporting a post."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..attachments.services import of_posts
from ..rooms.services import access_room
from . import bp, moderation
from .access import ForumError, access_post, access_topic, require_moderator

FLAG_MESSAGES = {
    "pinned_at": (lambda: _("The topic is pinned."), lambda: _("The topic is unpinned.")),
    "locked_at": (lambda: _("The topic is locked."), lambda: _("The topic is unlocked.")),
    "closed_at": (lambda: _("The topic is closed."), lambda: _("The topic is open again.")),
}
ACTIONS = {"pin": "pinned_at", "lock": "locked_at", "close": "closed_at"}


@bp.route("/rooms/<slug>/topics/<int:topic_id>/<any(pin, lock, close):action>", methods=["POST"])
@login_required
def topic_flag(slug, topic_id, action):
    topic = access_topic(access_room(slug), topic_id, current_user)
    flag = ACTIONS[action]
    now_set = moderation.toggle_topic_flag(current_user, topic, flag)
    flash(FLAG_MESSAGES[flag][0 if now_set else 1](), "success")
    return redirect(url_for("forums.topic", slug=topic.room.slug, topic_id=topic.id))


@bp.route("/rooms/<slug>/topics/<int:topic_id>/move", methods=["POST"])
@login_required
def move(slug, topic_id):
    topic = access_topic(access_room(slug), topic_id, current_user)
    target = access_room(request.form.get("room", ""))
    try:
        moderation.move_topic(current_user, topic, target)
    except ForumError as error:
        flash(str(error), "error")
    else:
        flash(_("The topic is moved."), "success")
    return redirect(url_for("forums.topic", slug=topic.room.slug, topic_id=topic.id))


@bp.route("/posts/<int:post_id>/hide", methods=["POST"])
@login_required
def hide(post_id):
    post = access_post(post_id, current_user)
    hidden = moderation.toggle_hidden(current_user, post)
    flash(_("The post is hidden.") if hidden else _("The post is visible again."), "success")
    return redirect(url_for("forums.permalink", post_id=post.id))


@bp.route("/posts/<int:post_id>/approve", methods=["POST"])
@login_required
def approve(post_id):
    post = access_post(post_id, current_user)
    moderation.approve(current_user, post)
    flash(_("The post is published."), "success")
    if request.form.get("back") == "queue":
        return redirect(url_for("forums.queue"))
    return redirect(url_for("forums.permalink", post_id=post.id))


@bp.route("/posts/<int:post_id>/report", methods=["GET", "POST"])
@login_required
def report(post_id):
    post = access_post(post_id, current_user)
    if post.author_id == current_user.id:
        abort(403)
    error, status = None, 200
    if request.method == "POST":
        try:
            moderation.report(current_user, post, request.form.get("reason", ""))
        except ForumError as refusal:
            error = str(refusal)
            status = 429 if isinstance(refusal, moderation.TooManyReports) else 400
        else:
            flash(_("Thank you: the moderators will look at it."), "success")
            return redirect(url_for("forums.permalink", post_id=post.id))
    page = render_template(
        "forums/report.html",
        post=post,
        files=of_posts([post.id]).get(post.id, []),
        error=error,
        reason=request.form.get("reason", ""),
    )
    return page, status


@bp.route("/moderation/")
@login_required
def queue():
    require_moderator(current_user)
    reports, held = moderation.queue(current_user)
    attached = of_posts({item.post_id for item in reports} | {post.id for post in held})
    return render_template("forums/queue.html", reports=reports, held=held, attached=attached)


@bp.route("/moderation/reports/<int:report_id>/dismiss", methods=["POST"])
@login_required
def dismiss(report_id):
    moderation.dismiss_report(current_user, report_id)
    flash(_("The report is dismissed."), "success")
    return redirect(url_for("forums.queue"))
