"""A slow link, as Chromium emulates one (250 kbit/s down, 100 kbit/s up, 300 ms round
trip): how long a cold visit to a topic with 100 replies takes to show its first post, and
how many bytes a warm second visit costs, with the service worker installed; a visitor's
and a signed-in member's, through the nginx site from deploy/. FlaskBB's topic page beside
it, cold and warm, when the peers harness is there (PEERS_DIR). BENCH_ROUNDS (3) rounds,
BENCH_VERBOSE=1 to list each request nginx logged.

Prints `bench slow_link ...` lines, then a table.
"""

import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from chat import start_server  # noqa: E402
from side_by_side import SECRET, seed  # noqa: E402
from support.live_servers import free_port  # noqa: E402

CHROMIUM = shutil.which("chromium")
PEERS = Path(os.environ.get("PEERS_DIR", ROOT.parent / "shared" / "peers"))
# Network.emulateNetworkConditions takes bytes per second and the added latency in ms.
LINK = {"offline": False, "latency": 300, "downloadThroughput": 250_000 / 8,
        "uploadThroughput": 100_000 / 8}  # fmt: skip
COLD_TARGET_S, WARM_TARGET_KB = 5.0, 5.0
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))  # each a new profile; the median cold time
PHONE = {"width": 360, "height": 640}
FIRST_POST = "article.post"
# Runs in every document before its own scripts: notes the time from the navigation's start
# (performance.now()) of the first animation frame in which the first post is laid out,
# i.e. the frame that paints it (and whether that is on the first screen).
WATCH = """
(() => {
  const seen = { post: null, inView: null };
  window.__slowLink = seen;
  const look = () => {
    const post = document.querySelector("SELECTOR");
    const box = post && post.getBoundingClientRect();
    if (box && box.height > 0) {
      seen.post = performance.now();
      seen.inView = box.top < innerHeight;  // on the first screen, without scrolling
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();
""".replace("SELECTOR", FIRST_POST)
FCP = """async () => {
  for (;;) {
    const [paint] = performance.getEntriesByName("first-contentful-paint");
    if (paint) return paint.startTime;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}"""
LOG_FORMAT = "log_format slow '$msec $status $request_length $bytes_sent \"$request\"';"


@dataclass
class Visit:
    seconds: float = 0.0  # until the first post is painted, from the navigation's start
    fcp: float = 0.0
    down: int = 0  # bytes nginx sent (headers included, compressed as served)
    up: int = 0  # bytes of the requests nginx received
    requests: int = 0
    live: int = 0  # of `down`, the live connection's (Socket.IO: polling, then a websocket)
    live_up: int = 0  # of `up`, the live connection's
    lines: tuple = ()

    @property
    def kb(self) -> float:
        return self.down / 1024


class Logged:
    """nginx's access log: what crossed the wire, the worker's own fetches included."""

    def __init__(self, path: Path):
        self.path, self.offset = path, 0

    def mark(self) -> None:
        self.offset = self.path.stat().st_size if self.path.exists() else 0

    def since(self, visit: Visit) -> None:
        with self.path.open() as log:
            log.seek(self.offset)
            lines = [line.split(" ", 4) for line in log.read().splitlines()]
        visit.requests = len(lines)
        visit.up = sum(int(parts[2]) for parts in lines)
        visit.down = sum(int(parts[3]) for parts in lines)
        live = [parts for parts in lines if " /socket.io/" in parts[4]]
        visit.live = sum(int(parts[3]) for parts in live)
        visit.live_up = sum(int(parts[2]) for parts in live)
        visit.lines = tuple(f"{parts[1]} {parts[3]:>6} {parts[4]}" for parts in lines)


def throttled(context, page) -> list:
    """Put the page on the slow link; the list fills with the bytes of each response the
    page received from the network (CDP's encodedDataLength: headers and body as sent).
    Only the page's own: the service worker's fetches go out from another target."""
    received = []
    cdp = context.new_cdp_session(page)
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", LINK)
    return received


class WorkerLink:
    """The service worker's own fetches on the same link. They go out from the worker's
    target, which neither the page's emulation nor Playwright's API reaches: a CDP
    connection of our own (Chromium's debugging port) attaches to each worker and
    throttles it."""

    def __init__(self, port: int):
        import websocket

        address = requests.get(f"http://127.0.0.1:{port}/json/version", timeout=10).json()
        self.socket = websocket.create_connection(
            address["webSocketDebuggerUrl"], suppress_origin=True
        )
        self.ids, self.lock, self.workers = itertools.count(1), threading.Lock(), set()
        threading.Thread(target=self._listen, daemon=True).start()
        self._send("Target.setDiscoverTargets", {"discover": True})

    def _send(self, method: str, params: dict, session: str | None = None) -> None:
        message = {"id": next(self.ids), "method": method, "params": params}
        if session:
            message["sessionId"] = session
        with self.lock:
            self.socket.send(json.dumps(message))

    def _listen(self) -> None:
        while True:
            try:
                event = json.loads(self.socket.recv())
            except Exception:  # closed with the browser
                return
            target = event.get("params", {}).get("targetInfo", {})
            if target.get("type") != "service_worker":
                continue
            if event.get("method") == "Target.targetCreated":
                self._send("Target.attachToTarget", {"targetId": target["targetId"],
                                                     "flatten": True})  # fmt: skip
            elif event.get("method") == "Target.attachedToTarget":
                session = event["params"]["sessionId"]
                self._send("Network.enable", {}, session)
                self._send("Network.emulateNetworkConditions", LINK, session)
                self.workers.add(target["targetId"])

    def close(self) -> None:
        self.socket.close()


def first_post(page, path: str) -> tuple[float, float]:
    page.goto(path, wait_until="commit", timeout=120_000)
    page.wait_for_function("() => window.__slowLink && window.__slowLink.post !== null",
                           timeout=120_000)  # fmt: skip
    fcp = page.evaluate(FCP)
    seen = page.evaluate("() => window.__slowLink")
    assert seen["inView"], "the first post is below the first screen: measure another way"
    # Laid out in that frame, it is on screen once the frame is painted: not before the
    # first contentful paint.
    return max(seen["post"], fcp) / 1000, fcp / 1000


def visits(browser, base_url: str, path: str, cookies, log: Logged, link: WorkerLink):
    """A cold visit (empty cache, no worker), then, once the worker has taken control and
    kept what it keeps, a second visit to the same topic in a new tab."""
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    if cookies:
        context.add_cookies(cookies)
    context.add_init_script(WATCH)
    cold, warm = Visit(), Visit()
    page = context.new_page()
    throttled(context, page)
    log.mark()
    cold.seconds, cold.fcp = first_post(page, path)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    time.sleep(2)  # the worker keeps the page once its body has come in
    page.close()  # its live connection is logged when it closes
    time.sleep(0.5)
    log.since(cold)
    page = context.new_page()
    throttled(context, page)
    log.mark()
    assert link.workers, "the service worker is not on the slow link"
    warm.seconds, warm.fcp = first_post(page, path)
    page.wait_for_load_state("networkidle", timeout=120_000)
    time.sleep(2)
    context.close()  # a live connection is logged when it closes
    time.sleep(0.5)
    log.since(warm)
    return cold, warm


def logging_nginx(workdir: Path, port: int):
    from support.nginx_server import Nginx

    proxy = Nginx(workdir, [port, port])
    log = workdir / "access.log"
    text = proxy.config.read_text()
    text = text.replace("  access_log off;\n", f"  {LOG_FORMAT}\n  access_log {log} slow;\n", 1)
    proxy.config.write_text(text.replace("        access_log off;\n", ""))
    return proxy.start(), Logged(log)


def flaskbb(browser) -> tuple[Visit, Visit] | None:
    """FlaskBB's topic page (10 posts of 101) on the same link, cold then warm, if the peers
    harness is there: its own server (2 sync workers, as its harness runs it)."""
    bench = PEERS / "flaskbb" / "bench.sh"
    if not bench.exists():
        return None
    work = subprocess.run(["bash", "-c", f". {PEERS}/lib/common.sh; echo $PEERS_WORK"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    urls = Path(work) / "flaskbb-data" / "urls.env"
    venv = Path(work) / "flaskbb-venv"
    if not urls.exists():
        subprocess.run(["bash", str(PEERS / "flaskbb" / "setup.sh")], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    found = dict(re.findall(r"(\w+)=\"?([^\"\n]*)\"?", urls.read_text()))
    port = free_port()
    data = Path(work) / "flaskbb-data"
    server = subprocess.Popen(
        [str(venv / "bin" / "gunicorn"), "-w", "2", "-k", "sync", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning",
         f"flaskbb:create_app(config='{data}/flaskbb.cfg', instance_path='{data}/instance')"],
        env=dict(os.environ, PATH=f"{venv / 'bin'}:{os.environ['PATH']}",
                 PYTHONWARNINGS="ignore::UserWarning"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait = f". {PEERS}/lib/common.sh; wait_http http://127.0.0.1:{port}/ 90"
        subprocess.run(["bash", "-c", wait], check=True, stdout=subprocess.DEVNULL)
        context = browser.new_context(base_url=f"http://127.0.0.1:{port}", viewport=PHONE)
        context.add_init_script(WATCH.replace(FIRST_POST, "[id^=pid]"))
        cold, warm = Visit(), Visit()
        for visit in (cold, warm):  # the second in a new tab, the browser's cache warm
            page = context.new_page()
            received = throttled(context, page)
            visit.seconds, visit.fcp = first_post(page, found["TOPIC_PATH"])
            page.wait_for_load_state("networkidle", timeout=180_000)
            visit.down, visit.requests = sum(received), len(received)
            page.close()
        context.close()
        return cold, warm
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


def main() -> None:
    missing = [name for name, found in (("chromium", CHROMIUM), ("nginx", shutil.which("nginx")))
               if not found]  # fmt: skip
    if missing:
        print(f"slow link: skipped, {' and '.join(missing)} not installed (apt-get install)")
        return
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="mp-slow-bench-"))
    url = f"sqlite:///{workdir / 'slow.db'}"
    paths = seed(url, workdir)  # side_by_side.py's: the data FlaskBB's harness seeds
    path = paths["topic"]
    process, address = start_server(url, workdir, None, SECRET_KEY=SECRET)
    proxy, log = logging_nginx(workdir, int(address.rsplit(":", 1)[1]))
    rows = []
    try:
        with sync_playwright() as playwright:
            args = ["--no-sandbox"] if os.geteuid() == 0 else []
            port = free_port()
            args.append(f"--remote-debugging-port={port}")  # for WorkerLink, on loopback
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
            link = WorkerLink(port)
            version = browser.version
            cookies = [{"name": "session", "value": paths["cookie"], "url": proxy.url}]
            for jar in ({}, {"session": paths["cookie"]}):  # a running server, not a new one
                requests.get(proxy.url + path, cookies=jar, timeout=60).raise_for_status()
            for who, jar in (("visitor", None), ("member", cookies)):
                runs = [visits(browser, proxy.url, path, jar, log, link) for _ in range(ROUNDS)]
                rows.append((who, [cold for cold, _ in runs], [warm for _, warm in runs]))
                if os.environ.get("BENCH_VERBOSE"):
                    print("\n".join(("cold", *runs[0][0].lines, "warm", *runs[0][1].lines)))
            theirs = flaskbb(browser)
            link.close()
            browser.close()
    finally:
        proxy.stop()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    report(rows, theirs, version)


def median(visits: list[Visit]) -> Visit:
    return sorted(visits, key=lambda visit: visit.seconds)[len(visits) // 2]


def report(rows, theirs, version) -> None:
    down, up = LINK["downloadThroughput"] * 8 / 1000, LINK["uploadThroughput"] * 8 / 1000
    link = f"down_kbit={down:.0f} up_kbit={up:.0f} rtt_ms={LINK['latency']}"
    print(f"bench slow_link_setup {link} viewport=360x640 chromium={version} "
          f"cold_target_s={COLD_TARGET_S} warm_target_kb={WARM_TARGET_KB} "
          f"rounds={ROUNDS} (times: the median; warm bytes: the largest)")  # fmt: skip
    table = []
    for who, colds, warms in rows:
        cold, quick, warm = median(colds), median(warms), max(warms, key=lambda v: v.down)
        times = ",".join(f"{visit.seconds:.2f}" for visit in sorted(colds, key=lambda v: v.seconds))
        print(f"bench slow_link app=meetingpoint who={who} cold_first_post_s={cold.seconds:.2f} "
              f"cold_runs_s={times} cold_fcp_s={cold.fcp:.2f} cold_kb={cold.kb:.1f} "
              f"warm_first_post_s={quick.seconds:.2f} warm_kb={warm.kb:.2f} "
              f"warm_live_kb={warm.live / 1024:.2f} warm_up_kb={warm.up / 1024:.2f} "
              f"warm_live_up_kb={warm.live_up / 1024:.2f} "
              f"warm_requests={warm.requests}")  # fmt: skip
        table.append((f"ours, {who}", cold, quick, warm))
    if theirs:
        cold, warm = theirs
        print(f"bench slow_link app=flaskbb who=visitor cold_first_post_s={cold.seconds:.2f} "
              f"cold_fcp_s={cold.fcp:.2f} cold_kb={cold.kb:.1f} "
              f"warm_first_post_s={warm.seconds:.2f} warm_kb={warm.kb:.2f} "
              f"warm_requests={warm.requests} posts_shown=10")  # fmt: skip
        table.append(("FlaskBB, visitor", cold, warm, warm))
    print(f"{'topic, 100 replies':20} {'cold: first post s':>18} {'cold KB':>8} "
          f"{'warm: first post s':>18} {'warm KB':>8} {'of which live':>13} "
          f"{'requests':>8} {'up KB':>6}")  # fmt: skip
    for label, cold, quick, warm in table:
        flags = ("" if cold.seconds < COLD_TARGET_S else "  cold OVER") + (
            "" if warm.kb <= WARM_TARGET_KB else "  warm OVER"
        )
        ours = label.startswith("ours")  # FlaskBB: no live connection, no nginx log
        up = f"{warm.up / 1024:6.2f}" if ours else f"{'':6}"
        live = f"{warm.live / 1024:13.2f}" if ours else f"{'':13}"
        print(f"{label:20} {cold.seconds:18.2f} {cold.kb:8.1f} {quick.seconds:18.2f} "
              f"{warm.kb:8.2f} {live} {warm.requests:8d} {up}"
              f"{flags}")  # fmt: skip


if __name__ == "__main__":
    main()
