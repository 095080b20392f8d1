"""Thin views for the notification centre, its settings, and unsubscribing from digests."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..extensions import csrf
from ..i18n import current_language
from . import bp, mailing_list, preferences, push_settings, services, vapid
from .wording import describe


@bp.route("/")
@login_required
def index():
    items = services.recent(current_user)
    posts = services.posts_named(items)
    return render_template("notifications/index.html", items=items, posts=posts, describe=describe)


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


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    """Per kind of event: in the app, by email at once, in the digest, or not at all;
    pushed to the person's devices or not; and the rooms read by mail, every post whole."""
    status = 200
    chosen = preferences.preferences_of(current_user)
    frequency = preferences.digest_frequency(current_user)
    pushed = push_settings.pushed_events(current_user)
    show_text = push_settings.shows_text(current_user.id)
    listed = {str(room_id) for room_id in mailing_list.rooms_read_by_mail(current_user.id)}
    if request.method == "POST":
        chosen = {event: request.form.get(event, "") for event in preferences.EVENTS}
        frequency = request.form.get("digest", "")
        pushed = set(request.form.getlist("push"))
        show_text = request.form.get("push_text") == "1"
        listed = set(request.form.getlist("list_room"))
        try:
            push_settings.check(pushed)  # first: bad input changes nothing
            mailing_list.check_rooms(current_user, listed)
            preferences.save(current_user, chosen, frequency)
            push_settings.choose(current_user, pushed, show_text)
            mailing_list.choose_rooms(current_user, listed)
        except (
            preferences.PreferencesError,
            push_settings.PushError,
            mailing_list.MailingListError,
        ) as error:
            flash(str(error), "error")
            status = 400
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(url_for("notifications.settings"))
    return render_template(
        "notifications/settings.html",
        events=preferences.EVENTS,
        channels=preferences.CHANNELS,
        frequencies=preferences.FREQUENCIES,
        chosen=chosen,
        frequency=frequency,
        pushed=pushed,
        show_text=show_text,
        list_rooms=mailing_list.rooms_to_choose(current_user),
        listed=listed,
        devices=push_settings.devices_of(current_user),
        device_label=push_settings.device_label,
        push_key=vapid.public_key(),
    ), status


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the proof; mail clients post here by themselves (RFC 8058)
def unsubscribe(token):
    """From a digest's link, without signing in: a page with one button, or a direct POST."""
    if request.method == "POST":
        if not preferences.unsubscribe(token):
            abort(404)
        return render_template("notifications/unsubscribed.html")
    if preferences.token_owner(token) is None:
        abort(404)
    return render_template("notifications/unsubscribe.html", token=token)


@bp.route("/list-unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # as the digest's: the signed token is the proof (RFC 8058)
def list_unsubscribe(token):
    """From a list mail's link, without signing in: stop one room's mail, no other."""
    room = mailing_list.token_room(token)
    if room is None:
        abort(404)
    room_name = room.text(current_language()).name
    if request.method == "POST":
        mailing_list.unsubscribe(token)
        return render_template("notifications/list_unsubscribed.html", room_name=room_name)
    return render_template("notifications/list_unsubscribe.html", room_name=room_name)
