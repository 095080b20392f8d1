"""Markdown to safe HTML, once per write: the post profile and the chat profile."""

from collections.abc import Mapping
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from .mentions import Named, link_mentions
from .sanitiser import CHAT_HTML, POST_HTML, AllowList, sanitise


def _render_image(self, tokens, index, options, env):
    # Remote images are never loaded inline: on a metered link the reader decides.
    token = tokens[index]
    src = token.attrGet("src") or ""
    alt = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escapeHtml(src)}" class="image-link">{escapeHtml(alt)}</a>'


def _post_markdown() -> MarkdownIt:
    # Raw HTML in Markdown is shown as text; the sanitiser is the second wall, not the first.
    markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})
    markdown.enable("strikethrough")
    markdown.add_render_rule("image", _render_image)
    return markdown


def _chat_markdown() -> MarkdownIt:
    return MarkdownIt("zero", {"linkify": True, "html": False}).enable(
        ["emphasis", "backticks", "link", "autolink", "linkify", "escape", "newline"]
    )


@dataclass(frozen=True)
class Profile:
    """One way of turning what someone wrote into the HTML that is stored and shown.

    `mentions_before_sanitising`: a post's mention links pass through the sanitiser (which
    gives them LINK_REL); chat links them after it, into HTML already clean, so a chat
    allow-list needs no class attribute. Either way a mention link is made here, from an
    escaped name, never from what was written."""

    name: str
    markdown: MarkdownIt
    allowed: AllowList
    strip: bool
    mentions_before_sanitising: bool

    def render(self, source: str | None, mentions: Mapping[str, Named] | None = None) -> str:
        html = self.markdown.render(source or "")
        if self.strip:
            html = html.strip()
        if mentions and self.mentions_before_sanitising:
            html = link_mentions(html, mentions)
        html = sanitise(html, self.allowed)
        if mentions and not self.mentions_before_sanitising:
            html = link_mentions(html, mentions)
        return html


# Posts and news: CommonMark with strikethrough; images become links; headings, lists,
# quotes and code blocks.
POST = Profile("post", _post_markdown(), POST_HTML, strip=False, mentions_before_sanitising=True)
# Chat messages: one line of talk, with links found in plain text (linkify), no blocks.
CHAT = Profile("chat", _chat_markdown(), CHAT_HTML, strip=True, mentions_before_sanitising=False)


def render_post(source: str | None, mentions: Mapping[str, Named] | None = None) -> str:
    """Safe HTML for a post or news text written in Markdown, @mentions linked when given."""
    return POST.render(source, mentions)


def render_chat(source: str | None, mentions: Mapping[str, Named] | None = None) -> str:
    """Safe HTML for a chat message, @mentions linked when given."""
    return CHAT.render(source, mentions)
