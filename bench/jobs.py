"""Jobs through the queue: PostgreSQL, Redis and real `flask worker` processes sending real
mail (password-reset links, each issuing its token) to an SMTP server on a loopback port.
1,000 jobs are committed one by one as fast as one process can (each its own transaction,
as 1,000 requests would), with one worker and then two; then a steady 20 a second. Per
run: jobs done per second (first commit to last job finished), and the delay from each
job's commit to its start (its claim row's `started_at`), p50 and p99; and that every
mail arrived exactly once.

Loopback only, bounded in time; the bench database is made afresh and dropped after, and
the Redis keys live in a namespace of their own, deleted after.
"""

import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import redis  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from scaled import drop_database, fresh_database  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from support.job_queue import Inbox, Worker  # noqa: E402
from support.live_servers import REDIS_URL, free_port  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.accounts.models import TOKEN_RESET_PASSWORD, User  # noqa: E402
from meetingpoint.database import utcnow  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.jobs import later  # noqa: E402
from meetingpoint.jobs.models import JobClaim  # noqa: E402

DATABASE = "meetingpoint_bench_jobs"
JOBS = 1000
# (workers, jobs, jobs offered per second: 0 for as fast as the commits go)
RUNS = ((1, JOBS, 0), (2, JOBS, 0), (1, 200, 20))
if os.environ.get("BENCH_JOBS_QUICK"):
    RUNS = ((1, 100, 0),)


def seed(app) -> list[int]:
    with app.app_context():
        upgrade()
        password = generate_password_hash("not used")
        db.session.execute(
            insert(User),
            [
                {"email": f"bench{n}@example.org", "display_name": f"Person {n}",
                 "password_hash": password, "email_verified_at": utcnow(), "country": "SN",
                 "organisation": "Bench", "constituency": "workers", "auth_version": 1}
                for n in range(JOBS)
            ],
        )  # fmt: skip
        db.session.commit()
        return list(db.session.scalars(select(User.id).order_by(User.id)))


def commit_jobs(app, people: list[int], count: int, rate: float, run: str) -> dict[str, float]:
    """Commit `count` jobs, one transaction each; the moment each commit began, by key."""
    from meetingpoint.auth.services import mail_link

    committed = {}
    with app.app_context():
        began = time.perf_counter()
        for n in range(count):
            if rate:
                time.sleep(max(0.0, began + n / rate - time.perf_counter()))
            person, attempt = people[n % len(people)], f"{run}-{n}"
            later(mail_link, person, TOKEN_RESET_PASSWORD, attempt)
            committed[f"link:{person}:{TOKEN_RESET_PASSWORD}:{attempt}"] = time.time()
            db.session.commit()
    return committed


def finished(app, keys) -> list[JobClaim]:
    with app.app_context():
        claims = db.session.scalars(
            select(JobClaim).where(JobClaim.key.in_(keys), JobClaim.finished_at.is_not(None))
        ).all()
        db.session.expunge_all()
        return claims


def measure(app, url, workdir, inbox, people, workers: int, count: int, rate: float) -> None:
    run = uuid.uuid4().hex[:6]
    namespace = f"mp-bench-jobs-{run}"
    settings = {"JOBS_REDIS_URL": REDIS_URL, "JOBS_NAMESPACE": namespace, **inbox.settings}
    app.config.update(JOBS_REDIS_URL=REDIS_URL, JOBS_NAMESPACE=namespace)
    started = [Worker(url, workdir, settings).start() for _ in range(workers)]
    before = len(inbox.messages)
    try:
        committed = commit_jobs(app, people, count, rate, run)
        deadline = time.monotonic() + 300
        while len(claims := finished(app, list(committed))) < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {len(claims)} of {count} jobs done")
            time.sleep(0.5)
    finally:
        for worker in started:
            worker.stop()
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{namespace}:*"))
        if keys:
            client.delete(*keys)
    delays = sorted(c.started_at.timestamp() - committed[c.key] for c in claims)
    span = max(c.finished_at for c in claims).timestamp() - min(committed.values())
    mails = inbox.messages[before:]
    twice = len(mails) - len({m["To"] + m["Message-ID"] for m in mails})
    p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
    offered = f"{rate:.0f}/s" if rate else "burst"
    print(
        f"bench jobs workers={workers} jobs={count} offered={offered} "
        f"jobs_per_s={count / span:.1f} p50_ms={statistics.median(delays) * 1000:.0f} "
        f"p99_ms={p99 * 1000:.0f} twice={twice}"
    )
    print(
        f"{workers:7d} {count:6d} {offered:>8} {count / span:8.1f} "
        f"{statistics.median(delays) * 1000:9.0f} {p99 * 1000:9.0f} {len(mails):7d} {twice:6d}"
    )


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-jobs-bench-"))
    url = fresh_database(DATABASE)
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    inbox.settings = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp.port, "SMTP_TLS": "0"}
    try:
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "MAIL_OUTBOX": workdir}
        )
        people = seed(app)
        print("jobs through Redis: PostgreSQL, flask worker (4 threads each), SMTP on loopback")
        print(f"{'workers':>7} {'jobs':>6} {'offered':>8} {'jobs/s':>8} {'p50 ms':>9} "
              f"{'p99 ms':>9} {'mails':>7} {'twice':>6}")  # fmt: skip
        for workers, count, rate in RUNS:
            measure(app, url, workdir, inbox, people, workers, count, rate)
        print(f"(now {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores)")
    finally:
        smtp.stop()
        drop_database(DATABASE)


if __name__ == "__main__":
    main()
