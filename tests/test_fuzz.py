"""Hostile input at every door (addresses, query strings, forms, socket payloads) gets a clear
4xx or a page, never a server error, and nothing hostile is stored."""

import re
from urllib.parse import quote

import pytest
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from support.community import build
from support.web import AuthActions
from wtforms.fields.core import UnboundField

from meetingpoint.academy.models import AgendaSession, KeyQuestion, Module
from meetingpoint.academy.survey.models import SurveyQuestion
from meetingpoint.accounts.models import User
from meetingpoint.attachments.models import Attachment
from meetingpoint.chat.models import ChatMessage, Conversation
from meetingpoint.extensions import db, socketio
from meetingpoint.forums.models import Post, PostReport, Topic
from meetingpoint.library.models import LibraryItem
from meetingpoint.news.models import NewsItem
from meetingpoint.notifications.models import Notification

HUGE = "99999999999999999999999"
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # C0 control characters but tab, LF and CR
# Values for a URL's arguments, already percent-encoded where the path needs it: ids past
# 64 bits and past 32 (PostgreSQL's integer), zero, a negative, a digit Python's isdigit()
# accepts and int() refuses, Arabic-Indic digits (which int() takes), control characters, an
# encoded lone surrogate (Werkzeug keeps it percent-encoded), long text, ways out of a folder.
URL_VALUES = [
    HUGE,
    str(2**63),
    str(2**31),
    "0",
    "-1",
    "%C2%B2",  # ²
    "%D9%A1%D9%A2",  # ١٢
    "a%00b%01c",
    "%ED%A0%80",
    "x" * 3000,
    "..%2F..%2Fetc%2Fpasswd",
]
# Values for query strings and form fields, each name taking each in turn (so one bad value
# cannot hide another): numbers as above, dates whose next day or time zone leaves Python's
# range, text with NUL, other controls and a lone surrogate, and long text.
HOSTILE_TEXT = "nul\x00and\x01control\x1bsur\ud800rogate"
QUERY_VALUES = [HUGE, str(2**31), "-1", "0", "9999-12-31", "0001-01-01", HOSTILE_TEXT, "²",
                "x" * 5000 + "\x00"]  # fmt: skip
FORM_VALUES = [HUGE, str(2**31), "-1", "9999-12-31", "9999-12-31T23:59", "0001-01-01T00:00",
               HOSTILE_TEXT, "²", "x" * 5000 + "\x00"]  # fmt: skip
# Names read from request.args or request.form outside the WTForms classes.
QUERY_NAMES = ["page", "before", "after", "from", "until", "since", "date", "q", "room", "on",
               "scope", "period", "view", "quote", "next", "region", "constituency", "author",
               "language", "kind", "format", "v", "back", "reason", "code", "digest", "module",
               "day", "starts", "ends", "place", "opens_at", "closes_at", "starts_on", "ends_on",
               "follow_up_ends_on", "slug", "venue", "city", "country", "time_zone", "email",
               "enrolment", "invitation_code", "title", "body", "password"]  # fmt: skip
PER_LANGUAGE = ["name", "description", "title", "body", "subject", "prompt", "options"]


def form_field_names() -> list[str]:
    """Every field a form of the application declares, and the names read by hand."""
    names = set(QUERY_NAMES)
    pending = [FlaskForm]
    while pending:
        form = pending.pop()
        pending.extend(form.__subclasses__())
        names.update(n for n, v in vars(form).items() if isinstance(v, UnboundField))
    names.update(f"{base}_{lang}" for base in PER_LANGUAGE for lang in ("en", "es", "fr", "pt"))
    names.update(f"q{n}" for n in range(1, 30))  # the questionnaire's answers
    return sorted(names)


def in_turn(names: list[str], values: list[str]):
    """len(values) sets of (name, value) pairs, in which each name takes each value once."""
    for turn in range(len(values)):
        yield [(name, values[(turn + i) % len(values)]) for i, name in enumerate(names)]


def encoded(pairs) -> bytes:
    """A form body as a browser would send it, a lone surrogate as its (invalid) UTF-8."""
    return "&".join(
        quote(name) + "=" + quote(value.encode("utf-8", "surrogatepass"), safe="")
        for name, value in pairs
    ).encode()


@pytest.fixture
def lived_in(app, client):
    """The demo community, with its admin (who sees every page) signed in."""
    community = build()
    reader = community.reader
    AuthActions(client).login(reader.email, community.password)
    return community


def first_id(model, *where) -> int:
    return db.session.scalar(select(func.min(model.id)).where(*where)) or 1


def valid_arguments(reader) -> dict:
    """An existing thing for each kind of URL argument, so a route gets past its lookup."""
    other = db.session.scalar(select(User.id).where(User.id != reader.id).order_by(User.id))
    direct = db.session.scalar(select(Conversation.id).where(Conversation.room_id.is_(None)))
    photo = db.session.scalar(select(func.min(Attachment.id)))
    assert photo is not None  # the community's photo: attachment routes get past their lookup
    return {
        "lang_code": "en",
        "topic_id": first_id(Topic),
        "post_id": first_id(Post),
        "user_id": other,
        "person_id": other,
        "conversation_id": direct,
        "message_id": first_id(ChatMessage, ChatMessage.sender_id == reader.id),
        "item_id": first_id(LibraryItem),
        "news_id": first_id(NewsItem),
        "notification_id": first_id(Notification),
        "report_id": first_id(PostReport),
        "session_id": first_id(AgendaSession),
        "target_id": first_id(Post),
        "module_slug": db.session.scalar(select(Module.slug).order_by(Module.id)),
        "kind": "topic",
        "token": "not-a-token",
        "key": "social-dialogue",  # a scope key of the invitation pages
        "file_format": "csv",
        "action": "pin",
        "filename": "css/site.css",
        "key_question_id": first_id(KeyQuestion),
        "survey_question_id": first_id(SurveyQuestion),
        "device_id": 1,  # a push device's id: as for dead_id, none exists
        "dead_id": 1,  # a dead job's id: none exists, so the route's lookup is what is tried
        "attachment_id": photo,
        "variant": "preview",
        "invitation_id": 1,  # none exists: the route's lookup is what is tried
        "link_id": 1,
        "identity_id": 1,
        "rule_id": 1,
        "name": "no-such-provider",  # an OpenID Connect provider's name
    }


def path_of(rule, values: dict) -> str:
    """The rule's path with `values` put in as they are (they may be pre-encoded)."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(values[m.group(1)]), rule.rule)


def arguments_for(rule, known: dict) -> dict:
    values = dict(known)
    values["slug"] = "sstc-2016" if "/academy/" in rule.rule else "child-labour-modern-slavery"
    if rule.endpoint.startswith("academy.") and "question_id" in rule.arguments:
        survey = "questionnaire" in rule.rule
        values["question_id"] = known["survey_question_id" if survey else "key_question_id"]
    if rule.endpoint == "library.add":
        values["kind"] = "document"
    if rule.endpoint == "forums.react":
        values["kind"] = "like"
    if rule.endpoint == "languages.translate":
        values["kind"] = "post"
    if rule.endpoint == "attachments.moderate":
        values["action"] = "hide"
    return values


# Each walk is split into shares, tests of their own, so parallel workers take them apart.
SHARES = 3


def routes(app, method: str, share: int = 0, shares: int = 1):
    """The routes answering `method`, in a fixed order; with `shares`, every shares-th one."""
    skip = {"auth.logout", "accounts.delete"}  # would end the session the walk relies on
    found = [
        rule
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
        if method in rule.methods and rule.endpoint not in skip
    ]
    return found[share::shares]


class Failures(list):
    """What answered with a 5xx, or raised (what a server would log and answer 500 for)."""

    def check(self, response_or_error, what: str) -> None:
        if isinstance(response_or_error, Exception):
            self.append(f"{what}: {response_or_error!r}"[:300])
        elif response_or_error.status_code >= 500:
            self.append(f"{what}: {response_or_error.status_code}"[:300])

    def request(self, client, method: str, url: str, **kwargs) -> None:
        try:
            response = client.open(url, method=method, **kwargs)
        except Exception as error:  # the test client raises what a server would log as 500
            db.session.rollback()
            self.check(error, f"{method} {url[:120]}")
        else:
            self.check(response, f"{method} {url[:120]}")
            response.close()  # a served file (an attachment's) stays open until then


@pytest.mark.parametrize("share", range(SHARES))
def test_hostile_url_arguments_never_fail(app, client, lived_in, share):
    """Every GET route, each argument in turn replaced by each hostile value."""
    known = valid_arguments(lived_in.reader)
    failures = Failures()
    for rule in routes(app, "GET", share, SHARES):
        good = arguments_for(rule, known)
        for name in rule.arguments - {"lang_code"}:
            for value in URL_VALUES:
                failures.request(client, "GET", path_of(rule, {**good, name: value}))
    assert failures == []


@pytest.mark.parametrize("share", range(SHARES))
def test_hostile_query_strings_never_fail(app, client, lived_in, share):
    """Every GET route with its real arguments and every query name the site reads, each
    name taking each hostile value in turn (so one bad value cannot hide another)."""
    known = valid_arguments(lived_in.reader)
    names = form_field_names()
    failures = Failures()
    for rule in routes(app, "GET", share, SHARES):
        if rule.endpoint == "static":
            continue
        path = path_of(rule, arguments_for(rule, known))
        for pairs in in_turn(names, QUERY_VALUES):
            failures.request(client, "GET", path + "?" + encoded(pairs).decode())
    assert failures == []


@pytest.mark.parametrize("share", range(SHARES))
def test_hostile_forms_never_fail(app, client, lived_in, share):
    """Every POST route, signed in as an admin (who may use them all), with every form
    field the site knows filled with each hostile value in turn; the pages still open."""
    known = valid_arguments(lived_in.reader)
    names = form_field_names()
    token = re.search(
        r'name="csrf-token" content="([^"]+)"', client.get("/en/about").get_data(as_text=True)
    ).group(1)
    failures = Failures()
    for rule in routes(app, "POST", share, SHARES):
        path = path_of(rule, arguments_for(rule, known))
        for pairs in in_turn(names, FORM_VALUES):
            body = encoded([("csrf_token", token), *pairs])
            failures.request(
                client, "POST", path, data=body, content_type="application/x-www-form-urlencoded"
            )
    for page in lived_in.pages:  # nothing stored above breaks a page
        failures.request(client, "GET", page.format(lang="en"))
    assert failures == []
    assert _stored_text_is_clean()


def _stored_text_is_clean() -> bool:
    texts = [
        *db.session.scalars(select(ChatMessage.body_source)),
        *db.session.scalars(select(Post.body_source)),
        *db.session.scalars(select(Topic.title)),
        *db.session.scalars(select(User.display_name)),
        *db.session.scalars(select(User.bio)),
    ]
    return not [t for t in texts if t and re.search(f"{CONTROL}|[\ud800-\udfff]", t)]


# Socket payloads go through JSON, as from a browser: any JSON value can arrive.
SOCKET_VALUES = [
    10**23,
    2**63,
    2**31,
    -1,
    0,
    True,
    1.5,
    None,
    "",
    "12",
    "sur\ud800rogate",
    "nul\x00and\x01control",
    "x" * 100_000,
    [1, 2],
    {"nested": {"deeper": [1]}},
]
# Each event and the fields it reads (the others are valid, so each bad value is reached).
SOCKET_EVENTS = {
    "open": ["conversation_id", "after_id"],
    "history": ["conversation_id", "before_id", "date"],
    "send": ["conversation_id", "body", "language", "client_id"],
    "edit": ["message_id", "body"],
    "delete": ["message_id"],
    "read": ["conversation_id", "up_to_id"],
    "typing": ["conversation_id"],
    "here": ["conversation_id"],
}
NOT_A_DICT = [None, 5, "text", [1, {"conversation_id": 1}], True, 10**23]


def test_hostile_socket_payloads_are_answered_and_store_nothing(app, lived_in):
    """Every chat event with each field replaced by each hostile value (and payloads that are
    not objects at all): each gets an answer with "ok", and nothing hostile is stored."""
    from meetingpoint.chat.services import room_channel
    from meetingpoint.rooms.models import Room

    app.config["CHAT_MESSAGES_PER_MINUTE"] = 10_000
    app.config["CHAT_EVENT_BURST"] = 1_000_000  # this test is about payloads, not pace
    reader = lived_in.reader
    http = app.test_client()
    AuthActions(http).login(reader.email, lived_in.password)
    sock = socketio.test_client(app, flask_test_client=http)
    room = db.session.scalar(select(Room).where(Room.slug == "child-labour-modern-slavery"))
    channel = room_channel(room)
    mine = db.session.scalar(select(ChatMessage).where(ChatMessage.sender_id == reader.id))
    valid = {
        "conversation_id": channel.id,
        "after_id": 0,
        "body": "A fine message",
        "language": "en",
        "message_id": mine.id,
        "before_id": mine.id + 1000,
        "up_to_id": mine.id,
    }
    before = db.session.scalar(select(func.count()).select_from(ChatMessage))
    bodies = {m.id: m.body_source for m in db.session.scalars(select(ChatMessage))}
    unanswered, sends, edited_to = [], 0, {mine.body_source}
    for event, fields in SOCKET_EVENTS.items():
        payloads = [*NOT_A_DICT, {}]
        for field in fields:
            for n, value in enumerate(SOCKET_VALUES):
                payloads.append({**valid, "client_id": f"fuzz-{field}-{n}", field: value})
        for payload in payloads:
            try:
                reply = sock.emit(event, payload, callback=True)
            except Exception as error:
                db.session.rollback()
                reply = error
            if not (isinstance(reply, dict) and "ok" in reply):
                unanswered.append(f"{event} {str(payload)[:100]}: {reply!r}"[:300])
            elif event == "send" and reply["ok"] and not reply["duplicate"]:
                sends += 1
            elif event == "edit" and reply["ok"]:
                edited_to.add(_cleaned(payload["body"]))
    sock.disconnect()
    assert unanswered == []
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(ChatMessage)) == before + sends
    assert _stored_text_is_clean()
    for message in db.session.scalars(select(ChatMessage).where(ChatMessage.id.in_(bodies))):
        assert message.body_source in (edited_to if message.id == mine.id else {bodies[message.id]})


def _cleaned(text: str) -> str:
    """What the server is to keep of `text`: no controls, U+FFFD for a lone surrogate."""
    return re.sub(CONTROL, "", text).replace("\ud800", "\ufffd").strip()
