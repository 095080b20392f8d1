"""Thin views: the dead jobs, for admins, with a form to send each again or let it go."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..security import admin_required
from . import bp, services


@bp.route("/")
@admin_required
def dead():
    return render_template("jobs/dead.html", jobs=services.dead_jobs())


@bp.route("/<int:dead_id>/retry", methods=["POST"])
@admin_required
def retry(dead_id):
    services.retry(dead_id)
    flash(_("The job is queued again."), "success")
    return redirect(url_for("jobs.dead"))


@bp.route("/<int:dead_id>/discard", methods=["POST"])
@admin_required
def discard(dead_id):
    services.discard(dead_id)
    flash(_("The job is taken off the list."), "success")
    return redirect(url_for("jobs.dead"))
