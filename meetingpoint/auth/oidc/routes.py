"""Thin views: start a sign-in or a link at a provider, its callback, the profile a new
account completes, the account's sign-in settings and the admin's domain rules."""

from flask import abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from ...accounts.services import update_profile
from ...extensions import limiter
from ...i18n import current_language, preferred_language
from ...security import admin_required, safe_next
from ..forms import LoginForm
from . import bp, callback_bp, client, services
from .forms import CompleteProfileForm, DomainRuleForm
from .providers import by_issuer, configured, find

PENDING = "oidc_profile_pending"  # the new account's profile comes before anything else
# What a person whose profile is pending may still reach.
OPEN_WHILE_PENDING = {"static", "oidc.complete_profile", "auth.logout", "main.healthz"}
SIGN_IN, LINK = "sign-in", "link"


def sign_in_url(provider: str, next_url: str | None = None) -> str:
    """Where a "Sign in with <provider>" button leads; after it, the person lands on
    `next_url` (a path on this site, else the home page)."""
    return url_for("oidc.start", name=provider, next=safe_next(next_url))


def _provider_or_404(name: str):
    provider = find(name)
    if provider is None:
        abort(404)
    return provider


@bp.route("/auth/oidc/<name>/start")
@limiter.limit("30 per hour", scope="oidc-start")
def start(name):
    provider = _provider_or_404(name)
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url or url_for("main.home"))
    flow = {"purpose": SIGN_IN, "lang": current_language(), "next": next_url}
    return _begin(provider, flow)


@bp.route("/auth/oidc/<name>/link")
@login_required
def link(name):
    provider = _provider_or_404(name)
    flow = {"purpose": LINK, "lang": current_language(), "user": current_user.id}
    return _begin(provider, flow)


def _begin(provider, flow):
    try:
        return client.begin(provider, flow)
    except client.SignInFailed as failure:
        current_app.logger.warning("oidc %s: %s", provider.name, failure.reason)
        return _refused(
            _("%(provider)s cannot be reached just now. Please try again later.",
              provider=provider.title)
        )  # fmt: skip


@callback_bp.route("/auth/oidc/callback")
@limiter.limit("30 per hour", scope="oidc-callback")
def callback():
    flow = client.flow_of_callback()
    g.lang_code = flow.get("lang") or preferred_language()
    # Named in the message; a forged state has no flow, but may say where it comes from.
    provider = find(flow.get("provider", "")) or by_issuer(request.args.get("iss"))
    title = provider.title if provider else _("the provider")
    try:
        provider, claims = client.finish(flow)
    except client.SignInFailed as failure:
        current_app.logger.warning("oidc sign-in refused: %s", failure.reason)
        return _refused(_("We could not sign you in with %(provider)s. Please try again.",
                          provider=title), flow)  # fmt: skip
    if flow.get("purpose") == LINK:
        return _finish_link(provider, claims, flow)
    try:
        outcome = services.sign_in(provider, claims, locale=g.lang_code)
    except services.IdentityRefused as refusal:
        return _refused(str(refusal), flow)
    return _signed_in(outcome, flow)


def _refused(message: str, flow: dict | None = None):
    """The sign-in page again, with why, and nobody signed in by this request."""
    if flow and flow.get("purpose") == LINK and current_user.is_authenticated:
        flash(message, "error")
        return redirect(url_for("oidc.settings"))
    flash(message, "error")
    return render_template("auth/login.html", form=LoginForm(), next_url=None), 400


def _signed_in(outcome, flow):
    user = outcome.user
    if user.email_verified_at is None:
        # As with a password: an address nobody confirmed opens nothing yet.
        return render_template("auth/check_email.html", email=user.email)
    login_user(user)
    next_url = safe_next(flow.get("next"))
    if services.profile_incomplete(user):
        session[PENDING] = True
        session["oidc_next"] = next_url
        return redirect(url_for("oidc.complete_profile"))
    if outcome.linked:
        flash(_("Your %(provider)s account is now linked to this one.",
                provider=find(flow["provider"]).title), "success")  # fmt: skip
    return redirect(next_url or url_for("main.home", lang_code=user.locale))


def _finish_link(provider, claims, flow):
    if not current_user.is_authenticated or current_user.id != flow.get("user"):
        return _refused(_("Sign in first, then link %(provider)s.", provider=provider.title))
    try:
        services.link(current_user, provider, claims)
    except services.IdentityRefused as refusal:
        flash(str(refusal), "error")
    else:
        flash(_("You can now sign in with %(provider)s.", provider=provider.title), "success")
    return redirect(url_for("oidc.settings"))


@bp.before_app_request
def profile_first():
    """Until a provider's new account has its profile, only that form and signing out."""
    if not session.get(PENDING) or request.endpoint in OPEN_WHILE_PENDING:
        return None
    if not current_user.is_authenticated:
        session.pop(PENDING, None)
        return None
    language = g.get("lang_code") or preferred_language()  # the page's asked, else theirs
    return redirect(url_for("oidc.complete_profile", lang_code=language))


@bp.route("/auth/oidc/complete", methods=["GET", "POST"])
@login_required
def complete_profile():
    form = CompleteProfileForm(obj=current_user)
    if not form.is_submitted():
        form.languages.data = current_user.language_codes or [current_language()]
        form.locale.data = current_language()
    if form.validate_on_submit():
        update_profile(current_user, form.to_profile(), current_user.load_pictures)
        session.pop(PENDING, None)
        flash(_("Welcome to Meeting Point!"), "success")
        next_url = safe_next(session.pop("oidc_next", None))
        return redirect(next_url or url_for("main.home", lang_code=current_user.locale))
    return render_template("oidc/complete_profile.html", form=form)


@bp.route("/account/sign-in")
@login_required
def settings():
    if not configured():
        abort(404)
    identities = services.identities_of(current_user)
    linked = {identity.provider for identity in identities}
    return render_template(
        "oidc/settings.html",
        identities=identities,
        titles={provider.name: provider.title for provider in configured()},
        to_link=[provider for provider in configured() if provider.name not in linked],
    )


@bp.route("/account/sign-in/<int:identity_id>/unlink", methods=["POST"])
@login_required
def unlink(identity_id):
    try:
        identity = services.unlink(current_user, identity_id)
    except services.IdentityRefused as refusal:
        flash(str(refusal), "error")
    else:
        provider = find(identity.provider)
        flash(_("%(provider)s is no longer linked to your account.",
                provider=provider.title if provider else identity.provider), "success")  # fmt: skip
    return redirect(url_for("oidc.settings"))


@bp.route("/admin/sign-in", methods=["GET", "POST"])
@admin_required
def domain_rules():
    if not configured():
        abort(404)
    form = DomainRuleForm()
    form.provider.choices = [(provider.name, provider.title) for provider in configured()]
    status = 200
    if form.validate_on_submit():
        try:
            services.require_provider(current_user, form.domain.data, form.provider.data)
        except services.IdentityRefused as refusal:
            form.domain.errors.append(str(refusal))
            status = 400
        else:
            flash(_("Saved: addresses at %(domain)s now sign in through their provider.",
                    domain=form.domain.data.strip().lower().lstrip("@")), "success")  # fmt: skip
            return redirect(url_for("oidc.domain_rules"))
    elif form.is_submitted():
        status = 400
    titles = {provider.name: provider.title for provider in configured()}
    return render_template(
        "oidc/domain_rules.html", form=form, rules=services.domain_rules(), titles=titles
    ), status


@bp.route("/admin/sign-in/<int:rule_id>/remove", methods=["POST"])
@admin_required
def remove_domain_rule(rule_id):
    services.remove_rule(rule_id)
    flash(_("The rule is removed: those addresses may use a password again."), "success")
    return redirect(url_for("oidc.domain_rules"))


@bp.app_context_processor
def sign_in_providers():
    """The buttons of the sign-in, sign-up and reset pages (none without providers)."""
    return {"oidc_providers": configured(), "oidc_sign_in_url": sign_in_url}
