"""Uploaded files on the local folder and on S3 (moto's S3 server on loopback, the tests'
stand-in): storing a 20 MB file (MB/s), downloading it from a real gunicorn -k gevent
process (one at a time, ten at once, and the last megabyte as a Range), the worker's memory
meanwhile (streamed, a download never holds the file), and `flask storage migrate --to s3`
for 200 small files and two large ones.

Loopback only, everything in a temporary folder removed after. moto keeps objects in its
own memory and answers from one Python process: the S3 figures are a floor, not AWS's.
"""

import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import requests  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from support.live_servers import LiveServer  # noqa: E402
from support.object_storage import S3Server  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.library.files import key_of  # noqa: E402
from meetingpoint.library.models import LibraryItem  # noqa: E402
from meetingpoint.storage import files, local_storage, make_storage  # noqa: E402
from meetingpoint.storage.migrate import migrate  # noqa: E402

MB = 1024 * 1024
BIG = 20 * MB
REPEATS = 5
AT_ONCE = 10


def worker_rss(server: LiveServer) -> int:
    """The resident memory of gunicorn's worker (the master's child), in bytes."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    pid = children.read_text().split()[0]
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def timed_put(storage, path: Path) -> float:
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        storage.put_file("attachments/bench/put", path, "application/pdf")
        times.append(time.perf_counter() - began)
    return BIG / MB / statistics.median(times)


def download(url: str, headers: dict | None = None) -> tuple[float, float, int]:
    """(seconds to the first byte, seconds in all, bytes)."""
    began = time.perf_counter()
    first, size = None, 0
    with requests.get(url, headers=headers or {}, stream=True, timeout=120) as response:
        response.raise_for_status()
        for chunk in response.iter_content(256 * 1024):
            first = first or time.perf_counter() - began
            size += len(chunk)
    return first or 0.0, time.perf_counter() - began, size


def serve_figures(server: LiveServer, url: str) -> dict:
    single = [download(url) for _ in range(REPEATS)]
    ranged = [download(url, {"Range": f"bytes={BIG - MB}-"}) for _ in range(REPEATS)]
    assert all(size == BIG for *_t, size in single) and all(r[2] == MB for r in ranged)
    peak, stop = [worker_rss(server)], threading.Event()
    before = peak[0]

    def sample():
        while not stop.is_set():
            peak.append(worker_rss(server))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(download(url)))
               for _ in range(AT_ONCE)]  # fmt: skip
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    together = time.perf_counter() - began
    stop.set()
    sampler.join()
    return {
        "download_mb_s": BIG / MB / statistics.median(t for _f, t, _s in single),
        "first_byte_ms": 1000 * statistics.median(f for f, _t, _s in single),
        "range_1mb_ms": 1000 * statistics.median(t for _f, t, _s in ranged),
        "ten_at_once_mb_s": AT_ONCE * BIG / MB / together,
        "worker_rss_growth_mb": (max(peak) - before) / MB,
    }


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-storage-"))
    s3 = S3Server(work).start()
    try:
        run(work, s3)
    finally:
        s3.stop()
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, s3: S3Server) -> None:
    s3.client().create_bucket(Bucket="bench-files")
    s3.client().create_bucket(Bucket="bench-migrated")
    base = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'bench.db'}",
        "INSTANCE_PATH": str(work),
        "STORAGE_PATH": str(work / "files"),
        "LIBRARY_PATH": str(work / "library"),
        "SECRET_KEY": "bench-storage-" + "k" * 32,
    }
    backends = {"local": base, "s3": {**base, **s3.settings("bench-files")}}
    source = work / "big.pdf"
    source.write_bytes(b"%PDF-1.4\n" + os.urandom(BIG - 9))
    content = source.read_bytes()
    sha256 = hashlib.sha256(content).hexdigest()
    rows = []
    for name, settings in backends.items():
        app = create_app(settings)
        with app.app_context():
            if name == "local":
                upgrade()
                db.session.add(LibraryItem(
                    kind="document", item_type="report", title="Big", sha256=sha256,
                    file_name="big.pdf", content_type="application/pdf", size=BIG,
                ))  # fmt: skip
                db.session.commit()
            put = timed_put(files(), source)
            files().put_file(key_of(sha256), source, "application/pdf")
            db.engine.dispose()
        env = {k: v for k, v in settings.items() if k not in ("SQLALCHEMY_DATABASE_URI",)}
        server = LiveServer(base["SQLALCHEMY_DATABASE_URI"], work, None, env).start()
        try:
            figures = serve_figures(server, f"{server.url}/en/library/1/download")
        finally:
            server.stop()
        rows.append((name, {"put_mb_s": put, **figures}))
        print(f"bench storage backend={name} " + " ".join(
            f"{key}={value:.1f}" for key, value in rows[-1][1].items()))  # fmt: skip

    app = create_app(backends["local"])
    with app.app_context():
        local = local_storage(app)
        for n in range(200):
            local.put_bytes(f"attachments/{n % 256:02x}/{n:064x}", os.urandom(100_000), "x/y")
        local.put_bytes("attachments/ff/big-one", os.urandom(BIG), "x/y")
        app.config.update({k: v for k, v in s3.settings("bench-migrated").items()
                           if k != "STORAGE_BACKEND"})  # fmt: skip
        began = time.perf_counter()
        tally = migrate(local, make_storage(app, "s3"))  # type: ignore[arg-type]
        took = time.perf_counter() - began
        moved = sum(local.size(key) or 0 for key in local.keys())
        again_began = time.perf_counter()
        again = migrate(local, make_storage(app, "s3"))  # type: ignore[arg-type]
        again_took = time.perf_counter() - again_began
    files_count = sum(tally.counts.values())
    print(f"bench storage migrate files={files_count} mb={moved / MB:.1f} seconds={took:.1f} "
          f"mb_s={moved / MB / took:.1f} rerun_seconds={again_took:.1f} "
          f"rerun_present={again.counts['present']}")  # fmt: skip

    print()
    print(
        "| storage | put 20 MB | download 20 MB | first byte | last 1 MB (Range) "
        f"| {AT_ONCE} downloads at once | worker memory growth |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, f in rows:
        cells = (
            f"{f['put_mb_s']:.0f} MB/s",
            f"{f['download_mb_s']:.0f} MB/s",
            f"{f['first_byte_ms']:.0f} ms",
            f"{f['range_1mb_ms']:.0f} ms",
            f"{f['ten_at_once_mb_s']:.0f} MB/s",
            f"{f['worker_rss_growth_mb']:.1f} MB",
        )
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(
        f"\nMigration: {files_count} files, {moved / MB:.0f} MB in {took:.1f} s "
        f"({moved / MB / took:.1f} MB/s, each read back); run again: {again_took:.1f} s."
    )


if __name__ == "__main__":
    main()
