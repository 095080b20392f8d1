"""Helpers templates call: names in the reader's language, and the language switcher's links."""

from datetime import UTC
from functools import lru_cache

from babel import Locale, dates
from flask import request, url_for
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_number,
    get_locale,
    get_timezone,
)
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from .accounts.choices import CONSTITUENCIES, ROLE_LABELS, language_name
from .geography import REGION_OF, REGIONS, country_name
from .languages import UNDETERMINED
from .languages.links import translate_link, translation_offered


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


def language_badge(code: str) -> Markup:
    """A text's language as a small badge: its code to see, its name to hear and hover."""
    return _badge(code, get_locale().language)


@lru_cache(maxsize=512)
def _badge(code: str, reader: str) -> Markup:
    # Made once per language and reader: a topic shows one for each of its posts.
    if code == UNDETERMINED:
        name = _("Language not determined")
    else:
        name = language_name(code, reader)
    short = "?" if code == UNDETERMINED else code.upper()
    return Markup(
        '<span class="lang-badge" title="{0}"><span aria-hidden="true">{1}</span>'
        '<span class="visually-hidden">{0}</span></span>'
    ).format(name, short)


def short_datetime(moment) -> str:
    """format_datetime(moment, 'short'), the same text, at a fraction of the cost: a topic
    dates each of its hundred posts, and the pattern is read once per locale here."""
    locale = get_locale()
    if moment.tzinfo is None:  # stored times are UTC
        moment = moment.replace(tzinfo=UTC)
    return _short_pattern(str(locale)).apply(moment.astimezone(get_timezone()), locale)


@lru_cache(maxsize=64)
def _short_pattern(locale_id: str) -> dates.DateTimePattern:
    locale = Locale.parse(locale_id)
    glue = locale.datetime_formats["short"]
    date, time = locale.date_formats["short"].pattern, locale.time_formats["short"].pattern
    return dates.parse_pattern(glue.replace("{1}", date).replace("{0}", time))


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


def file_size(size: int | None) -> str:
    """ "2.4 MB" or "380 KB", the number in the reader's locale."""
    size = size or 0
    if size >= 1024 * 1024:
        return _("%(size)s MB", size=format_decimal(size / (1024 * 1024), "#,##0.0"))
    return _("%(size)s KB", size=format_decimal(max(size / 1024, 1), "#,##0"))


def register_template_helpers(app) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        person_name=person_name,
        country_name=country_name,
        constituency_label=constituency_label,
        region_label=region_label,
        role_label=role_label,
        language_name=language_name,
        language_badge=language_badge,
        translate_link=translate_link,
        translation_offered=translation_offered,
        switch_language_url=switch_language_url,
        format_date=format_date,
        format_datetime=format_datetime,
        short_datetime=short_datetime,
        format_number=format_number,
        file_size=file_size,
        csrf_token=generate_csrf,
    )
