"""The allow-lists: which tags, attributes, classes and link schemes stored HTML may hold."""

from dataclasses import dataclass, field

import nh3

URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Links people wrote are theirs, not ours: search engines and the linked page are told so.
LINK_REL = "nofollow ugc noopener"


@dataclass(frozen=True)
class AllowList:
    tags: frozenset[str]
    attributes: dict[str, set[str]]
    classes: dict[str, set[str]] = field(default_factory=dict)


# Posts, news, and any HTML made elsewhere from them (a machine translation of a post).
POST_HTML = AllowList(
    tags=frozenset(
        {"a", "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote"}
        | {"ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
    ),
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    classes={"a": {"image-link", "mention"}},
)
# Chat: plain text with links, bold, italics and code, nothing more.
CHAT_HTML = AllowList(
    tags=frozenset({"p", "br", "a", "em", "strong", "code"}),
    attributes={"a": {"href"}},
)


def sanitise(html: str, allowed: AllowList = POST_HTML) -> str:
    """Only what `allowed` lets through (a post's allow-list unless told otherwise); links
    get LINK_REL."""
    return nh3.clean(
        html,
        tags=set(allowed.tags),
        attributes=allowed.attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        allowed_classes=allowed.classes or None,
    )
