"""Helpers templates call: names in the reader's language, and the language switcher's links."""

from flask import request, url_for
from flask_babel import format_date, format_datetime, format_number
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from .accounts.choices import CONSTITUENCIES, ROLE_LABELS, language_name
from .geography import REGION_OF, REGIONS, country_name


def person_name(user) -> str:
    """A participant's name, or a neutral label once they deleted their account."""
    if user is None or user.is_deleted:
        return _("Former participant")
    return user.display_name


def constituency_label(key: str | None) -> str:
    return str(CONSTITUENCIES.get(key, "")) if key else ""


def role_label(role: str) -> str:
    return str(ROLE_LABELS.get(role, role))


def region_label(country: str | None) -> str:
    region = REGION_OF.get(country or "")
    return str(REGIONS[region]) if region else ""


def switch_language_url(code: str) -> str:
    """This same page in another language (query string kept), or its home if unroutable."""
    endpoint = request.endpoint
    args = dict(request.view_args or {})
    if endpoint and request.url_rule and "lang_code" in request.url_rule.arguments:
        url = url_for(endpoint, **args, lang_code=code)
        if request.query_string:
            url += "?" + request.query_string.decode("latin-1")
        return url
    return url_for("main.home", lang_code=code)


def register_template_helpers(app) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        person_name=person_name,
        country_name=country_name,
        constituency_label=constituency_label,
        region_label=region_label,
        role_label=role_label,
        language_name=language_name,
        switch_language_url=switch_language_url,
        format_date=format_date,
        format_datetime=format_datetime,
        format_number=format_number,
        csrf_token=generate_csrf,
    )
