"""Thin view: the mail received, for admins, to answer "why was my mail not posted?"."""

from flask import render_template, request

from ..security import admin_required
from . import bp, services


@bp.route("/")
@admin_required
def received():
    page = services.received(request.args.get("page", 1, type=int))
    return render_template("inbound/received.html", page=page, link=services.outcome_link)
