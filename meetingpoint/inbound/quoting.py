"""What a person wrote in a plain-text reply, without the quoted original or the signature."""

import re

# The verb that ends an attribution line, in English, Spanish, French and Portuguese.
_WROTE = r"(?:wrote|escribi[óo]|a\s+[ée]crit|escreveu)\s*:"

# Gmail, Apple Mail and Thunderbird open the quote with one sentence: "On <date>, <who> wrote:".
_ATTRIBUTION = re.compile(rf"^(?:On|El|Le|Em)\s.{{4,300}}?{_WROTE}$", re.IGNORECASE)
# Without the opening word (other clients, other settings), a date, time or address must show
# that it names a message, so that "As I wrote:" in the answer does not cut it.
_ENDS_WITH_WROTE = re.compile(rf"{_WROTE}$", re.IGNORECASE)
_NAMES_A_MESSAGE = re.compile(r"@|<|\d{1,2}[:/.]\d{2}")
_LONGEST_ATTRIBUTION = 400  # longer lines are text, and not worth a regular expression
# A wrapped attribution starts with the opening word and a date.
_ATTRIBUTION_START = re.compile(r"^(?:On|El|Le|Em)\s.*\d", re.IGNORECASE)

_ORIGINAL_MESSAGE = re.compile(
    r"^-{2,}\s*(?:Original Message|Mensaje original|Message d['’]origine|Mensagem original)"
    r"\s*-{2,}$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^_{10,}$")

# Outlook's header block: "From:" then "Sent:", "To:", "Subject:" in the reader's language.
_LABEL = r"^\**\s*(?:{})\s*:\**"
_FROM_LABEL = re.compile(_LABEL.format("From|De"), re.IGNORECASE)
_OTHER_LABEL = re.compile(
    _LABEL.format(
        "Sent|Date|To|Cc|Subject"
        "|Enviado|Fecha|Para|Asunto"
        "|Envoy[ée]|[ÀA]|Objet"
        "|Enviada em|Data|Assunto"
    ),
    re.IGNORECASE,
)

# Outlook's plain text stands "[cid:image001.png@01DB...]" where the HTML shows an image.
_IMAGE_PLACEHOLDER = re.compile(r"\[cid:[^\]\s]*\]")

_SIGNATURE_DELIMITER = re.compile(r"^--\s*$")
# One-line boilerplate mobile clients add: "Sent from my iPhone", "Get Outlook for Android".
_BOILERPLATE = re.compile(
    r"^(?:Sent (?:from|with|via|using)"
    r"|Enviad[oa] (?:desde|de|do|da|con|com|pelo|pela)"
    r"|Envoy[ée] (?:de|depuis|à partir de|avec)"
    r"|(?:Get|Obtener|Obtenga|Télécharger|Obter|Obtenha|Baixe) (?:o )?Outlook"
    r" (?:for|para|pour))"
    r"\s.{1,80}$",
    re.IGNORECASE,
)


def strip_reply(text: str) -> str:
    """The part of a plain-text reply the person wrote: no quote, signature or client
    boilerplate. "" when the reply is nothing but a quote."""
    text = _IMAGE_PLACEHOLDER.sub("", _normalised(text))
    lines = [line.rstrip() for line in text.split("\n")]
    start = _quote_start(lines)
    if start is not None:
        index, length, is_attribution = start
        before = lines[:index]
        if _has_words(before) or not is_attribution:
            lines = before
        else:
            # Bottom-posting: the attribution comes first and the answer below its quote.
            lines = lines[index + length :]
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    lines = _without_signature(lines)
    return _tidied(lines)


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def _has_words(lines: list[str]) -> bool:
    return any(line.strip() and not line.lstrip().startswith(">") for line in lines)


def _quote_start(lines: list[str]) -> tuple[int, int, bool] | None:
    """Where the quoted original starts: (line index, lines its header takes, whether it is
    an attribution sentence rather than Outlook's block, after which all is the original)."""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith(">"):
            continue
        length = _attribution_length(lines, index)
        if length:
            return index, length, True
        if _ORIGINAL_MESSAGE.match(stripped) or _is_outlook_header(lines, index):
            return index, 1, False
        if _SEPARATOR.match(stripped) and _outlook_header_follows(lines, index + 1):
            return index, 1, False
    return None


def _attribution_length(lines: list[str], index: int) -> int:
    """How many lines the attribution starting at `index` takes (clients wrap a long one), or
    0 when there is none."""
    stripped = lines[index].strip()
    if len(stripped) > _LONGEST_ATTRIBUTION or not stripped:
        return 0
    if _ATTRIBUTION.match(stripped) or _is_bare_attribution(stripped):
        return 1
    if not _ATTRIBUTION_START.match(stripped):
        return 0
    joined = stripped
    for extra in range(1, 3):
        if index + extra >= len(lines) or not lines[index + extra].strip():
            return 0
        joined = f"{joined} {lines[index + extra].strip()}"
        if _ATTRIBUTION.match(joined):
            return extra + 1
    return 0


def _is_bare_attribution(line: str) -> bool:
    return bool(_ENDS_WITH_WROTE.search(line) and _NAMES_A_MESSAGE.search(line))


def _is_outlook_header(lines: list[str], index: int) -> bool:
    if not _FROM_LABEL.match(lines[index].strip()):
        return False
    following = [line.strip() for line in lines[index + 1 : index + 8] if line.strip()]
    return sum(1 for line in following[:5] if _OTHER_LABEL.match(line)) >= 2


def _outlook_header_follows(lines: list[str], index: int) -> bool:
    for offset, line in enumerate(lines[index : index + 3]):
        if line.strip():
            return _is_outlook_header(lines, index + offset)
    return False


def _without_signature(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if _SIGNATURE_DELIMITER.match(line):
            lines = lines[:index]
            break
    while lines and (not lines[-1].strip() or _BOILERPLATE.match(lines[-1].strip())):
        lines = lines[:-1]
    return lines


def _tidied(lines: list[str]) -> str:
    """Without blank lines at either end, and at most one blank line in a row."""
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)
