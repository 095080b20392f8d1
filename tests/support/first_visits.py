"""What a first visit costs on the wire: the pages weighed (home, a room, a topic with 100
replies, a topic with 20 pictures), their content, and the browser's own count of bytes as
nginx serves them. Shared by tests/test_browser_weight.py and bench/page_weight.py (make bench)."""

import io
import re
from dataclasses import dataclass, field
from itertools import cycle
from urllib.parse import urlsplit

import requests
from flask import current_app
from sqlalchemy import select

from meetingpoint.accounts.models import User
from meetingpoint.attachments.uploads import MAX_PER_POST, Upload
from meetingpoint.extensions import db
from meetingpoint.forums.access import opening_post
from meetingpoint.forums.services import PostDraft, create_topic, reply
from meetingpoint.rooms.models import Room
from meetingpoint.rooms.services import join_room, seed_rooms
from meetingpoint.seed.demo import DEMO_PASSWORD, load_demo
from meetingpoint.seed.demo_forum import load_demo_forum
from support.pictures import detailed_photo

BUDGET_KB = 100  # DESIGN.md: a page's HTML+CSS+JS under 100 KB compressed
PICTURES = 20  # issue 22: a topic with 20 pictures stays under the budget too
ROOM = "social-dialogue"
REPLIES = [
    ("en", "In Ghana the tripartite committee meets monthly; the hard part is what happens "
     "between meetings, when the minutes have to turn into regulations."),
    ("fr", "Au Sénégal, le Haut Conseil du dialogue social publie ses avis : cela oblige "
     "chaque partie à tenir parole devant ses membres."),
    ("es", "En Bolivia los acuerdos se firman en la mesa, pero sin presupuesto para la "
     "inspección del trabajo se quedan en el papel."),
    ("pt", "Em Moçambique a comissão consultiva do trabalho ganhou força quando passou a "
     "reunir-se também nas províncias, perto das empresas."),
]  # fmt: skip


@dataclass
class Weight:
    requests: int = 0
    bytes: int = 0
    hosts: set = field(default_factory=set)

    @property
    def kb(self) -> float:
        return self.bytes / 1024


def seed_pages(replies: int = 100) -> tuple[User, dict[str, str]]:
    """The demo community and a topic with `replies` answers, all on its first page.
    Returns the signed-in reader and the pages to weigh, by name."""
    seed_rooms()
    load_demo()
    load_demo_forum()
    people = list(db.session.scalars(select(User).order_by(User.id)))
    room = db.session.scalar(select(Room).where(Room.slug == ROOM))
    for person in people:
        join_room(person, room)
    authors = cycle(people)
    # A long thread written at once is past a person's hourly pace: not what is measured here.
    current_app.config["FORUM_REPLIES_PER_HOUR"] = replies + 1
    topic = create_topic(
        next(authors), room, "Tripartite councils: what makes them work?",
        PostDraft(REPLIES[0][1], "en"),
    )  # fmt: skip
    opening = branch = opening_post(topic)
    for n in range(replies):  # branches of four: an answer to the topic, three to the answer
        language, text = REPLIES[n % len(REPLIES)]
        draft = PostDraft(f"{text} ({n + 1})", language)
        answer = reply(next(authors), topic, opening if n % 4 == 0 else branch, draft)
        branch = answer if n % 4 == 0 else branch
    pictures = _picture_topic(room, authors, PICTURES)
    reader = people[0]
    pages = {
        "home": "/en/",
        "room page": f"/en/rooms/{ROOM}/",
        f"topic, {replies} replies": f"/en/rooms/{ROOM}/topics/{topic.id}",
        f"topic, {PICTURES} pictures": f"/en/rooms/{ROOM}/topics/{pictures.id}",
    }
    return reader, pages


def _picture_topic(room, authors, count: int):
    """A topic whose answers carry `count` detailed photos, five to an answer (a post's most),
    each described, as people share a workshop's pictures."""
    topic = create_topic(
        next(authors), room, "The workshop in pictures", PostDraft("Photos from both days?", "en")
    )
    picture = detailed_photo()
    for first in range(0, count, MAX_PER_POST):
        numbers = range(first + 1, min(first + MAX_PER_POST, count) + 1)
        uploads = [Upload(io.BytesIO(picture), f"workshop-{n}.jpg", f"The workshop, photo {n}")
                   for n in numbers]  # fmt: skip
        draft = PostDraft(f"Photos {numbers[0]} to {numbers[-1]}.", "en", uploads=uploads)
        reply(next(authors), topic, opening_post(topic), draft)
    return topic


def first_visit(browser, base_url: str, path: str, cookies: list[dict] | None = None) -> Weight:
    """Open `path` in a fresh browser profile (empty cache) and add up what came over the
    wire, compressed as served, headers included, until the page and its live connection
    have settled."""
    context = browser.new_context(base_url=base_url)
    if cookies:
        context.add_cookies(cookies)
    weight = Weight()
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(path, wait_until="load")
    page.wait_for_load_state("networkidle")
    for request in finished:
        sizes = request.sizes()
        weight.requests += 1
        weight.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        weight.hosts.add(urlsplit(request.url).netloc)
    context.close()
    return weight


def signed_in_cookies(base_url: str, email: str, password: str = DEMO_PASSWORD) -> list[dict]:
    """Sign in through the form (outside the browser, so its cache stays empty) and hand
    the session's cookies to a browser context on `base_url`."""
    session = requests.Session()
    page = session.get(f"{base_url}/en/auth/login", timeout=10).text
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    answer = session.post(
        f"{base_url}/en/auth/login",
        data={"email": email, "password": password, "csrf_token": token},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[:300]
    return [{"name": c.name, "value": c.value, "url": base_url} for c in session.cookies]
