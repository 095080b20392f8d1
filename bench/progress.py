"""A progress bar on stderr for the benchmarks that write a million rows."""

import sys
import time


def progress(done: int, total: int, began: float, unit: str) -> None:
    """Redraw `[####....] done / total unit  elapsed s`; a new line once done."""
    filled = 30 * done // total
    print(
        f"\r  [{'#' * filled}{'.' * (30 - filled)}] {done:>9,} / {total:,} {unit} "
        f"{time.monotonic() - began:5.0f} s",
        end="" if done < total else "\n",
        file=sys.stderr,
        flush=True,
    )
