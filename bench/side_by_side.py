"""Meeting Point beside FlaskBB, in one run on this machine: the same data (a topic with 100
replies of 400–700 characters, 50 other topics), the same worker count (2 processes; ours
as deploy/ runs them, behind nginx), the same load (wrk -t1 -c16 -d10s after a 2 s
warm-up) and the same page-weight tool, both from the peers harness in ../shared/peers
(PEERS_DIR to point elsewhere).

Prints `bench http ...`, `bench http_ratio ...`, `bench first_visit ...` lines, then a table.
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import select  # noqa: E402

from meetingpoint import create_app  # noqa: E402
from meetingpoint.accounts.models import User  # noqa: E402
from meetingpoint.database import utcnow  # noqa: E402
from meetingpoint.extensions import db  # noqa: E402
from meetingpoint.forums.access import opening_post  # noqa: E402
from meetingpoint.forums.services import PostDraft, create_topic, reply  # noqa: E402
from meetingpoint.rooms.models import Room  # noqa: E402
from meetingpoint.rooms.services import join_room, seed_rooms  # noqa: E402

PEERS = Path(os.environ.get("PEERS_DIR", ROOT.parent / "shared" / "peers"))
DURATION, CONNECTIONS, WORKERS = int(os.environ.get("BENCH_SECONDS", 10)), 16, 2
SECRET = "b" * 64
ROOM = "social-dialogue"
# Our page → FlaskBB's page showing the same thing.
PAGES = [("topic", "topic_page"), ("room", "forum_page"), ("home", "index_page")]
WORDS = """tripartite labour inspection social dialogue decent work minimum wage collective
bargaining informal economy cooperatives apprenticeship skills migration remittances
social protection floor pension coverage child labour cocoa supply chains green jobs
municipal procurement ministry employers workers union federation agreement council
province region training programme evaluation indicator budget transition""".split()


def body(rng: random.Random, n: int) -> str:
    """400–700 characters of Markdown, some with bold text, a quote or a code block
    (as the FlaskBB seed has)."""
    target = rng.randrange(400, 701)
    words = []
    while len(" ".join(words)) < target - 40:
        words.append(rng.choice(WORDS))
    text = " ".join(words).capitalize() + "."
    if n % 5 == 1:
        text = f"**{words[0].capitalize()} {words[1]}**: " + text
    if n % 7 == 2:
        text = f"> {' '.join(words[:8])}\n\n" + text
    if n % 11 == 3:
        text += "\n\n```\nrate = covered / eligible\n```"
    return text[: target - 1] + "." if len(text) > 700 else text


def seed(url: str, workdir: Path) -> dict[str, str]:
    """Five people, a room with the 100-reply topic and 50 others; returns our paths."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "MAIL_OUTBOX": workdir / "outbox",
                      "SECRET_KEY": SECRET, "FORUM_REPLIES_PER_HOUR": 1_000,
                      "FORUM_TOPICS_PER_HOUR": 1_000})  # fmt: skip
    rng = random.Random(2016)
    with app.app_context():
        upgrade()
        seed_rooms()
        room = db.session.scalar(select(Room).where(Room.slug == ROOM))
        people = []
        for n in range(5):
            person = User(email=f"member{n}@bench.example", display_name=f"Member {n}",
                          country="SN", organisation="Bench",
                          email_verified_at=utcnow())  # fmt: skip
            db.session.add(person)
            db.session.commit()
            join_room(person, room)
            people.append(person)
        for n in range(50):
            create_topic(people[n % 5], room, f"Other topic {n + 1}", PostDraft(body(rng, n), "en"))
        topic = create_topic(people[0], room, "Bench topic with 100 replies",
                             PostDraft(body(rng, 0), "en"))  # fmt: skip
        opening = branch = opening_post(topic)
        for n in range(100):  # a tree: an answer to the topic, then three answers to it
            answer = reply(people[(n + 1) % 5], topic, opening if n % 4 == 0 else branch,
                           PostDraft(body(rng, n + 1), "en"))  # fmt: skip
            branch = answer if n % 4 == 0 else branch
        # Member 1's session, signed as Flask signs it (no password hash to measure).
        signer = app.session_interface.get_signing_serializer(app)
        member = people[1]
        cookie = signer.dumps({"_user_id": f"{member.id}:{member.auth_version}", "_fresh": True})
        return {"topic": f"/en/rooms/{ROOM}/topics/{topic.id}", "room": f"/en/rooms/{ROOM}/",
                "home": "/en/", "cookie": cookie}  # fmt: skip


def start(url: str, workdir: Path) -> tuple[subprocess.Popen, int]:
    """One process as deploy/ runs it (gunicorn -k gevent -w 1); nginx spreads the pages."""
    from support.live_servers import free_port

    port = free_port()
    env = dict(os.environ, MEETINGPOINT_DATABASE_URL=url, MEETINGPOINT_SECRET_KEY=SECRET,
               MEETINGPOINT_MAIL_OUTBOX=str(workdir / "outbox"))  # fmt: skip
    command = [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1",
               "-b", f"127.0.0.1:{port}", "--error-logfile", str(workdir / "gunicorn.log"),
               "wsgi:app"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    wait = f". {PEERS}/lib/common.sh; wait_http http://127.0.0.1:{port}/healthz 60"
    subprocess.run(["bash", "-c", wait], check=True)
    return process, port


def peers(*command: str) -> list[str]:
    """Lines a peers script prints (its progress goes to stderr)."""
    done = subprocess.run(["bash", "-c", " ".join(command)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return done.stdout.splitlines()


def wrk(label: str, url: str) -> dict:
    common = f". {PEERS}/lib/common.sh;"
    peers(common, f"timeout 10 wrk -t1 -c{CONNECTIONS} -d2s {url} >/dev/null 2>&1 || true")
    (line,) = peers(common, f"wrk_line meetingpoint {label} {url} {DURATION} {CONNECTIONS}")
    return figures(line)


def wrk_signed_in(label: str, url: str, cookie: str) -> dict:
    """As wrk_line measures, with a member's session: their pages are never shared."""
    header = f"-H 'Cookie: session={cookie}'"
    load = f"wrk -t1 -c{CONNECTIONS} --timeout 10s --latency {header} {url}"
    peers(f"timeout 10 {load} -d2s >/dev/null 2>&1 || true")
    (line,) = peers(f"timeout {DURATION + 30} {load} -d{DURATION}s | python3 "
                    f"{PEERS}/lib/parse_wrk.py meetingpoint {label} conns={CONNECTIONS} "
                    f"dur_s={DURATION}")  # fmt: skip
    return figures(line)


def figures(line: str) -> dict:
    return dict(re.findall(r"(\w+)=(\S+)", line))


def weigh(label: str, url: str) -> dict:
    (line,) = peers(f"python3 {PEERS}/lib/pageweight.py meetingpoint {label} {url}")
    return figures(line)


def flaskbb() -> tuple[dict, dict, dict]:
    """FlaskBB's own bench: requests (per page), weight (per page), posts shown."""
    lines = peers(f"DURATION={DURATION} CONNS={CONNECTIONS} bash {PEERS}/flaskbb/bench.sh")
    load, weight, info = {}, {}, {}
    for line in lines:
        parts = line.split()
        if len(parts) < 3 or parts[0] != "flaskbb":
            continue
        if parts[1] == "page_weight":
            found = figures(line)
            weight[found["page"]] = found
        elif parts[1] == "topic_page_info":
            info = figures(line)
        elif parts[1] in {page for _ours, page in PAGES}:
            load[parts[1]] = figures(line)
    return load, weight, info


def main() -> None:
    from support.nginx_server import Nginx

    if shutil.which("wrk") is None:
        subprocess.run(["bash", "-c", f". {PEERS}/lib/common.sh; ensure_apt wrk curl"], check=True)
    workdir = Path(tempfile.mkdtemp(prefix="mp-bench-side-"))
    url = f"sqlite:///{workdir / 'side.db'}"
    paths = seed(url, workdir)
    theirs, their_weight, info = flaskbb()  # first, alone on the machine, then ours
    servers = [start(url, workdir) for _ in range(WORKERS)]
    proxy = Nginx(workdir, [port for _process, port in servers]).start()
    ours, our_weight = {}, {}
    try:
        for page, _theirs in PAGES:
            ours[page] = wrk(f"{page}_page", f"{proxy.url}{paths[page]}")
            our_weight[page] = weigh(f"{page}_page", f"{proxy.url}{paths[page]}")
        signed_in = wrk_signed_in("topic_page_signed_in", f"{proxy.url}{paths['topic']}",
                                  paths["cookie"])  # fmt: skip
        page = subprocess.run(["curl", "-fsS", f"{proxy.url}{paths['topic']}"],
                              capture_output=True, text=True).stdout  # fmt: skip
        shown = len(set(re.findall(r'id="post-(\d+)"', page)))
    finally:
        proxy.stop()
        for process, _port in servers:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)
    report(ours, theirs, our_weight, their_weight, shown, info)
    mine, other = signed_in, theirs["topic_page"]
    ratio = float(mine["rps"]) / float(other["rps"])
    print(f"bench http app=meetingpoint page=topic_signed_in rps={mine['rps']} "
          f"p50_ms={mine['p50_ms']} p99_ms={mine['p99_ms']} errors={mine['errors']} "
          f"non2xx={mine['non2xx']}")  # fmt: skip
    print(f"bench http_ratio page=topic_signed_in rps_times_flaskbb={ratio:.1f} "
          f"(a member's page, rendered for them; FlaskBB's figure is for visitors)")  # fmt: skip


def report(ours, theirs, our_weight, their_weight, shown, info) -> None:
    print(f"bench http_setup workers={WORKERS} connections={CONNECTIONS} seconds={DURATION} "
          f"meetingpoint_posts_shown={shown} "
          f"flaskbb_posts_shown={info.get('posts_shown_page1')}")  # fmt: skip
    rows = []
    for page, their_page in PAGES:
        mine, other = ours[page], theirs[their_page]
        weights = {"meetingpoint": our_weight[page], "flaskbb": their_weight[their_page]}
        for app, found in (("meetingpoint", mine), ("flaskbb", other)):
            print(f"bench http app={app} page={page} rps={found['rps']} "
                  f"p50_ms={found['p50_ms']} p99_ms={found['p99_ms']} "
                  f"errors={found['errors']} non2xx={found['non2xx']}")  # fmt: skip
        rps_ratio = float(mine["rps"]) / float(other["rps"])
        p99_ratio = float(other["p99_ms"]) / float(mine["p99_ms"])
        print(f"bench http_ratio page={page} rps_times_flaskbb={rps_ratio:.1f} "
              f"p99_times_faster={p99_ratio:.1f}")  # fmt: skip
        for app, found in weights.items():
            files = 1 + int(found["n_css"]) + int(found["n_js"])
            print(f"bench first_visit app={app} page={page} bytes={found['total_bytes']} "
                  f"encoding={found.get('encoding', '')} files={files}")  # fmt: skip
        light = int(weights["flaskbb"]["total_bytes"]) / int(weights["meetingpoint"]["total_bytes"])
        print(f"bench first_visit_ratio page={page} times_lighter={light:.1f}")
        rows.append((page, mine, other, weights, rps_ratio, light))
    print(f"{'page':6} {'ours req/s':>10} {'FlaskBB':>8} {'×':>5} {'ours p50/p99 ms':>16} "
          f"{'FlaskBB p50/p99':>16} {'ours KB':>8} {'FlaskBB KB':>10} "
          f"{'× lighter':>9}")  # fmt: skip
    for page, mine, other, weights, rps_ratio, light in rows:
        kb = {app: int(found["total_bytes"]) / 1024 for app, found in weights.items()}
        print(f"{page:6} {float(mine['rps']):10.1f} {float(other['rps']):8.1f} {rps_ratio:5.1f} "
              f"{mine['p50_ms'] + ' / ' + mine['p99_ms']:>16} "
              f"{other['p50_ms'] + ' / ' + other['p99_ms']:>16} "
              f"{kb['meetingpoint']:8.1f} {kb['flaskbb']:10.1f} {light:9.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
