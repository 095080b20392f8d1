"""Bounces read back: who could not be reached, and whether for good (hard) or for now (soft)."""

import re
from dataclasses import dataclass
from email.message import EmailMessage, Message
from email.parser import HeaderParser
from email.utils import getaddresses

# RFC 3464 reports, and RFC 6533's for addresses in UTF-8.
STATUS_PARTS = {"message/delivery-status", "message/global-delivery-status"}

# An enhanced status code (RFC 3463) where MTAs write one: after an SMTP reply code
# ("550 5.1.1", "550-5.1.1"), after qmail's "#", or alone in a Status field.
STATUS_IN_TEXT = re.compile(r"(?:\b[245]\d\d[ -]#?|#)([245]\.\d{1,3}\.\d{1,3})\b")
STATUS_CODE = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")

# What servers say when the mailbox does not exist. A "Sender address rejected" is about us,
# not the recipient, so a bare "address rejected" only counts after "recipient".
UNKNOWN_RECIPIENT = re.compile(
    r"user unknown|unknown user|recipient unknown|unknown recipient|no such (?:user|recipient)"
    r"|does not exist|doesn't exist|recipient not found|no mailbox here|invalid recipient"
    r"|recipient address rejected|(?<!sender )address rejected",
    re.IGNORECASE,
)

# Old MTAs return the bounced message inline, after one of these lines: what follows is
# our own message, whose text must not be read as the error.
RETURNED_COPY = re.compile(
    r"^.*(?:this is a copy of the message|original message follows|below this line is a copy"
    r"|-+ ?original message ?-+|the header of the original message)",
    re.IGNORECASE | re.MULTILINE,
)

# Subjects of the bounces MTAs write without a report: Exim, Postfix, qmail, sendmail, Exchange.
BOUNCE_SUBJECT = re.compile(
    r"mail delivery failed|undeliver|undelivered mail|delivery status notification"
    r"|returned mail|failure notice|delivery failure|could not be delivered",
    re.IGNORECASE,
)

ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
SYSTEM_SENDERS = {"mailer-daemon", "postmaster"}


@dataclass(frozen=True)
class Bounce:
    """One address that could not be reached: for good when hard, for now when soft."""

    address: str | None
    hard: bool
    status: str
    diagnostic: str


def read_bounce(message: EmailMessage) -> Bounce | None:
    """The failure a bounce reports, or None when the message is not a bounce."""
    report = _status_part(message)
    if report is not None:
        return _from_report(report)
    return _from_text(message)


def _status_part(message: Message) -> Message | None:
    for part in message.walk():
        if part.get_content_type() in STATUS_PARTS:
            return part
    return None


def _from_report(part: Message) -> Bounce | None:
    recipients = [fields for fields in _field_blocks(part) if "action" in fields]
    # A report may also tell of deliveries that succeeded; the failures are what bounced.
    for wanted in ("failed", "delayed"):
        for fields in recipients:
            if _first_word(fields["action"]) == wanted:
                return _recipient_bounce(fields)
    return None


def _recipient_bounce(fields: dict[str, str]) -> Bounce:
    action = _first_word(fields["action"])
    diagnostic = _after_type(fields.get("diagnostic-code", ""))
    found = STATUS_CODE.search(fields.get("status", "")) or STATUS_CODE.search(diagnostic)
    status = found.group(1) if found else ""
    return Bounce(
        address=_recipient(fields),
        hard=action == "failed" and _is_hard(status, diagnostic),
        status=status,
        diagnostic=diagnostic,
    )


def _is_hard(status: str, diagnostic: str) -> bool:
    if not status:
        return bool(UNKNOWN_RECIPIENT.search(diagnostic))
    if not status.startswith("5.") or status == "5.2.2":
        # 4.x.x is temporary; 5.2.2 is a full mailbox, which empties again.
        return False
    if status.startswith("5.7."):
        # Policy and spam blocks are about the message or our server, not the address.
        return bool(UNKNOWN_RECIPIENT.search(diagnostic))
    return True


def _recipient(fields: dict[str, str]) -> str | None:
    # The original recipient is the address we wrote to, before any forwarding.
    for name in ("original-recipient", "final-recipient"):
        address = _after_type(fields.get(name, "")).strip("<> ")
        if "@" in address:
            return address
    return None


def _field_blocks(part: Message) -> list[dict[str, str]]:
    # The parser splits message/delivery-status into one message per block of fields;
    # other report types arrive as text, split here the same way.
    payload = part.get_payload()
    if isinstance(payload, list):
        blocks = [block.items() for block in payload]
    else:
        text = part.get_payload(decode=True).decode("utf-8", "replace")
        chunks = re.split(r"\r?\n\s*\r?\n", text)
        blocks = [HeaderParser().parsestr(chunk.strip() + "\n").items() for chunk in chunks]
    return [{name.lower(): " ".join(str(text).split()) for name, text in block} for block in blocks]


def _from_text(message: EmailMessage) -> Bounce | None:
    text = _explanation(message)
    bounce_subject = bool(BOUNCE_SUBJECT.search(str(message.get("Subject", ""))))
    found = STATUS_IN_TEXT.search(text)
    evidence = found or UNKNOWN_RECIPIENT.search(text)
    # Autoresponders also write with a null sender, and people write "does not exist":
    # a bounce comes from the mail system or says so in its subject.
    if not (_from_mail_system(message) or bounce_subject) or not (evidence or bounce_subject):
        return None
    status = found.group(1) if found else ""
    line = _line_at(text, evidence.start()) if evidence else ""
    return Bounce(
        address=_address_in(text, line, _own_addresses(message)),
        hard=_is_hard(status, text),
        status=status,
        diagnostic=line,
    )


def _explanation(message: Message) -> str:
    """The bounce's own plain text, without the returned message."""
    texts = []
    _collect_text(message, texts)
    text = "\n".join(texts)
    cut = RETURNED_COPY.search(text)
    return text[: cut.start()] if cut else text


def _collect_text(part: Message, texts: list[str]) -> None:
    content_type = part.get_content_type()
    if content_type.startswith("message/") or content_type == "text/rfc822-headers":
        return
    if part.is_multipart():
        for child in part.get_payload():
            _collect_text(child, texts)
    elif content_type == "text/plain":
        texts.append(part.get_content() if isinstance(part, EmailMessage) else part.get_payload())


def _line_at(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return " ".join(text[start : end if end != -1 else len(text)].split())


def _address_in(text: str, line: str, own: set[str]) -> str | None:
    # The address on the error's own line is the one that failed; otherwise the first
    # one the explanation names that is not the bounce's sender or us.
    for candidate in ADDRESS.findall(line) + ADDRESS.findall(text):
        if candidate.lower() not in own and not _is_system(candidate):
            return candidate
    return None


def _own_addresses(message: Message) -> set[str]:
    headers = ("From", "To", "Return-Path")
    values = [str(value) for name in headers for value in message.get_all(name, [])]
    return {address.lower() for _, address in getaddresses(values) if address}


def _from_mail_system(message: Message) -> bool:
    senders = getaddresses([str(value) for value in message.get_all("From", [])])
    return any(_is_system(address) for _, address in senders)


def _is_system(address: str) -> bool:
    return address.partition("@")[0].lower() in SYSTEM_SENDERS


def _after_type(value: str) -> str:
    # "rfc822; ana@example.org", "smtp; 550 5.1.1 ...": the type before ";" is not needed.
    kind, separator, rest = value.partition(";")
    return (rest if separator else kind).strip()


def _first_word(value: str) -> str:
    return value.strip().split(" ")[0].lower() if value.strip() else ""
