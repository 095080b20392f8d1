"""Thin views for the invited: a link from a list (sign up already filled in, or sign in),
and a shared invite link."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from ..extensions import db, limiter
from ..i18n import current_language
from . import bp, links, services
from .forms import AcceptForm
from .scopes import ROLE_LABELS, scope_of


def _gone(error, status=410):
    return render_template("invitations/gone.html", reason=str(error)), status


@bp.route("/accept/<token>", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"], scope="invitation-accept")
def accept(token):
    try:
        invitation = services.invitation_for(token)
    except services.InvitationError as error:
        return _gone(error)
    scope = scope_of(invitation.scope, invitation.scope_id)
    page = {"invitation": invitation, "scope": scope, "role": ROLE_LABELS[invitation.role],
            "name": scope.name(current_language())}  # fmt: skip
    if current_user.is_authenticated:
        return _accept_signed_in(invitation, scope, page)
    if services.owner_of(invitation) is not None:
        return render_template("invitations/sign_in_first.html", **page)
    form = AcceptForm(obj=invitation)
    if request.method == "GET":
        form.locale.data = invitation.locale or current_language()
        form.languages.data = [form.locale.data]
    if form.validate_on_submit():
        try:
            user = services.account_for(invitation, form.password.data, form.to_profile())
            services.accept(invitation, user)
        except services.InvitationError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            login_user(user)
            flash(_("Welcome to Meeting Point!"), "success")
            return redirect(scope.landing(user.locale))
    status = 400 if form.is_submitted() else 200
    return render_template("invitations/accept_new.html", form=form, **page), status


def _accept_signed_in(invitation, scope, page):
    if request.method == "POST":
        try:
            services.accept(invitation, current_user)
        except services.InvitationError as error:
            flash(str(error), "error")
            return render_template("invitations/accept.html", **page), 400
        flash(_("You are in. Welcome!"), "success")
        return redirect(scope.landing(current_language()))
    return render_template("invitations/accept.html", **page)


@bp.route("/join/<token>", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"], scope="invitation-join")
def join(token):
    try:
        link = links.link_for(token)
    except services.InvitationError as error:
        return _gone(error)
    scope = scope_of(link.scope, link.scope_id)
    page = {"link": link, "scope": scope, "role": ROLE_LABELS[link.role],
            "name": scope.name(current_language())}  # fmt: skip
    if current_user.is_authenticated and request.method == "POST":
        try:
            links.use_link(link, current_user)
        except services.InvitationError as error:
            return _gone(error)
        flash(_("You are in. Welcome!"), "success")
        return redirect(scope.landing(current_language()))
    here = url_for("invitations.join", token=token)
    return render_template("invitations/join.html", here=here, **page)
