"""Page weight as a browser measures it: a first visit (empty cache) to the home page, a
room, a topic with 100 replies and a topic with 20 pictures, through the nginx site from
deploy/ (compressed as served), by Chromium's own network log; a visitor's and a member's.
"""

import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from chat import start_server  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from meetingpoint import create_app  # noqa: E402

CHROMIUM = shutil.which("chromium")


def main() -> None:
    missing = [name for name, found in (("chromium", CHROMIUM), ("nginx", shutil.which("nginx")))
               if not found]  # fmt: skip
    if missing:
        print(f"page weight: skipped, {' and '.join(missing)} not installed (apt-get install)")
        return
    from playwright.sync_api import sync_playwright
    from support.first_visits import BUDGET_KB, first_visit, seed_pages, signed_in_cookies
    from support.nginx_server import Nginx

    workdir = Path(tempfile.mkdtemp(prefix="mp-weight-bench-"))
    url = f"sqlite:///{workdir / 'weight.db'}"
    # The pictures' topic is seeded here and served by the server: one folder for both.
    stored = workdir / "files"
    settings = {"SQLALCHEMY_DATABASE_URI": url, "MAIL_OUTBOX": workdir / "outbox"}
    app = create_app({**settings, "STORAGE_PATH": str(stored)})
    with app.app_context():
        upgrade()
        reader, pages = seed_pages(replies=100)
        email = reader.email
    process, address = start_server(url, workdir, None, STORAGE_PATH=stored)
    port = int(address.rsplit(":", 1)[1])
    proxy = Nginx(workdir, [port, port]).start()
    try:
        with sync_playwright() as playwright:
            args = ["--no-sandbox"] if os.geteuid() == 0 else []
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
            cookies = signed_in_cookies(proxy.url, email)
            print(f"first visit, empty cache, through nginx (budget {BUDGET_KB} KB a page)")
            print(f"{'page':32} {'requests':>8} {'KB':>7} {'other hosts':>11}")
            for name, path in pages.items():
                for who, jar in (("visitor", None), ("member", cookies)):
                    weight = first_visit(browser, proxy.url, path, jar)
                    others = len(weight.hosts - {f"127.0.0.1:{proxy.port}"})
                    label = f"{name} ({who})"
                    print(f"{label:32} {weight.requests:8d} {weight.kb:7.1f} {others:11d}")
            browser.close()
    finally:
        proxy.stop()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
