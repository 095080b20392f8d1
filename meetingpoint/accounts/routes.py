"""Thin views for a participant's own profile, password and personal data."""

import json

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from ..mail.bounces import stopped_state
from . import bp, services
from .forms import AccountForm, ChangePasswordForm, DeleteAccountForm, NewPasswordForm


@bp.route("/", methods=["GET", "POST"])
@login_required
def profile():
    form = AccountForm(obj=current_user)
    if not form.is_submitted():
        form.languages.data = current_user.language_codes
    if form.validate_on_submit():
        services.update_profile(current_user, form.to_profile(), form.load_pictures.data)
        flash(_("Your profile is saved."), "success")
        # The interface language may just have changed: follow it.
        return redirect(url_for("accounts.profile", lang_code=current_user.locale))
    return render_template("accounts/profile.html", form=form)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    if not current_user.password_hash:
        return _set_first_password()
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.password.data)
        except services.AccountError as error:
            form.current_password.errors.append(str(error))
        else:
            flash(_("Your password is changed. Please sign in again."), "success")
            logout_user()
            return redirect(url_for("auth.login"))
    return render_template("accounts/password.html", form=form)


def _set_first_password():
    """An account made through a sign-in provider may add a password, as a second way in."""
    form = NewPasswordForm()
    if form.validate_on_submit():
        services.set_first_password(current_user, form.password.data)
        flash(_("Your password is set: you can also sign in with it."), "success")
        return redirect(url_for("accounts.change_password"))
    return render_template("accounts/password.html", form=form, first=True)


def _delete_form() -> DeleteAccountForm:
    form = DeleteAccountForm()
    if not current_user.password_hash:  # an account a sign-in provider made: no password
        del form.password
    return form


@bp.route("/privacy")
@login_required
def privacy():
    return render_template("accounts/privacy.html", form=_delete_form())


@bp.route("/export.json")
@login_required
def export():
    data = services.export_personal_data(current_user)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="meetingpoint-my-data.json"'},
    )


@bp.route("/delete", methods=["POST"])
@login_required
def delete():
    form = _delete_form()
    if form.validate_on_submit():
        password = form.password.data if "password" in form else None
        try:
            services.delete_account(current_user, password, form.remove_content.data)
        except services.AccountError as error:
            form.password.errors.append(str(error))
        else:
            logout_user()
            flash(_("Your account is deleted. Thank you for taking part."), "success")
            return redirect(url_for("main.home"))
    return render_template("accounts/privacy.html", form=form), 400


@bp.route("/mail/resume", methods=["POST"])
@login_required
def resume_mail():
    """After mail to the address bounced: the person says it works again."""
    services.resume_mail(current_user)
    flash(_("We will send you mail again."), "success")
    return redirect(url_for("accounts.profile"))


@bp.context_processor
def stopped_mail():
    """The notice on every account page while mail to the person's address is stopped."""
    if not current_user.is_authenticated:
        return {}
    return {"mail_stopped": stopped_state(current_user.email)}
