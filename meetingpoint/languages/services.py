"""Translating an item on a reader's demand: from the cache when this revision was already
translated into their language, else from the provider, at a per-person pace."""

import hashlib
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import NotFound

from ..database import utcnow
from ..extensions import db
from ..text.sanitiser import sanitise
from . import UNDETERMINED
from .cache import forget
from .models import Translation
from .providers import TranslationError, configured_provider
from .sources import Source, source_of


def item_to_translate(reader, kind: str, item_id: int) -> Source:
    """The item as `reader` may read it; not found when no provider is set up."""
    if configured_provider() is None:
        raise NotFound
    return source_of(kind, reader, item_id)


def translate(reader, kind: str, item_id: int, item: Source, target: str) -> Translation:
    """`item`'s translation into `target`, kept or made now; TranslationError says why not."""
    if item.language == target:
        raise TranslationError(_("This is already written in your language."))
    digest = hashlib.sha256(f"{item.language}\n{item.html}".encode()).hexdigest()
    kept = _kept(kind, item_id, target, digest)
    if kept is not None:
        return kept
    _check_pace(reader)
    provider = configured_provider()
    source = item.language if item.language != UNDETERMINED else _told(provider, item.html)
    if source == target:
        raise TranslationError(_("This is already written in your language."))
    if target not in provider.targets(source):
        raise TranslationError(_("The translation service cannot translate this language."))
    html = sanitise(provider.translate(item.html, source, target))
    forget(kind, item_id)  # earlier revisions' translations: their text is gone from the site
    db.session.add(
        Translation(
            item_kind=kind, item_id=item_id, target=target, source_digest=digest,
            source_language=UNDETERMINED if source == "auto" else source, html=html,
            provider=provider.name, requested_by=reader.id,
        )
    )  # fmt: skip
    try:
        db.session.commit()
    except IntegrityError:  # the same translation, asked twice at once: keep the first
        db.session.rollback()
    return _kept(kind, item_id, target, digest)


def _kept(kind: str, item_id: int, target: str, digest: str) -> Translation | None:
    return db.session.scalar(
        select(Translation).filter_by(
            item_kind=kind, item_id=item_id, target=target, source_digest=digest
        )
    )


def _told(provider, html: str) -> str:
    """A text we could not place: the provider's guess, or "auto" (it guesses as it goes)."""
    try:
        return provider.detect(html) or "auto"
    except TranslationError:
        return "auto"


def _check_pace(reader) -> None:
    """Per-person, counted in the database so every process agrees; the cache is free."""
    since = utcnow() - timedelta(hours=1)
    made = db.session.scalar(
        select(func.count())
        .select_from(Translation)
        .where(Translation.requested_by == reader.id, Translation.created_at > since)
    )
    if made >= current_app.config["TRANSLATIONS_PER_HOUR"]:
        raise TranslationError(
            _("You have asked for many translations this hour. Try again a little later.")
        )
