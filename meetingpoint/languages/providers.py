"""Machine translation providers. The one that ships talks to a self-hosted LibreTranslate
server (its /translate, /languages and /detect API); with none configured, nothing offers
to translate."""

import json
import time
import urllib.error
import urllib.request
from typing import Protocol

from flask import current_app
from flask_babel import gettext as _


class TranslationError(Exception):
    """Something the reader is told, in their language; the page goes on without it."""


class Provider(Protocol):
    """What the site needs of a machine translation service. Each call may raise
    TranslationError; none may take longer than the provider's time-out."""

    name: str  # shown with each translation: "Machine translation ... by <name>"

    def translate(self, text: str, source: str, target: str, html: bool = True) -> str: ...

    def detect(self, text: str) -> str | None: ...

    def targets(self, source: str) -> set[str]: ...


class LibreTranslate:
    name = "LibreTranslate"
    LANGUAGES_FOR_SECONDS = 3600  # what a server offers changes when its admin installs more

    def __init__(self, url: str, api_key: str | None, timeout: float, max_chars: int):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.max_chars = max_chars
        self._languages: tuple[float, dict[str, set[str]]] | None = None

    def translate(self, text: str, source: str, target: str, html: bool = True) -> str:
        """`text` in `target`; `source` "auto" lets the server tell the language."""
        if len(text) > self.max_chars:
            raise TranslationError(
                _("This text is too long to translate (at most %(max)s characters).",
                  max=self.max_chars)
            )  # fmt: skip
        answer = self._call(
            "/translate",
            {"q": text, "source": source, "target": target, "format": "html" if html else "text"},
        )
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, str):
            raise TranslationError(_("The translation service gave an answer we cannot read."))
        return translated

    def detect(self, text: str) -> str | None:
        """The language the server finds in `text`, if it is confident of one."""
        answer = self._call("/detect", {"q": text})
        if isinstance(answer, list) and answer and isinstance(answer[0], dict):
            return answer[0].get("language")
        return None

    def targets(self, source: str) -> set[str]:
        """The languages the server can translate `source` into ("auto": any it knows)."""
        now = time.monotonic()
        if self._languages is None or now - self._languages[0] > self.LANGUAGES_FOR_SECONDS:
            listed = self._call("/languages", None)
            pairs = {
                entry["code"]: set(entry.get("targets") or [])
                for entry in listed if isinstance(entry, dict) and "code" in entry
            }  # fmt: skip
            self._languages = (now, pairs)
        pairs = self._languages[1]
        if source == "auto":
            return set(pairs)
        return pairs.get(source, set())

    def _call(self, path: str, fields: dict | None):
        data = None
        if fields is not None:
            if self.api_key:
                fields = {**fields, "api_key": self.api_key}
            data = json.dumps(fields).encode()
        request = urllib.request.Request(
            self.url + path,
            data=data,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST" if data is not None else "GET",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raise TranslationError(self._refusal(error.code)) from error
        except TimeoutError as error:
            raise TranslationError(
                _("The translation service did not answer in time. Try again later.")
            ) from error
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise TranslationError(
                _("The translation service cannot be reached just now. Try again later.")
            ) from error

    @staticmethod
    def _refusal(status: int) -> str:
        if status == 429:
            return _("The translation service is busy. Try again in a minute.")
        if status in (401, 403):
            return _("The translation service refused our key: tell the site's administrators.")
        if status == 400:
            return _("The translation service cannot translate this text.")
        return _("The translation service cannot be reached just now. Try again later.")


def configured_provider() -> Provider | None:
    """The provider this site is set up with, or None (then nothing offers to translate)."""
    app = current_app._get_current_object()
    if "translation_provider" not in app.extensions:
        url = app.config.get("TRANSLATION_URL")
        app.extensions["translation_provider"] = (
            LibreTranslate(
                url,
                app.config.get("TRANSLATION_API_KEY"),
                timeout=float(app.config["TRANSLATION_TIMEOUT_SECONDS"]),
                max_chars=int(app.config["TRANSLATION_MAX_CHARS"]),
            )
            if url
            else None
        )
    return app.extensions["translation_provider"]
