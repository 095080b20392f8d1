"""A reply mail read: the text the person wrote, and the files they attached."""

import re
from email.message import EmailMessage, Message
from pathlib import PureWindowsPath
from urllib.parse import unquote

from .html_text import html_to_markdown
from .quoting import strip_reply

# Mail labelled Latin-1 or ASCII is often Windows-1252 (curly quotes, €), as browsers assume.
_READ_AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}
_CID_REFERENCE = re.compile(r"""cid:([^"'\s>)]+)""", re.IGNORECASE)


def reply_text(message: EmailMessage) -> str:
    """What the person wrote in a reply: the plain text if there is one, otherwise the HTML in
    Markdown; without the quote of our mail, their signature or their client's boilerplate."""
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        return strip_reply(_plain_text(plain))
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        return strip_reply(html_to_markdown(_decoded(html)))
    return ""


def attached_files(message: EmailMessage) -> list[tuple[str, str, bytes]]:
    """(file name, content type, data) of each file attached to the message; not the images
    its HTML shows inline (a signature's logo), nor the text bodies themselves."""
    referenced = _referenced_content_ids(message)
    files = []
    for part in _leaves(message):
        disposition = part.get_content_disposition()
        name = part.get_filename()
        if disposition != "attachment":
            if not name:
                continue  # a body, or an unnamed inline part
            if part.get_content_maintype() == "image" and _content_id(part) in referenced:
                continue
        data = part.as_bytes() if part.get_content_type() == "message/rfc822" else None
        if data is None:
            data = part.get_payload(decode=True) or b""
        files.append((_file_name(name, part), part.get_content_type(), data))
    return files


def _plain_text(part: Message) -> str:
    text = _decoded(part).replace("\r\n", "\n").replace("\r", "\n")
    if (part.get_param("format") or "").lower() == "flowed":
        delete_space = (part.get_param("delsp") or "").lower() == "yes"
        text = _unflowed(text, delete_space)
    return text


def _decoded(part: Message) -> str:
    """The part's text from its transfer encoding and charset, never failing on bad bytes."""
    data = part.get_payload(decode=True) or b""
    charset = (part.get_content_charset() or "utf-8").lower()
    if charset in _READ_AS_WINDOWS_1252:
        charset = "windows-1252"
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("windows-1252", errors="replace")


def _unflowed(text: str, delete_space: bool) -> str:
    """format=flowed (RFC 3676) text with its soft line breaks joined."""
    lines: list[str] = []
    open_paragraph: tuple[int, str] | None = None  # quote depth and text of a flowed line
    for raw in text.split("\n"):
        depth = len(raw) - len(raw.lstrip(">"))
        content = raw[depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing
        soft = content.endswith(" ") and content != "-- "
        if soft and delete_space:
            content = content[:-1]
        if open_paragraph is not None:
            if open_paragraph[0] == depth:
                content = open_paragraph[1] + content
            else:
                lines.append(_quoted(*open_paragraph))
        open_paragraph = (depth, content) if soft else None
        if not soft:
            lines.append(_quoted(depth, content))
    if open_paragraph is not None:
        lines.append(_quoted(*open_paragraph))
    return "\n".join(lines)


def _quoted(depth: int, content: str) -> str:
    return f"{'>' * depth} {content}" if depth else content


def _leaves(part: Message):
    """The parts that are not containers; an attached message counts as one part."""
    if part.get_content_type() == "message/rfc822":
        yield part
    elif part.is_multipart():
        for child in part.get_payload():
            yield from _leaves(child)
    else:
        yield part


def _referenced_content_ids(message: EmailMessage) -> set[str]:
    referenced = set()
    for part in _leaves(message):
        if part.get_content_type() == "text/html" and part.get_content_disposition() != (
            "attachment"
        ):
            referenced.update(unquote(cid) for cid in _CID_REFERENCE.findall(_decoded(part)))
    return referenced


def _content_id(part: Message) -> str:
    return str(part.get("Content-ID", "")).strip().strip("<>")


def _file_name(name: str | None, part: Message) -> str:
    """The name without any folder a client left in it; one made up for a nameless part."""
    if name:
        base = PureWindowsPath(name.strip()).name  # splits on both / and \
        if base:
            return base
    if part.get_content_type() == "message/rfc822":
        return "message.eml"
    return "attachment"
