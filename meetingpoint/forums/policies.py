"""Rules other features set on some topics: who may read and answer them, and whether the
replies wait until the reader has answered. The forums ask here, never import them."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import g, has_request_context


@dataclass(frozen=True)
class TopicRule:
    readable: bool = True
    may_reply: bool = True
    # Only the opening post (and the reader's own replies) show until the reader answers.
    replies_hidden: bool = False
    # Translated: why the topic cannot be read or answered, or why its replies wait.
    reason: str = ""


OPEN = TopicRule()
_rules: list[Callable] = []
_unlisted: list[Callable] = []


def topic_rule(fn: Callable) -> Callable:
    """Register `fn(topic, viewer) -> TopicRule | None` (None: no say on this topic)."""
    _rules.append(fn)
    return fn


def unlisted_topics(fn: Callable) -> Callable:
    """Register `fn(viewer) -> set of topic ids` whose replies stay out of search results."""
    _unlisted.append(fn)
    return fn


def rule_for(topic, viewer) -> TopicRule:
    """The rule for `viewer` on `topic`, worked out once per request: the access check and
    the view both ask, and a rule may cost a query."""
    key = (topic.id, viewer.id if viewer.is_authenticated else None)
    known = g.setdefault("topic_rules", {}) if has_request_context() else {}
    if key not in known:
        known[key] = next(
            (decided for rule in _rules if (decided := rule(topic, viewer)) is not None), OPEN
        )
    return known[key]


def topics_unlisted_for(viewer) -> set[int]:
    found: set[int] = set()
    for unlisted in _unlisted:
        found |= unlisted(viewer)
    return found
