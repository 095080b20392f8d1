"""Thin views for signing up, in and out, verifying an email and resetting a password."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from ..accounts.forms import NewPasswordForm
from ..accounts.models import TOKEN_RESET_PASSWORD
from ..extensions import limiter
from ..i18n import current_language
from ..security import safe_next
from . import bp, services
from .forms import (
    EmailForm,
    LoginForm,
    RegisterForm,
)
from .oidc.services import email_domain, required_provider
from .tokens import TokenInvalid, peek_token


def _login_account_key() -> str:
    # Throttle per targeted account, whatever address the guesses come from.
    return "account:" + services.normalise_email(request.form.get("email", ""))


def _failed(response) -> bool:
    # Only failed attempts count: a successful sign-in redirects.
    return response.status_code != 302


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"], scope="register")
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    if request.method == "GET":
        form.locale.data = current_language()
        form.languages.data = form.languages.data or [current_language()]
    if form.validate_on_submit():
        if required_provider(form.email.data):
            return _provider_required(form.email.data)
        # The same answer whether or not the address has an account (its owner is mailed).
        services.register_user(
            form.email.data,
            form.password.data,
            form.to_profile(),
            weekly_digest=form.weekly_digest.data,
        )
        return render_template("auth/check_email.html", email=form.email.data)
    return render_template("auth/register.html", form=form)


@bp.route("/verify/<token>")
def verify(token):
    try:
        services.verify_email(token)
    except TokenInvalid:
        flash(_("This confirmation link is invalid, expired or already used."), "error")
        return redirect(url_for("auth.resend_verification"))
    flash(_("Your email is confirmed. Welcome! You can sign in now."), "success")
    return redirect(url_for("auth.login"))


@bp.route("/verify", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"], scope="resend")
def resend_verification():
    form = EmailForm()
    if form.validate_on_submit():
        services.resend_verification(form.email.data)
        return render_template("auth/check_email.html", email=form.email.data)
    return render_template(
        "auth/email_form.html",
        form=form,
        title=_("Confirm your email"),
        intro=_("Enter the address you signed up with and we will send a new confirmation link."),
    )


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"],
    key_func=_login_account_key,
    methods=["POST"],
    scope="login-account",
    deduct_when=_failed,
)
@limiter.limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"],
    methods=["POST"],
    scope="login-address",
    deduct_when=_failed,
)
def login():
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url or url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        if required_provider(form.email.data):
            return _provider_required(form.email.data, next_url)
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.LoginRefused as refused:
            if refused.unverified:
                services.resend_verification(form.email.data)
                flash(_("Please confirm your email first: we have sent you a new link."), "error")
            else:
                flash(_("That email and password do not match an account."), "error")
        else:
            login_user(user, remember=form.remember.data)
            # Land in the language they chose, unless they were heading somewhere.
            return redirect(next_url or url_for("main.home", lang_code=user.locale))
    return render_template("auth/login.html", form=form, next_url=next_url)


def _provider_required(email: str, next_url: str | None = None):
    """An admin bound this address's domain to a provider: no password here, its button
    (an answer like the form's own refusals, 200: the person did nothing wrong)."""
    return render_template(
        "oidc/required.html",
        provider=required_provider(email),
        domain=email_domain(email),
        next_url=next_url,
    )


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash(_("You are signed out."), "success")
    return redirect(url_for("main.home"))


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"], scope="reset")
def reset_request():
    form = EmailForm()
    if form.validate_on_submit():
        if required_provider(form.email.data):
            return _provider_required(form.email.data)
        services.request_password_reset(form.email.data)
        return render_template("auth/check_email.html", email=form.email.data, reset=True)
    return render_template(
        "auth/email_form.html",
        form=form,
        title=_("Reset your password"),
        intro=_("Enter your email and we will send you a link to choose a new password."),
    )


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    try:
        pending = peek_token(token, TOKEN_RESET_PASSWORD)
    except TokenInvalid:
        flash(_("This reset link is invalid, expired or already used. Ask for a new one."), "error")
        return redirect(url_for("auth.reset_request"))
    address = services.address_of(pending.user_id)
    if required_provider(address):  # a rule made after the link was mailed
        return _provider_required(address)
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            services.reset_password(token, form.password.data)
        except TokenInvalid:
            flash(
                _("This reset link is invalid, expired or already used. Ask for a new one."),
                "error",
            )
            return redirect(url_for("auth.reset_request"))
        logout_user()
        flash(_("Your password is changed. Sign in with the new one."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form)
