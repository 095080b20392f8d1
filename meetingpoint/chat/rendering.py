"""Chat text to safe HTML: plain text with links, bold, italics and code, nothing more."""

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("zero", {"linkify": True, "html": False}).enable(
    ["emphasis", "backticks", "link", "autolink", "linkify", "escape", "newline"]
)


def render_chat(source: str) -> str:
    html = _markdown.render(source or "").strip()
    return nh3.clean(
        html,
        tags={"p", "br", "a", "em", "strong", "code"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )
