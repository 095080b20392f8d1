"""The languages people write in: detecting them, and translating between them on demand."""

UNDETERMINED = "und"  # BCP 47 for "language not determined"


def written_in(chosen: str | None, text: str) -> str | None:
    """The language a text is stored with: the author's choice when they made one (None when
    that is no language we know of), else what the text itself says (perhaps UNDETERMINED)."""
    from ..accounts.choices import SPOKEN_LANGUAGES
    from .detection import detect

    if not chosen:
        return detect(text)
    return chosen if chosen in SPOKEN_LANGUAGES or chosen == UNDETERMINED else None
