"""Chat fan-out beside the Socket.IO floor: 200 and 1,000 clients in one room, the bare
Flask-SocketIO server (gevent) from the peers harness first, then Meeting Point's full path
right after it, both driven by the harness's load client in the same phases.

Ours: one `gunicorn -k gevent -w 1` process (the floor is one process too); every client is
a signed-in participant with the room's channel open; each message is checked, sanitised,
stored and committed before it is broadcast. Loopback only, bounded; servers are stopped.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from chat import seed, start_server  # noqa: E402

PEERS = Path(os.environ.get("PEERS_DIR", BENCH.parents[1] / "shared/peers"))
SIZES = (200, 1000)
WINDOWS = "4,16"  # the harness also runs 64: past 16 both sides only queue


def messages_for(listeners: int) -> tuple[int, int]:
    """The harness's own counts: (latency phase, each throughput phase)."""
    return (100, 1000) if listeners <= 200 else (50, 200)


def parse(line: str) -> dict:
    return dict(part.split("=", 1) for part in line.split() if "=" in part)


def floor() -> list[dict]:
    """The bare Flask-SocketIO fan-out server in gevent mode, measured by the harness."""
    env = dict(os.environ, VARIANTS="flask:gevent", NS=" ".join(map(str, SIZES)), WINDOWS=WINDOWS)
    run = subprocess.run(
        ["bash", str(PEERS / "socketio_floor/bench.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("socketio_flask ")]
    for line in lines:
        print(line)
    return [parse(line) for line in lines if "phase=" in line]


def ours(workdir: Path) -> list[dict]:
    database = f"sqlite:///{workdir / 'bench.db'}"
    _app, channel_id, cookies = seed(database, workdir)
    cookie_file = workdir / "cookies.txt"
    rows = []
    for listeners in SIZES:
        # The first participant sends; everyone, the sender included, receives.
        cookie_file.write_text("\n".join(cookies[:listeners]))
        process, url = start_server(database, workdir, None)
        latency_messages, throughput_messages = messages_for(listeners)
        command = [sys.executable, str(BENCH / "fanout_client.py"), "--port", url.rsplit(":", 1)[1]]
        command += ["--n", str(listeners), "--cookies", str(cookie_file)]
        command += ["--conversation-id", str(channel_id), "--windows", WINDOWS]
        command += ["--lat-messages", str(latency_messages)]
        command += ["--tput-messages", str(throughput_messages)]
        command += ["--server-pid", str(worker_of(process.pid))]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=600)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        for line in run.stdout.splitlines():
            print(line)
            if "phase=" in line:
                rows.append(parse(line))
        if run.returncode:
            print(f"chat_fanout N={listeners} client_exit={run.returncode} {run.stderr[-300:]}")
    return rows


def worker_of(master: int) -> int:
    """gunicorn's worker process, whose CPU and memory are the server's."""
    for _ in range(100):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def key(row: dict) -> tuple:
    return int(row["N"]), row["phase"], row.get("window")


def compare(floor_rows: list[dict], our_rows: list[dict]) -> None:
    floor_by = {key(r): r for r in floor_rows if r["phase"] != "connect"}
    print()
    print(
        "| N | phase | window | ours deliveries/s | floor | ratio | ours p50 / p99 / max ms "
        "| floor p50 / p99 / max ms | lost |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    best: dict[int, tuple[float, float]] = {}
    for row in our_rows:
        if row["phase"] == "connect" or key(row) not in floor_by:
            continue
        other = floor_by[key(row)]
        mine, theirs = float(row["deliveries_per_s"]), float(other["deliveries_per_s"])
        ratio = mine / theirs if theirs else float("nan")
        n = int(row["N"])
        if row["phase"] == "throughput":
            best[n] = (max(best.get(n, (0, 0))[0], mine), max(best.get(n, (0, 0))[1], theirs))
        print(
            f"bench chat_fanout N={n} phase={row['phase']} window={row['window']} "
            f"deliveries_per_s={mine:.0f} floor_deliveries_per_s={theirs:.0f} ratio={ratio:.2f} "
            f"p50_ms={row['p50_ms']} p99_ms={row['p99_ms']} max_ms={row['max_ms']} "
            f"floor_p99_ms={other['p99_ms']} lost={row['lost']}"
        )
        print(
            f"| {n} | {row['phase']} | {row['window']} | {mine:,.0f} | {theirs:,.0f} "
            f"| {ratio:.0%} | {row['p50_ms']} / {row['p99_ms']} / {row['max_ms']} "
            f"| {other['p50_ms']} / {other['p99_ms']} / {other['max_ms']} | {row['lost']} |"
        )
    for n, (mine, theirs) in sorted(best.items()):
        print(
            f"bench chat_fanout_best N={n} deliveries_per_s={mine:.0f} "
            f"floor_deliveries_per_s={theirs:.0f} ratio={mine / theirs:.2f}"
        )


def main() -> None:
    if not (PEERS / "socketio_floor/bench.sh").exists():
        print(f"chat side by side: skipped, no peers harness at {PEERS}")
        return
    print("chat fan-out, one room, one sender, every message to all N clients (sender included)")
    floor_rows = floor()
    our_rows = ours(Path(tempfile.mkdtemp(prefix="mp-chat-side-")))
    compare(floor_rows, our_rows)


if __name__ == "__main__":
    main()
