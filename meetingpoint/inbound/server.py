"""An LMTP server (aiosmtpd) that Postfix or another MTA hands our mail to: each mail kept
and queued before it is acknowledged, one answer per recipient as LMTP requires."""

import asyncio
import logging

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP

from .receiving import is_ours, receive

log = logging.getLogger(__name__)


class Handler:
    """aiosmtpd's hooks; the database work runs in a thread, inside the app's context."""

    def __init__(self, app):
        self.app = app

    def _in_app(self, fn, *args):
        with self.app.app_context():
            return fn(*args)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        loop = asyncio.get_running_loop()
        if not await loop.run_in_executor(None, self._in_app, is_ours, address):
            return f"550 5.1.1 <{address}>: no such address here"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        loop = asyncio.get_running_loop()
        count = len(envelope.rcpt_tos)
        try:
            await loop.run_in_executor(
                None,
                self._in_app,
                receive,
                _with_return_path(envelope),
                list(envelope.rcpt_tos),
                envelope.mail_from or "",
            )
        except Exception:  # the MTA keeps the mail and tries again: nothing is lost
            log.exception("Could not keep a mail for %s", envelope.rcpt_tos)
            return "\r\n".join(["451 4.3.0 Try again later"] * count)
        return "\r\n".join(["250 2.0.0 Received"] * count)


class LmtpController(Controller):
    def __init__(self, app, host: str, port: int):
        self.max_bytes = app.config["MAIL_IN_MAX_BYTES"]
        super().__init__(Handler(app), hostname=host, port=port)

    def factory(self):
        # A mail over the limit is refused by the server itself (552), before it is kept.
        return LMTP(self.handler, data_size_limit=self.max_bytes, enable_SMTPUTF8=True)


def _with_return_path(envelope) -> bytes:
    """The mail as final delivery leaves it: its envelope sender in a Return-Path header
    ("<>" for a bounce or other automatic reply), which LMTP does not write itself."""
    content = envelope.original_content or envelope.content
    sender = (envelope.mail_from or "").strip("<>")
    return f"Return-Path: <{sender}>\r\n".encode() + content
