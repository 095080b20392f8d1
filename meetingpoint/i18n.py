"""Interface languages, and how a request's locale and time zone are chosen."""

import unicodedata

from flask import abort, g, has_request_context, request
from flask_babel import get_locale
from flask_login import current_user
from werkzeug.routing import BaseConverter

# Native names: a reader looks for their own language, not its English name.
LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "pt": "Português"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_COOKIE = "mp_lang"


class LanguageConverter(BaseConverter):
    """Matches only our language prefixes, so /de/ or /xx/ is a plain 404."""

    regex = "|".join(LANGUAGES)


def preferred_language() -> str:
    """The best language when the URL does not say: saved choice, cookie, browser, English."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    saved = _signed_in_user_setting("locale")
    if saved in LANGUAGES:
        return saved
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    # Werkzeug falls back to the primary tag, so pt-BR, es-419 and fr-CA all match.
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT_LANGUAGE


def select_locale() -> str:
    return g.get("lang_code") or preferred_language()


def select_timezone() -> str | None:
    if not has_request_context():
        return None
    return _signed_in_user_setting("time_zone") or None


def _signed_in_user_setting(name: str):
    """The signed-in person's own setting, or None. With the database away the person
    cannot be loaded: the page or socket answer that says so is still worded, in the
    language the cookie or the browser asks for."""
    try:
        if current_user and current_user.is_authenticated:
            return getattr(current_user, name)
    except Exception:
        return None
    return None


def current_language() -> str:
    return str(get_locale() or DEFAULT_LANGUAGE).split("_")[0]


def collation_key(text: str) -> str:
    """Sort key without ICU: "Égypte" sorts beside "Équateur", not after "Zambie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def configure_i18n(app) -> None:
    """Register the URL converter and the hooks that carry the prefix through url_for."""
    app.url_map.converters["lang"] = LanguageConverter

    @app.url_value_preprocessor
    def pull_lang_code(endpoint, values):
        if values and "lang_code" in values:
            code = values.pop("lang_code")
            if code not in LANGUAGES:
                abort(404)
            g.lang_code = code

    @app.url_defaults
    def add_lang_code(endpoint, values):
        if "lang_code" in values or not endpoint:
            return
        if app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
            values["lang_code"] = g.get("lang_code") or current_language()

    @app.after_request
    def remember_language(response):
        # A visit to /es/... is a choice: remember it for the bare / next time.
        code = g.get("lang_code")
        if code and request.cookies.get(LANGUAGE_COOKIE) != code:
            response.set_cookie(
                LANGUAGE_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
            )
        return response

    @app.context_processor
    def language_context():
        return {"LANGUAGES": LANGUAGES, "current_language": current_language()}


def in_language(texts, language: str):
    """Of content texts (each with a `.language`): the one in `language`, else English,
    else whichever exists."""
    by_language = {t.language: t for t in texts}
    return (
        by_language.get(language)
        or by_language.get(DEFAULT_LANGUAGE)
        or next(iter(by_language.values()))
    )
