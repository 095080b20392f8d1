"""The coupling figures of a period: who reached whom, across which borders, how much of the
active community takes part in it, and who and where connects the most."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select, union

from ..chat.models import ChatMessage, Conversation
from ..extensions import db
from ..forums.models import Post, Topic
from ..geography import REGION_OF
from .models import Interaction
from .periods import Period
from .south import GLOBAL_SOUTH


@dataclass
class Coupling:
    interactions: int = 0
    pairs: int = 0  # distinct pairs of people who interacted, either way round
    cross_border_pairs: int = 0
    south_south_pairs: int = 0  # across a border, both countries in the Global South
    active: int = 0  # people who wrote in the period
    coupled: int = 0  # of them, those with at least one interaction across a border
    regions: Counter = field(default_factory=Counter)  # (actor's, partner's region) → count
    # For staff only: (person id, people reached, of them across a border), most first.
    people: list[tuple[int, int, int]] = field(default_factory=list)
    rooms: list[tuple[int, int, int]] = field(
        default_factory=list
    )  # (room id, interactions, pairs)

    @property
    def index(self) -> float | None:
        """The coupling index: the share of active participants reaching across a border."""
        return self.coupled / self.active if self.active else None


TOP = 10  # most-connected people and rooms listed


def coupling_in(period: Period, room_ids: list[int] | None = None) -> Coupling:
    """The figures for `period`, site-wide or in the given rooms."""
    query = select(
        Interaction.actor_id, Interaction.partner_id,
        Interaction.actor_country, Interaction.partner_country, Interaction.room_id,
    )  # fmt: skip
    query = query.where(
        Interaction.occurred_at >= period.starts, Interaction.occurred_at < period.ends
    )
    if room_ids is not None:
        query = query.where(Interaction.room_id.in_(room_ids))
    figures = Coupling()
    pairs: dict[tuple[int, int], bool] = {}  # (lower id, higher id) → crosses a border
    south: set[tuple[int, int]] = set()
    room_interactions: Counter = Counter()
    room_pairs: dict[int, set] = defaultdict(set)
    regions: Counter = Counter()
    # The loop runs once per interaction (a million on a large site): kept lean on purpose.
    for actor, partner, actor_country, partner_country, room in _rows(query):
        regions[actor_country, partner_country] += 1
        room_interactions[room] += 1
        if actor is None or partner is None:
            continue  # a former participant: counted above, no longer as a person
        pair = (actor, partner) if actor < partner else (partner, actor)
        across = actor_country != partner_country and actor_country and partner_country
        if across:
            pairs[pair] = True
            if actor_country in GLOBAL_SOUTH and partner_country in GLOBAL_SOUTH:
                south.add(pair)
        elif pair not in pairs:
            pairs[pair] = False
        room_pairs[room].add(pair)
    figures.interactions = sum(regions.values())
    for (actor_country, partner_country), count in regions.items():
        key = (REGION_OF.get(actor_country or ""), REGION_OF.get(partner_country or ""))
        if all(key):
            figures.regions[key] += count
    room_interactions.pop(None, None)
    crossing = {person for pair, crosses in pairs.items() if crosses for person in pair}
    active = active_participants(period, room_ids)
    figures.pairs = len(pairs)
    figures.cross_border_pairs = sum(pairs.values())
    figures.south_south_pairs = len(south)
    figures.active = len(active)
    figures.coupled = len(crossing & active)
    figures.people = _most_connected(pairs)
    figures.rooms = sorted(
        ((room, count, len(room_pairs[room])) for room, count in room_interactions.items()),
        key=lambda row: (-row[2], -row[1], row[0]),
    )[:TOP]
    return figures


def _rows(query):
    """The rows as plain tuples, without the ORM's per-row objects (a third of the time)."""
    return db.session.connection().execute(query)


def _most_connected(pairs: dict[frozenset, bool]) -> list[tuple[int, int, int]]:
    reached: Counter = Counter()
    across: Counter = Counter()
    for pair, crosses in pairs.items():
        for person in pair:
            reached[person] += 1
            across[person] += crosses
    ranked = sorted(reached, key=lambda person: (-reached[person], -across[person], person))
    return [(person, reached[person], across[person]) for person in ranked[:TOP]]


def active_participants(period: Period, room_ids: list[int] | None = None) -> set[int]:
    """Everyone who posted in the forums or wrote in a chat during `period` (in the rooms
    given, or anywhere)."""
    posts = (
        select(Post.author_id.label("person"))
        .join(Topic, Topic.id == Post.topic_id)
        .where(Post.created_at >= period.starts, Post.created_at < period.ends)
    )
    chat = (
        select(ChatMessage.sender_id.label("person"))
        .join(Conversation, Conversation.id == ChatMessage.conversation_id)
        .where(ChatMessage.created_at >= period.starts, ChatMessage.created_at < period.ends)
    )
    if room_ids is not None:
        posts = posts.where(Topic.room_id.in_(room_ids))
        chat = chat.where(Conversation.room_id.in_(room_ids))
    return {person for (person,) in db.session.execute(union(posts, chat)) if person}
