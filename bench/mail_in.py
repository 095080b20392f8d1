"""Mail coming in, in the scaled form: PostgreSQL, Redis, one `flask worker`, `flask mail
serve` (LMTP) and a gunicorn server, all on loopback. 300 replies by mail, each from its own
member with their own reply address, are handed over by 4 MTA connections at once. Figures:
how fast the LMTP server acknowledges mail (mails per second, ack p50/p99), how fast they
become posts (first ack to last post), and what a burst does to pages: the home page's
p50/p99 while idle and during the burst.

Loopback only, bounded in time; the bench database is made afresh and dropped after, the
Redis keys live in a namespace of their own, deleted after.
"""

import smtplib
import statistics
import sys
import tempfile
import threading
import time
import uuid
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import redis  # noqa: E402
import requests  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from scaled import drop_database, fresh_database  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402
from support.job_queue import Worker  # noqa: E402
from support.live_servers import REDIS_URL, LiveServer  # noqa: E402
from support.mail_in import start_mail_serve  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.accounts.models import User  # noqa: E402
from meetingpoint.database import utcnow  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.forums.models import Post  # noqa: E402
from meetingpoint.forums.services import PostDraft, create_topic  # noqa: E402
from meetingpoint.mail.addresses import reply_address  # noqa: E402
from meetingpoint.rooms.models import Room, RoomMembership  # noqa: E402
from meetingpoint.rooms.services import seed_rooms  # noqa: E402

DATABASE = "meetingpoint_bench_mail_in"
DOMAIN = "mp.example.org"
SECRET = "bench-mail-in"  # the LMTP process checks the signatures the bench made with it
MAILS, CONNECTIONS = 300, 4
ANSWER = (
    "Thank you for the question. In our country the tripartite council meets every month "
    "and publishes its minutes online; the employers' side chairs it this year."
)


def seed(app) -> tuple[list[str], list[str], int]:
    """Members, the opening post they answer, and each one's reply address for it."""
    with app.app_context():
        upgrade()
        seed_rooms()
        room = db.session.scalar(select(Room).order_by(Room.id))
        password = generate_password_hash("not used")
        db.session.execute(
            insert(User),
            [
                {"email": f"member{n}@example.org", "display_name": f"Member {n}",
                 "password_hash": password, "email_verified_at": utcnow(), "country": "SN",
                 "organisation": "Bench", "constituency": "workers", "auth_version": 1}
                for n in range(MAILS + 1)
            ],
        )  # fmt: skip
        people = db.session.scalars(select(User).order_by(User.id)).all()
        db.session.add_all(RoomMembership(room_id=room.id, user_id=p.id) for p in people)
        db.session.commit()
        topic = create_topic(people[0], room, "Tripartite councils", PostDraft("How?", "en"))
        opening = db.session.scalar(select(Post.id).where(Post.topic_id == topic.id))
        addresses = [reply_address(p.id, "post", opening) for p in people[1:]]
        db.session.commit()
        return [p.email for p in people[1:]], addresses, opening


def reply(sender: str, address: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = sender, address
    message["Subject"] = "Re: Someone replied to you"
    message["Message-ID"] = make_msgid(domain="example.org")
    message.set_content(f"{ANSWER}\n\nOn Tue, 1 Dec 2026 at 10:02, Meeting Point wrote:\n> How?\n")
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def hand_over(port: int, mails: list[tuple[str, str]], acks: list[float]) -> None:
    """One MTA connection delivering its share, timing each acknowledgement."""
    with smtplib.LMTP("127.0.0.1", port) as lmtp:
        for sender, address in mails:
            began = time.perf_counter()
            refused = lmtp.sendmail(sender, [address], reply(sender, address))
            acks.append(time.perf_counter() - began)
            assert refused == {}, refused


def sample_pages(url: str, stop: threading.Event, timings: list[float]) -> None:
    while not stop.is_set():
        began = time.perf_counter()
        requests.get(url + "/en/", timeout=10).raise_for_status()
        timings.append(time.perf_counter() - began)
        time.sleep(0.05)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def posts(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Post)) - 1


def measure(app, url: str, workdir: Path, senders, addresses) -> None:
    namespace = f"mp-bench-mail-{uuid.uuid4().hex[:6]}"
    settings = {"JOBS_REDIS_URL": REDIS_URL, "JOBS_NAMESPACE": namespace,
                "MAIL_REPLY_DOMAIN": DOMAIN, "SECRET_KEY": SECRET,
                "FORUM_REPLIES_PER_HOUR": 100000}  # fmt: skip
    worker = Worker(url, workdir, settings).start()
    server = LiveServer(url, workdir, None, settings).start()
    lmtp, port = start_mail_serve(worker.env, workdir / "lmtp.log")
    try:
        stop, idle, busy = threading.Event(), [], []
        sampler = threading.Thread(target=sample_pages, args=(server.url, stop, idle))
        sampler.start()
        time.sleep(5)
        stop.set()
        sampler.join()
        stop, acks = threading.Event(), []
        sampler = threading.Thread(target=sample_pages, args=(server.url, stop, busy))
        sampler.start()
        mails = list(zip(senders, addresses, strict=True))
        shares = [mails[n::CONNECTIONS] for n in range(CONNECTIONS)]
        began = time.perf_counter()
        threads = [threading.Thread(target=hand_over, args=(port, s, acks)) for s in shares]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        accepted = time.perf_counter() - began
        deadline = time.monotonic() + 600
        while (done := posts(app)) < MAILS:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {done} of {MAILS} mails posted")
            time.sleep(0.2)
        posted = time.perf_counter() - began
        stop.set()
        sampler.join()
    finally:
        lmtp.terminate()
        lmtp.wait(timeout=20)
        server.stop()
        worker.stop()
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{namespace}:*"))
        if keys:
            client.delete(*keys)
    print(
        f"bench mail_in mails={MAILS} connections={CONNECTIONS} "
        f"accepted_per_s={MAILS / accepted:.1f} ack_p50_ms={statistics.median(acks) * 1000:.0f} "
        f"ack_p99_ms={percentile(acks, 0.99) * 1000:.0f} posted_per_s={MAILS / posted:.1f} "
        f"page_idle_p50_ms={statistics.median(idle) * 1000:.0f} "
        f"page_idle_p99_ms={percentile(idle, 0.99) * 1000:.0f} "
        f"page_burst_p50_ms={statistics.median(busy) * 1000:.0f} "
        f"page_burst_p99_ms={percentile(busy, 0.99) * 1000:.0f}"
    )


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-mail-in-bench-"))
    url = fresh_database(DATABASE)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET,
                          "MAIL_OUTBOX": workdir, "MAIL_REPLY_DOMAIN": DOMAIN})  # fmt: skip
        senders, addresses, _opening = seed(app)
        measure(app, url, workdir, senders, addresses)
    finally:
        with app.app_context():
            db.engine.dispose()
        drop_database(DATABASE)


if __name__ == "__main__":
    main()
