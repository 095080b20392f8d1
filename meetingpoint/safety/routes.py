"""Thin views: mute, block, unmute and unblock someone; the list of whom you muted."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..people.services import access_person
from . import bp, services

ACTIONS = {
    "mute": (
        services.mute,
        lambda name: _(
            "%(name)s is muted: their posts and messages are collapsed for you, and you are "
            "not notified of them.",
            name=name,
        ),
    ),
    "block": (
        services.block,
        lambda name: _(
            "%(name)s is blocked: they cannot message you, and their writing is collapsed.",
            name=name,
        ),
    ),
    "unmute": (services.unmute, lambda name: _("%(name)s is no longer muted.", name=name)),
    "unblock": (
        services.unblock,
        lambda name: _(
            "%(name)s can message you again. They stay muted until you unmute them.", name=name
        ),
    ),
}


@bp.route("/people/<int:user_id>/<any(mute, block, unmute, unblock):action>", methods=["POST"])
@login_required
def change(user_id, action):
    person = access_person(user_id)
    change_it, told = ACTIONS[action]
    try:
        change_it(current_user, person)
    except services.SafetyError as error:
        flash(str(error), "error")
    else:
        flash(told(person.display_name), "success")
    if request.form.get("back") == "list":
        return redirect(url_for("safety.muted"))
    return redirect(url_for("people.show", user_id=person.id))


@bp.route("/account/muted")
@login_required
def muted():
    rows = services.mutes_of(current_user)
    return render_template(
        "safety/muted.html",
        blocked=[row for row in rows if row.blocked],
        muted=[row for row in rows if not row.blocked],
    )
