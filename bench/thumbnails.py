"""Pictures from phones, as the app takes them in: 12-megapixel JPEGs (4000 x 3000, with
EXIF and a GPS position) cleaned at upload (`images.clean`: decoded, turned upright,
encoded again without metadata), then the job's preview and medium size
(`previews.ensure_previews` does `images.preview` and `images.medium`). Photos per second
for each step, and the memory of a process doing it: the peak resident size of a fresh
worker-like process (imports done, then the photos one after another) against its size
before the first photo.

Each measurement runs in its own process, so one step's peak does not hide in another's.
"""

import multiprocessing
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.pictures import phone_photo  # noqa: E402

from meetingpoint.attachments import images  # noqa: E402

PHOTOS = 8
WIDTH, HEIGHT = 4000, 3000


def _rss_mb() -> float:
    """This process's peak resident size so far (VmHWM: getrusage's ru_maxrss would carry
    the parent's peak across the spawn's exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def _step(name: str, originals: list[bytes], results) -> None:
    """One step over every photo, in this (fresh) process: seconds each, peak memory."""
    before = _rss_mb()
    seconds, sizes = [], []
    for original in originals:
        began = time.perf_counter()
        if name == "clean":
            made = [images.clean(original).data]
        else:
            made = [images.preview(original), images.medium(original) or b""]
        seconds.append(time.perf_counter() - began)
        sizes.append([len(m) for m in made])
    results.put((name, seconds, sizes, before, _rss_mb()))


def main() -> None:
    # Each photo a little different (a column narrower), so none is a copy of another.
    photos = [phone_photo(WIDTH - n, HEIGHT) for n in range(PHOTOS)]
    photo = photos[0]
    cleaned = [images.clean(p).data for p in photos]
    print(
        f"bench thumbnails_setup photos={PHOTOS} size={WIDTH}x{HEIGHT} "
        f"jpeg_kb={len(photo) / 1024:.0f} cores={multiprocessing.cpu_count()}"
    )
    context = multiprocessing.get_context("spawn")
    rows = []
    for name, inputs in (("clean", photos), ("previews", cleaned)):
        results = context.Queue()
        worker = context.Process(target=_step, args=(name, inputs, results))
        worker.start()
        step, seconds, sizes, before, peak = results.get(timeout=600)
        worker.join()
        median = statistics.median(seconds)
        per_second = len(seconds) / sum(seconds)
        kb = [f"{s / 1024:.1f}" for s in sizes[0]]
        print(
            f"bench thumbnails step={step} median_s={median:.3f} per_second={per_second:.2f} "
            f"rss_before_mb={before:.0f} rss_peak_mb={peak:.0f} grew_mb={peak - before:.0f} "
            f"output_kb={'/'.join(kb)}"
        )
        rows.append((step, median, per_second, before, peak, "/".join(kb)))
    print(
        f"{'step':10} {'median s':>9} {'photos/s':>9} {'RSS before MB':>14} {'peak MB':>8}  KB out"
    )
    for step, median, per_second, before, peak, kb in rows:
        print(f"{step:10} {median:9.3f} {per_second:9.2f} {before:14.0f} {peak:8.0f}  {kb}")


if __name__ == "__main__":
    main()
