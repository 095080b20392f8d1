"""The coupling figures of a period: who reached whom, across which borders, and how much of
the active community takes part in it. (Counted from the interactions themselves for now;
daily totals will carry the large sites.)"""

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select, union

from ..chat.models import ChatMessage, Conversation
from ..extensions import db
from ..forums.models import Post, Topic
from ..geography import REGION_OF
from .models import Interaction
from .periods import Period
from .south import is_south


@dataclass
class Coupling:
    interactions: int = 0
    pairs: int = 0  # distinct pairs of people who interacted, either way round
    cross_border_pairs: int = 0
    south_south_pairs: int = 0  # across a border, both countries in the Global South
    active: int = 0  # people who wrote in the period
    coupled: int = 0  # of them, those with at least one interaction across a border
    regions: Counter = field(default_factory=Counter)  # (actor's, partner's region) → count

    @property
    def index(self) -> float | None:
        """The coupling index: the share of active participants reaching across a border."""
        return self.coupled / self.active if self.active else None


def coupling_in(period: Period, room_ids: list[int] | None = None) -> Coupling:
    """The figures for `period`, site-wide or in the given rooms."""
    query = select(
        Interaction.actor_id, Interaction.partner_id,
        Interaction.actor_country, Interaction.partner_country,
    )  # fmt: skip
    query = query.where(
        Interaction.occurred_at >= period.starts, Interaction.occurred_at < period.ends
    )
    if room_ids is not None:
        query = query.where(Interaction.room_id.in_(room_ids))
    figures = Coupling()
    pairs: dict[frozenset, bool] = {}  # pair → crosses a border
    south: set[frozenset] = set()
    crossing: set[int] = set()
    for actor, partner, actor_country, partner_country in db.session.execute(query):
        figures.interactions += 1
        across = bool(actor_country and partner_country and actor_country != partner_country)
        regions = (REGION_OF.get(actor_country or ""), REGION_OF.get(partner_country or ""))
        if all(regions):
            figures.regions[regions] += 1
        if actor is None or partner is None:
            continue  # a former participant: counted above, no longer as a person
        pair = frozenset((actor, partner))
        pairs[pair] = pairs.get(pair, False) or across
        if across and is_south(actor_country) and is_south(partner_country):
            south.add(pair)
        if across:
            crossing.update(pair)
    active = active_participants(period, room_ids)
    figures.pairs = len(pairs)
    figures.cross_border_pairs = sum(pairs.values())
    figures.south_south_pairs = len(south)
    figures.active = len(active)
    figures.coupled = len(crossing & active)
    return figures


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
