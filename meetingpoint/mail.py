"""Outgoing mail: SMTP when configured, otherwise .eml files a person or a test can open."""

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from .database import utcnow


def send_templated_mail(user, subject_factory, template: str, **context) -> EmailMessage:
    """Render `template` and its subject in the recipient's own language, then send it.

    `subject_factory` is called under the recipient's locale, so `lambda: _("...")` works.
    """
    with force_locale(user.locale):
        subject = str(subject_factory())
        body = render_template(template, user=user, **context)
    return send_mail(user.email, subject, body, language=user.locale)


def send_mail(
    to: str, subject: str, body: str, language: str = "en", headers: dict | None = None
) -> EmailMessage:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="meetingpoint.local")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    message["Content-Language"] = language  # after set_content, which drops Content-* headers
    if config.get("MAIL_SERVER"):
        _send_smtp(message, config)
    else:
        _write_to_outbox(message, Path(config["MAIL_OUTBOX"]))
    return message


def _send_smtp(message: EmailMessage, config) -> None:
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=20) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)


def _write_to_outbox(message: EmailMessage, outbox: Path) -> None:
    outbox.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%f")
    safe_to = "".join(c if c.isalnum() else "_" for c in message["To"])
    (outbox / f"{stamp}-{safe_to}.eml").write_bytes(bytes(message))
