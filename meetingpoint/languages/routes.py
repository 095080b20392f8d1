"""Translate on demand: JSON for the page's script (in place), a page of its own without."""

from babel import Locale
from flask import Blueprint, jsonify, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..i18n import current_language
from . import UNDETERMINED, privacy, services  # noqa: F401  (privacy registers itself)
from .providers import TranslationError

bp = Blueprint("languages", __name__)


@bp.route("/<lang:lang_code>/translate/<kind>/<int:item_id>")
@login_required
def translate(kind, item_id):
    target = current_language()
    item = services.item_to_translate(current_user, kind, item_id)
    try:
        translation = services.translate(current_user, kind, item_id, item, target)
        error = None
    except TranslationError as refusal:
        translation, error = None, str(refusal)
    label = _machine_label(translation.source_language, translation.provider) if translation else ""
    if request.accept_mimetypes.best == "application/json":
        if error:
            return jsonify(ok=False, error=error)
        return jsonify(ok=True, html=translation.html, language=target, label=label)
    return render_template(
        "languages/translation.html",
        item=item, translation=translation, error=error, label=label, target=target,
    )  # fmt: skip


def _in_a_sentence(code: str) -> str:
    """A language's name as it stands mid-sentence ("francés", but "French")."""
    return Locale.parse(current_language()).languages.get(code, code)


def _machine_label(source: str, provider: str) -> str:
    if source == UNDETERMINED:
        return _("Machine translation by %(provider)s", provider=provider)
    return _(
        "Machine translation from %(language)s by %(provider)s",
        language=_in_a_sentence(source),
        provider=provider,
    )
