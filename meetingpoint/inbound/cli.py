"""`flask mail serve` (an LMTP server for the MTA) and `flask mail ingest` (one mail on
standard input, for a pipe transport)."""

import signal
import sys
import threading

import click
from flask import current_app
from flask.cli import with_appcontext

from .receiving import TooLarge, is_ours, receive

# sysexits.h, which MTAs read: a permanent refusal bounces, a temporary one is retried.
EX_NOUSER, EX_UNAVAILABLE, EX_TEMPFAIL = 67, 69, 75


@click.group("mail")
def mail():
    """Mail coming in: replies, new topics by mail, bounces."""


@mail.command("serve")
@click.option("--host", default=None, help="Address to listen on (MAIL_LMTP_HOST).")
@click.option("--port", default=None, type=int, help="Port to listen on (MAIL_LMTP_PORT).")
@with_appcontext
def serve(host, port):
    """Run the LMTP server the MTA delivers our mail to, until stopped."""
    from .server import LmtpController

    app = current_app._get_current_object()
    host = host or app.config["MAIL_LMTP_HOST"]
    port = port or app.config["MAIL_LMTP_PORT"]
    controller = LmtpController(app, host, port)
    controller.start()
    click.echo(f"LMTP server on {host}:{port}", err=True)
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    stopping.wait()
    controller.stop()


@mail.command("ingest")
@click.option("--recipient", "recipients", multiple=True, help="An address the mail is for.")
@click.option("--sender", default="", help="The envelope sender.")
@with_appcontext
def ingest(recipients, sender):
    """Take one mail from standard input (Postfix's pipe transport: ${recipient} and
    ${sender}). Exits 67 for an address not ours, 69 for a mail too large, 75 to be retried."""
    raw = sys.stdin.buffer.read(current_app.config["MAIL_IN_MAX_BYTES"] + 1)
    recipients = [r for r in recipients if r] or _named_in(raw)
    if not any(is_ours(r) for r in recipients):
        click.echo("No recipient of this mail is ours.", err=True)
        sys.exit(EX_NOUSER)
    try:
        kept = receive(raw, recipients, sender)
    except TooLarge:
        click.echo("The mail is too large.", err=True)
        sys.exit(EX_UNAVAILABLE)
    except Exception as error:  # the MTA keeps the mail and tries again
        click.echo(f"Could not keep the mail: {error}", err=True)
        sys.exit(EX_TEMPFAIL)
    click.echo(f"Kept: {len(kept)}", err=True)


def _named_in(raw: bytes) -> list[str]:
    """Without --recipient: the addresses the MTA wrote in, else the To and Cc."""
    from email import policy
    from email.parser import BytesParser
    from email.utils import getaddresses

    headers = BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
    for names in (("X-Original-To", "Delivered-To"), ("To", "Cc")):
        found = [a for _n, a in getaddresses(sum((headers.get_all(h, []) for h in names), []))]
        if found:
            return found
    return []
