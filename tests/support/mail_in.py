"""Mail coming in, for real: the app's own LMTP server on a loopback port, and mail sent to
it with smtplib's LMTP client, written the way mail clients and MTAs write it."""

import smtplib
import socket
import subprocess
import sys
import time
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

import pytest
from flask import current_app

from meetingpoint.inbound.server import LmtpController
from support.live_servers import ROOT, free_port

DOMAIN = "mp.example.org"
OUR_MTA = "mx.mp.example.org"
SETTINGS = {"MAIL_REPLY_DOMAIN": DOMAIN, "MAIL_AUTHSERV_IDS": OUR_MTA}


class MailServer:
    """The app's LMTP server; `send` delivers one mail and returns the refusals by address."""

    def __init__(self, app):
        self.port = free_port()
        self.controller = LmtpController(app, "127.0.0.1", self.port)

    def send(self, message: EmailMessage | bytes, to: list[str] | None = None,
             mail_from: str | None = None) -> dict:  # fmt: skip
        if isinstance(message, bytes):
            raw = message
        else:  # on the wire, lines end in CRLF
            raw = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
        if to is None:
            to = [parseaddr(message["To"])[1]]
        if mail_from is None:
            mail_from = "" if isinstance(message, bytes) else parseaddr(message["From"])[1]
        with smtplib.LMTP("127.0.0.1", self.port) as lmtp:
            return lmtp.sendmail(mail_from, to, raw)


@pytest.fixture
def mail_in(app):
    """Replies, room addresses and bounces on mp.example.org, and its LMTP server running."""
    for settings in (app.config, current_app.config):
        settings.update(SETTINGS)
    server = MailServer(app)
    server.controller.start()
    yield server
    server.controller.stop()


def authenticated(address: str, dkim: str = "pass", spf: str = "pass", by: str = OUR_MTA) -> str:
    """An Authentication-Results header as our MTA writes it for mail from `address`."""
    domain = address.rpartition("@")[2]
    return f"{by}; dkim={dkim} header.d={domain} header.s=mail; spf={spf} smtp.mailfrom={address}"


def gmail_reply(to_mail: EmailMessage, person: str, answer: str, *, auth: bool = True,
                to: str | None = None) -> EmailMessage:  # fmt: skip
    """What Gmail sends when `person` answers `to_mail` above its quotation."""
    reply = EmailMessage()
    reply["From"] = f"Someone <{person}>"
    reply["To"] = to or str(to_mail["Reply-To"])
    reply["Subject"] = f"Re: {to_mail['Subject']}"
    reply["Date"] = format_datetime(datetime.now().astimezone())
    reply["Message-ID"] = make_msgid(domain="mail.gmail.com")
    reply["In-Reply-To"] = str(to_mail["Message-ID"])
    reply["References"] = str(to_mail["Message-ID"])
    if auth:
        reply["Authentication-Results"] = authenticated(person)
    quoted = "\n".join(f"> {line}" for line in to_mail.get_content().splitlines())
    reply.set_content(
        f"{answer}\n\nOn Tue, 1 Dec 2026 at 10:02, Meeting Point <no-reply@{DOMAIN}> wrote:\n\n"
        f"{quoted}\n"
    )
    return reply


def new_mail(sender: str, to: str, subject: str, body: str, **headers) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.org")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def start_mail_serve(env: dict, log: Path) -> tuple[subprocess.Popen, int]:
    """`flask mail serve` as its own process with `env`, once it listens: (process, port)."""
    port = free_port()
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "mail", "serve", "--port", str(port)],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"flask mail serve did not start: {log.read_text()[-2000:]}")
