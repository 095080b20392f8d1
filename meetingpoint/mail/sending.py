"""Sending: SMTP when configured, otherwise .eml files a person or a test can open."""

import smtplib
from email.message import EmailMessage
from email.utils import formataddr, make_msgid, parseaddr
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from ..database import utcnow
from .addresses import reply_address, return_path
from .bounces import is_stopped
from .threads import About, id_domain, thread_headers

# Headers whose value is a URL in angle brackets (RFC 2369): written whole, see _Unfolded.
_URL_HEADERS = {"list-unsubscribe", "list-post", "list-help", "list-archive"}


class _Unfolded(str):
    """A header written on one line however long (RFC 5322 allows 998 characters). The
    email package would fold a URL longer than a line into encoded words, which mail
    clients do not decode there: their unsubscribe button would not appear, or not work."""

    def __new__(cls, name: str, value: str):
        header = super().__new__(cls, value)
        header.name = name  # the email package then stores it as it is
        return header

    def fold(self, *, policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def send_templated_mail(user, subject_factory, template: str, **context) -> EmailMessage:
    """Render `template` and its subject in the recipient's own language, then send it:
    mail the person asked for (a link to confirm, a password reset), sent even to an
    address that bounced, since asking is a sign it works again.

    `subject_factory` is called under the recipient's locale, so `lambda: _("...")` works.
    """
    with force_locale(user.locale):
        subject = str(subject_factory())
        body = render_template(template, user=user, **context)
    sent = send_mail(
        user.email, subject, body, language=user.locale, recipient_id=user.id, essential=True
    )
    assert sent is not None
    return sent


def send_mail(
    to: str,
    subject: str,
    body: str,
    language: str = "en",
    headers: dict | None = None,
    *,
    recipient_id: int | None = None,
    about: About | None = None,
    sender_name: str | None = None,
    essential: bool = False,
    bounces_for: tuple[str, int] | None = None,
) -> EmailMessage | None:
    """Send one mail; None when `to` has bounced too often (unless `essential`).

    With `recipient_id`, bounces come back signed for that person (VERP); with `about` too,
    the mail threads with the others about the same post or conversation and carries the
    person's own reply address for it. `bounces_for` ("i", invitation id) signs the return
    path for something else than a person. Every mail says it was sent by a machine (RFC 3834),
    so out-of-office responders leave it alone.
    """
    if not essential and is_stopped(to):
        return None
    config = current_app.config
    message = EmailMessage()
    sender = config["MAIL_SENDER"]
    message["From"] = formataddr((sender_name, parseaddr(sender)[1])) if sender_name else sender
    message["To"] = to
    message["Subject"] = subject
    all_headers = {
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "OOF, AutoReply",
        **(headers or {}),
    }
    if about is not None and recipient_id is not None:
        all_headers = {**thread_headers(about, recipient_id), **all_headers}
        reply_to = reply_address(recipient_id, about.target, about.target_id)
        if reply_to is not None:
            all_headers.setdefault("Reply-To", reply_to)
    all_headers.setdefault("Message-ID", make_msgid(domain=id_domain()))
    for name, value in all_headers.items():
        message[name] = _Unfolded(name, value) if name.lower() in _URL_HEADERS else value
    message.set_content(body)
    message["Content-Language"] = language  # after set_content, which drops Content-* headers
    kind, number = bounces_for or ("", recipient_id)
    envelope_from = return_path(number, to, kind)
    if config.get("MAIL_SERVER"):
        _send_smtp(message, config, envelope_from)
    else:
        if envelope_from:
            message["Return-Path"] = f"<{envelope_from}>"  # as the receiving MTA would add
        _write_to_outbox(message, Path(config["MAIL_OUTBOX"]))
    return message


def _send_smtp(message: EmailMessage, config, envelope_from: str | None) -> None:
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=20) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message, from_addr=envelope_from)


def _write_to_outbox(message: EmailMessage, outbox: Path) -> None:
    outbox.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%f")
    safe_to = "".join(c if c.isalnum() else "_" for c in message["To"])
    (outbox / f"{stamp}-{safe_to}.eml").write_bytes(bytes(message))
