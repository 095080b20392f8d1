"""Markdown to safe HTML, once per write: CommonMark, then an allow-list sanitiser."""

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from .mentions import link_mentions

# Raw HTML in Markdown is shown as text; the sanitiser is the second wall, not the first.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})
_markdown.enable("strikethrough")


def _render_image(self, tokens, index, options, env):
    # Remote images are never loaded inline: on a metered link the reader decides.
    token = tokens[index]
    src = token.attrGet("src") or ""
    alt = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escapeHtml(src)}" class="image-link">{escapeHtml(alt)}</a>'


_markdown.add_render_rule("image", _render_image)

ALLOWED_TAGS = {
    "a",
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(source: str, mentions: dict | None = None) -> str:
    """Safe HTML for a post body written in Markdown, with @mentions linked when given."""
    html = _markdown.render(source or "")
    if mentions:
        html = link_mentions(html, mentions)
    return sanitise(html)


def sanitise(html: str) -> str:
    """Only the tags and attributes a post may hold (also for HTML made elsewhere, such as a
    machine translation of a post)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        allowed_classes={"a": {"image-link", "mention"}},
    )
