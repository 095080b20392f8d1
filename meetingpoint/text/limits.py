"""How much one may write: the shared length limits, and the check forms and services share."""

from flask_babel import gettext as _

# Characters nobody can see or type (control characters, lone surrogates) are cleaned
# before this, as every form and socket payload arrives: `inputs.clean_text`, in the
# plumbing, because the request class itself uses it.

TITLE_MAX = 200  # a topic's, a news item's, a library item's
BODY_MAX = 20_000  # a post or a news text, in Markdown
MESSAGE_MAX = 4000  # a chat message


def too_long(limit: int) -> str:
    """The refusal for a text over `limit` characters, in the reader's language (the same
    words as forms.max_length)."""
    return _("Please use at most %(max)d characters.", max=limit)


def written(value: object, limit: int, refusal: type[Exception], empty: str) -> str:
    """`value` without surrounding space; `refusal(empty)` if nothing is left (anything not
    a string counts as nothing), `refusal(too_long(limit))` if it is over `limit`."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise refusal(empty)
    if len(text) > limit:
        raise refusal(too_long(limit))
    return text
