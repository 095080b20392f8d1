"""Inviting a cohort of 1,000 in one go, as staff do: a CSV uploaded through the real form
(preview), then confirmed (one transaction, 1,000 jobs queued in Redis), then the mails sent
by one `flask worker` to an SMTP server on loopback. Figures: each request's time, this
process's peak memory above its size before the upload (the app runs in-process, as one web
worker would), and mails per second until the last one arrived.

PostgreSQL (a bench database made afresh and dropped after), the local Redis (a namespace of
the bench's own, deleted after), loopback only.
"""

import io
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import redis  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from scaled import drop_database, fresh_database  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from support.job_queue import Inbox, Worker  # noqa: E402
from support.live_servers import REDIS_URL, free_port  # noqa: E402
from support.web import AuthActions, csrf_token  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.accounts.models import User  # noqa: E402
from meetingpoint.database import utcnow  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.invitations.models import Invitation  # noqa: E402
from meetingpoint.rooms.services import seed_rooms  # noqa: E402

DATABASE = "meetingpoint_bench_invitations"
PEOPLE = 1000
COUNTRIES = "SN KE GH BR AR MX IN ID VN ZA".split()
SECRET = "bench-invitations"


def cohort_csv() -> bytes:
    lines = ["Correo;Nombre;País;Organización;Sector;Idioma"]
    for n in range(PEOPLE):
        lines.append(f"persona{n}@example.org;Persona {n};{COUNTRIES[n % 10]};"
                     f"Ministerio {n % 37};government;{'es fr pt en'.split()[n % 4]}")  # fmt: skip
    return ("\n".join(lines) + "\n").encode()


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def _current_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-invitations-bench-"))
    url = fresh_database(DATABASE)
    namespace = f"mp-bench-invitations-{uuid.uuid4().hex[:6]}"
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    settings = {"JOBS_REDIS_URL": REDIS_URL, "JOBS_NAMESPACE": namespace, "SECRET_KEY": SECRET,
                "SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp.port, "SMTP_TLS": "0"}  # fmt: skip
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET,
                          "MAIL_OUTBOX": workdir, "JOBS_REDIS_URL": REDIS_URL,
                          "JOBS_NAMESPACE": namespace, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1",
                          "RATELIMIT_ENABLED": False})  # fmt: skip
        with app.app_context():
            upgrade()
            seed_rooms()
            db.session.add(User(email="staff@example.org", display_name="Staff", role="admin",
                                password_hash=generate_password_hash("staff password"),
                                email_verified_at=utcnow(), country="SN",
                                constituency="government"))  # fmt: skip
            db.session.commit()
        client = app.test_client()
        AuthActions(client).login("staff@example.org", "staff password")
        token = csrf_token(client)
        upload = cohort_csv()
        before = _current_mb()
        began = time.perf_counter()
        preview = client.post("/en/invitations/site/site/", data={
            "csrf_token": token, "role": "member", "addresses": "",
            "file": (io.BytesIO(upload), "cohort.csv")})  # fmt: skip
        previewed = time.perf_counter() - began
        assert preview.status_code == 200, preview.status_code
        text = upload.decode()
        began = time.perf_counter()
        sent = client.post(
            "/en/invitations/site/site/send",
            data={"csrf_token": token, "role": "member", "addresses": text},
        )
        invited = time.perf_counter() - began
        assert sent.status_code == 302, sent.get_data(as_text=True)[-500:]
        peak = _rss_mb() - before
        with app.app_context():
            count = db.session.scalar(select(func.count()).select_from(Invitation))
        worker = Worker(url, workdir, settings).start()
        began = time.perf_counter()
        deadline = time.monotonic() + 600
        while len(inbox.messages) < PEOPLE:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {len(inbox.messages)} of {PEOPLE} mails")
            time.sleep(0.2)
        mailing = time.perf_counter() - began
        worker.stop()
        languages = {m["Content-Language"] for m in inbox.messages}
        print(
            f"bench invitations people={PEOPLE} invited={count} preview_s={previewed:.2f} "
            f"invite_s={invited:.2f} peak_mb_above_start={peak:.0f} "
            f"mails_per_s={PEOPLE / mailing:.1f} languages={','.join(sorted(languages))}"
        )
    finally:
        smtp.stop()
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{namespace}:*"))
        if keys:
            client.delete(*keys)
        drop_database(DATABASE)


if __name__ == "__main__":
    main()
