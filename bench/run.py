"""Page benchmarks: server time per page and bytes on the wire, on a demo community.

Runs in-process on a temporary SQLite database (migrated, demo loaded), so it needs no
server; HTTP throughput beside FlaskBB comes with the peers harness (issue 11).
"""

import gzip
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.rooms.services import seed_rooms  # noqa: E402
from meetingpoint.seed.demo import DEMO_PASSWORD, demo_email, load_demo  # noqa: E402

ROUNDS = 200
PAGES = [
    ("home (anonymous)", "/en/", False),
    ("rooms list", "/fr/rooms/", False),
    ("room page", "/es/rooms/social-dialogue/", True),
    ("people directory", "/pt/people/", True),
    ("directory, filtered", "/en/people/?region=africa&language=fr", True),
    ("sign-up form", "/en/auth/register", False),
]
BUDGET_KB = 100  # DESIGN.md: a page's HTML+CSS+JS under 100 KB compressed


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mp-bench-"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.db'}",
            "MAIL_OUTBOX": workdir / "outbox",
            "RATELIMIT_ENABLED": False,
            # Each page rendered every time: side_by_side.py measures visitors' kept pages.
            "PAGE_CACHE_SECONDS": 0,
        }
    )
    with app.app_context():
        upgrade()
        seed_rooms()
        load_demo()
    anonymous, member = app.test_client(), app.test_client()
    login_page = member.get("/en/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', login_page).group(1)
    member.post(
        "/en/auth/login",
        data={"csrf_token": token, "email": demo_email("Kwame Mensah"), "password": DEMO_PASSWORD},
    )
    css = anonymous.get("/static/css/site.css").data

    print(f"{'page':24} {'median ms':>9} {'p95 ms':>7} {'HTML KB':>8} {'HTML+CSS gz KB':>15}")
    for label, url, signed_in in PAGES:
        client = member if signed_in else anonymous
        timings, body = [], b""
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            body = response.data
        timings.sort()
        weight = (len(gzip.compress(body, 6)) + len(gzip.compress(css, 6))) / 1024
        flag = "" if weight < BUDGET_KB else "  OVER BUDGET"
        print(
            f"{label:24} {statistics.median(timings):9.2f} {timings[int(ROUNDS * 0.95)]:7.2f} "
            f"{len(body) / 1024:8.1f} {weight:15.1f}{flag}"
        )


if __name__ == "__main__":
    main()
