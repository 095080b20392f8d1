"""Thin views for staff: invite a list (preview, then send), share links, follow up."""

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from ..extensions import limiter
from . import bp, links, lists, services
from .forms import ConfirmForm, InviteForm, LinkForm
from .scopes import ROLE_LABELS, staff_scope


def _manage_page(scope, invite_form=None, link_form=None, status=200):
    page = services.invitations_of(scope, request.args.get("page", 1, type=int))
    return render_template(
        "invitations/manage.html",
        scope=scope,
        form=invite_form or InviteForm(scope.roles),
        link_form=link_form or LinkForm(scope.roles),
        page=page,
        links=links.links_of(scope),
        state_of=services.state_of,
        roles=ROLE_LABELS,
    ), status


@bp.route("/<kind>/<key>/", methods=["GET", "POST"])
@login_required
def manage(kind, key):
    """The list form (POST: its preview), the links, and the invitations so far."""
    scope = staff_scope(kind, key, current_user)
    form = InviteForm(scope.roles)
    if not form.validate_on_submit():
        return _manage_page(scope, form, status=400 if form.is_submitted() else 200)
    text = form.addresses.data or ""
    if form.file.data:
        text = form.file.data.read(400_001).decode("utf-8-sig", errors="replace")
    try:
        lines = services.preview(scope, text, form.role.data)
    except lists.ListError as error:
        form.addresses.errors = [str(error)]
        return _manage_page(scope, form, status=400)
    confirm = ConfirmForm(addresses=text, role=form.role.data)
    return render_template(
        "invitations/preview.html", scope=scope, lines=lines, confirm=confirm,
        outcomes=lists.OUTCOMES, role=ROLE_LABELS[form.role.data],
        inviting=sum(line.invited for line in lines),
    )  # fmt: skip


@bp.route("/<kind>/<key>/send", methods=["POST"])
@login_required
@limiter.limit("20 per hour", scope="invitations-send")
def send(kind, key):
    scope = staff_scope(kind, key, current_user)
    form = ConfirmForm()
    if not form.validate_on_submit():
        return _manage_page(scope, status=400)
    try:
        made = services.invite(current_user, scope, form.addresses.data, form.role.data)
    except (services.InvitationError, lists.ListError) as error:
        flash(str(error), "error")
        return _manage_page(scope, status=400)
    flash(
        ngettext("%(num)d invitation is on its way.", "%(num)d invitations are on their way.",
                 len(made)),
        "success",
    )  # fmt: skip
    return redirect(scope.manage_url())


@bp.route("/<kind>/<key>/<int:invitation_id>/resend", methods=["POST"])
@login_required
def resend(kind, key, invitation_id):
    scope = staff_scope(kind, key, current_user)
    invitation = services.invitation_in(scope, invitation_id)
    try:
        services.resend(current_user, invitation)
    except services.InvitationError as error:
        flash(str(error), "error")
        return _manage_page(scope, status=400)
    flash(_("The invitation is sent again, with a new link."), "success")
    return redirect(scope.manage_url())


@bp.route("/<kind>/<key>/<int:invitation_id>/revoke", methods=["POST"])
@login_required
def revoke(kind, key, invitation_id):
    scope = staff_scope(kind, key, current_user)
    services.revoke(services.invitation_in(scope, invitation_id))
    flash(_("The invitation is withdrawn: its link no longer works."), "success")
    return redirect(scope.manage_url())


@bp.route("/<kind>/<key>/links", methods=["POST"])
@login_required
def new_link(kind, key):
    scope = staff_scope(kind, key, current_user)
    form = LinkForm(scope.roles)
    if not form.validate_on_submit():
        return _manage_page(scope, link_form=form, status=400)
    try:
        links.create_link(current_user, scope, form.role.data, form.days.data,
                          form.max_uses.data)  # fmt: skip
    except services.InvitationError as error:
        flash(str(error), "error")
        return _manage_page(scope, link_form=form, status=400)
    flash(_("The link is ready: copy it from the list below."), "success")
    return redirect(scope.manage_url(_anchor="links"))


@bp.route("/<kind>/<key>/links/<int:link_id>/revoke", methods=["POST"])
@login_required
def revoke_link(kind, key, link_id):
    scope = staff_scope(kind, key, current_user)
    links.revoke_link(links.link_in(scope, link_id))
    flash(_("The link is withdrawn: it no longer works."), "success")
    return redirect(scope.manage_url(_anchor="links"))
