"""Thin views for push: the key browsers subscribe with, subscribing a device, removing one."""

from flask import flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from . import bp, push_settings, vapid


@bp.route("/push/key")
@login_required
def push_key():
    return jsonify(publicKey=vapid.public_key())


@bp.route("/push/subscribe", methods=["POST"])
@login_required
def push_subscribe():
    """From push.js: the browser's subscription as JSON, with the CSRF token in a header."""
    try:
        push_settings.subscribe(
            current_user, request.get_json(silent=True), request.headers.get("User-Agent", "")
        )
    except push_settings.PushError as error:
        return jsonify(error=str(error)), 400
    return jsonify(message=_("Notifications are on for this device.")), 201


@bp.route("/push/devices/<int:device_id>/remove", methods=["POST"])
@login_required
def push_remove(device_id):
    push_settings.remove(current_user, device_id)
    flash(_("That device will get no more notifications."), "success")
    return redirect(url_for("notifications.settings"))
