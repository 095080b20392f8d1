"""Which language a text is written in, from the text alone, or "und" when we cannot tell.

py3langid's model ships inside its package (nothing is fetched). It scores ours, English,
Spanish, French and Portuguese, against a set of other common languages, so that a German
or Swahili text is recognised as "not ours" instead of forced into the nearest of ours.
Near relatives that only blur the picture on short texts (Galician, Asturian, Nigerian
Pidgin...) are left out of the race."""

import re
import threading

from . import UNDETERMINED

OURS = ("en", "es", "fr", "pt")
OTHERS = (
    "de it nl ca ro pl ar fa tr ru uk zh ja ko hi bn ur id ms vi th tl sw am ha yo ig zu xh "
    "so rw mg ht"
).split()
MIN_LETTERS = 12  # "ok", "Obrigado", "Merci beaucoup" say too little to tell
MIN_CONFIDENCE = 0.75

_MARKUP = re.compile(
    r"```.*?```|`[^`]*`"  # code
    r"|https?://\S+|www\.\S+"  # addresses
    r"|@\*\*[^*]+\*\*|@\w+"  # mentions: names are not words of the language
    r"|\]\([^)]*\)"  # a Markdown link's target
    r"|^>.*$",  # quoted text is someone else's
    re.DOTALL | re.MULTILINE,
)
_identifier = None
_loading = threading.Lock()


def detect(text: str) -> str:
    """The language code of `text` among OURS, or UNDETERMINED when the text is too short,
    in another language, or too evenly mixed for the detector to be sure."""
    words = _MARKUP.sub(" ", text or "")
    if sum(character.isalpha() for character in words) < MIN_LETTERS:
        return UNDETERMINED
    language, confidence = _detector().classify(words)
    if language not in OURS or confidence < MIN_CONFIDENCE:
        return UNDETERMINED
    return language


def _detector():
    """Loaded on first use (about a second, and some 50 MB), once per process."""
    global _identifier
    with _loading:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages([*OURS, *OTHERS])
            _identifier = identifier
    return _identifier
