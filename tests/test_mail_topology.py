"""Mail in the scaled form: `flask mail serve` as its own process, beside two gunicorn
processes sharing Redis and PostgreSQL. A direct message sent from a browser on process two
is mailed to someone away; their answer by mail reaches the LMTP process and appears live
in the browser."""

import email
import email.policy
import smtplib
import time
import uuid
from pathlib import Path

import pytest
from support.browsing import say, shown, wait_until_live
from support.mail_in import DOMAIN, gmail_reply, start_mail_serve

from meetingpoint.chat import services
from meetingpoint.extensions import db
from meetingpoint.notifications.models import EMAIL, NotificationPreference
from meetingpoint.notifications.preferences import DIRECT_MESSAGE

pytestmark = pytest.mark.backends("postgresql")
ANSWER = "Sí, nos vemos el jueves después de la sesión plenaria para hablar del proyecto."


def _mail_to(outbox: Path, address: str, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(outbox.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if message["To"] == address:
                return message
        time.sleep(0.2)
    raise AssertionError(f"no mail to {address}")


def test_a_reply_by_mail_on_one_process_is_seen_live_on_the_other(
    browsing, servers, member, rooms, tmp_path
):
    ana = member(display_name="Ana Souza", email="ana@example.org")
    bruno = member(display_name="Bruno Díaz", email="bruno@example.org")
    db.session.add(NotificationPreference(user_id=bruno.id, event=DIRECT_MESSAGE, channel=EMAIL))
    db.session.commit()
    conversation = services.open_direct(ana, bruno)
    # Jobs run in each process (no worker here): the mail about the message in process two,
    # the mail received in the LMTP process.
    settings = {"MAIL_REPLY_DOMAIN": DOMAIN, "CHAT_HEARTBEAT_SECONDS": 2, "JOBS_REDIS_URL": ""}
    one = servers(f"mail-{uuid.uuid4().hex[:8]}", **settings)
    two = servers(one.env["MEETINGPOINT_SOCKETIO_CHANNEL"], **settings)
    lmtp, port = start_mail_serve(one.env, tmp_path / "lmtp.log")
    try:
        browsing.use(two)
        page = browsing.sign_in(browsing.page(base_url=two.url), ana)
        page.goto(f"/en/messages/{conversation.id}")
        wait_until_live(page)
        say(page, "Can we meet after the plenary on Thursday?")
        page.locator("ol.chat li[data-id]", has_text="after the plenary").wait_for()

        notice = _mail_to(tmp_path / "outbox", "bruno@example.org")
        reply = gmail_reply(notice, "bruno@example.org", ANSWER)
        wire = reply.as_bytes(policy=reply.policy.clone(linesep="\r\n"))
        with smtplib.LMTP("127.0.0.1", port) as client:
            refused = client.sendmail("bruno@example.org", [str(notice["Reply-To"])], wire)
        assert refused == {}

        page.locator("ol.chat li[data-id]", has_text="nos vemos el jueves").wait_for(timeout=15_000)
        assert shown(page) == ["Can we meet after the plenary on Thursday?", ANSWER]
    finally:
        lmtp.terminate()
        lmtp.wait(timeout=10)
