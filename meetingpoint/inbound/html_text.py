"""An HTML reply as Markdown, without the quoted original or the signature the client added."""

import re
from html.parser import HTMLParser
from urllib.parse import quote

from .markdown_writer import MarkdownWriter

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
_DEEPEST = 100
_UNSEEN = {"head", "style", "script", "title", "template"}
# A new block closes an open paragraph, as browsers do with HTML's omitted end tags.
_CLOSES_PARAGRAPH = {"p", "div", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3",
                     "h4", "h5", "h6", "hr"}  # fmt: skip
# Quoted originals and signatures, dropped with what they contain.
_DROPPED_CLASSES = {"gmail_quote", "gmail_attr", "gmail_signature", "moz-cite-prefix",
                    "moz-signature", "yahoo_quoted"}  # fmt: skip
# Outlook's reply header: it and everything after it is the original.
_CUTTING_IDS = {"appendonsend", "divrplyfwdmsg", "stopspelling"}
_OUTLOOK_HEADER_BORDER = re.compile(r"border-top:\s*solid\s+#(?:E1E1E1|B5C4DF)", re.IGNORECASE)
_SAFE_LINK = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)


class _Element:
    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Element | str] = []


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the document: mail HTML leaves many elements unclosed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element("root", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        if self.open[-1] is self._start(tag, attrs):
            self.open.pop()  # <div/>: nothing goes in it

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> _Element:
        if tag in _CLOSES_PARAGRAPH:
            self._close_open("p", stop_at={"div", "td", "li", "blockquote"})
        if tag == "li":
            self._close_open("li", stop_at={"ul", "ol"})
        element = _Element(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        # Past a depth no real mail reaches, elements stay empty: the rendering recurses.
        if tag not in _VOID and len(self.open) < _DEEPEST:
            self.open.append(element)
        return element

    def handle_endtag(self, tag):
        if tag == "br":  # </br> is read as <br> by browsers
            self.handle_starttag("br", [])
            return
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)

    def _close_open(self, tag: str, stop_at: set[str]) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            current = self.open[depth].tag
            if current == tag:
                del self.open[depth:]
                return
            if current in stop_at:
                return


def html_to_markdown(html: str) -> str:
    """The text of an HTML mail in Markdown, without the quote of the message it answers."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    _drop_quotes(builder.root)
    writer = MarkdownWriter()
    _render(builder.root, writer)
    return writer.text()


def _classes(element: _Element) -> set[str]:
    return set(element.attrs.get("class", "").lower().split())


def _is_dropped(element: _Element) -> bool:
    if element.tag in _UNSEEN:
        return True
    if element.tag == "blockquote" and element.attrs.get("type", "").lower() == "cite":
        return True
    return bool(_classes(element) & _DROPPED_CLASSES)


def _cuts_the_rest(element: _Element) -> bool:
    if element.attrs.get("id", "").lower() in _CUTTING_IDS:
        return True
    if "outlookmessageheader" in _classes(element):
        return True
    return element.tag == "div" and bool(
        _OUTLOOK_HEADER_BORDER.search(element.attrs.get("style", ""))
    )


def _drop_quotes(element: _Element) -> bool:
    """Remove the quoted parts below `element`; True when one of them cut off the rest of
    the document."""
    kept: list[_Element | str] = []
    cut = False
    for child in element.children:
        if isinstance(child, _Element):
            if _cuts_the_rest(child):
                cut = True
                break
            if _is_dropped(child):
                continue
            if _drop_quotes(child):
                kept.append(child)
                cut = True
                break
        kept.append(child)
    element.children = kept
    return cut


def _link_target(href: str) -> str | None:
    href = href.strip()
    if not _SAFE_LINK.match(href):
        return None
    return quote(href, safe="/:?#[]@!$&'*+,;=%~")


def _render(element: _Element, writer: MarkdownWriter) -> None:
    for child in element.children:
        if isinstance(child, str):
            writer.text_run(child)
        else:
            _render_element(child, writer)


def _render_element(element: _Element, writer: MarkdownWriter) -> None:
    tag = element.tag
    if tag == "br":
        writer.line_break()
    elif tag == "img":
        writer.text_run(element.attrs.get("alt", ""))
    elif tag == "hr":
        writer.rule()
    elif tag == "a":
        writer.start_link()
        _render(element, writer)
        writer.end_link(_link_target(element.attrs.get("href", "")))
    elif tag in ("b", "strong", "i", "em", "code"):
        marker = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}[tag]
        writer.open_mark(marker)
        _render(element, writer)
        writer.close_mark(marker)
    elif tag == "pre":
        writer.start_preformatted()
        _render(element, writer)
        writer.end_preformatted()
    elif tag in ("ul", "ol"):
        _render_list(element, writer)
    elif re.fullmatch(r"h[1-6]", tag):
        writer.block(2)
        writer.open_mark("#" * int(tag[1]) + " ")
        _render(element, writer)
        writer.block(2)
    else:
        _render_block(element, writer)


def _render_block(element: _Element, writer: MarkdownWriter) -> None:
    """Blocks, table cells and every other element (inline ones add nothing of their own)."""
    tag = element.tag
    weight = {"p": 2, "blockquote": 2, "table": 2, "div": 1, "tr": 1, "dt": 1, "dd": 1,
              "address": 1, "center": 1, "section": 1, "article": 1, "header": 1,
              "footer": 1}.get(tag, 0)  # fmt: skip
    if "msonormal" in _classes(element):
        weight = 1  # Word's paragraphs have no margins: a blank line is a paragraph of &nbsp;
    if tag in ("td", "th"):
        writer.space()
    writer.block(weight)
    if tag == "blockquote":
        writer.push_prefix("> ", "> ")
    _render(element, writer)
    if tag == "blockquote":
        writer.pop_prefix()
    writer.block(weight)


def _render_list(element: _Element, writer: MarkdownWriter) -> None:
    writer.block(1 if writer.in_list else 2)
    start = element.attrs.get("start", "1")
    number = int(start) if start.isdigit() else 1
    for child in element.children:
        if not isinstance(child, _Element):
            continue  # whitespace between items
        if child.tag != "li":
            _render_element(child, writer)
            continue
        marker = "- " if element.tag == "ul" else f"{number}. "
        number += 1
        writer.block(1)
        writer.push_prefix(marker, " " * len(marker), list_item=True)
        _render(child, writer)
        writer.pop_prefix()
        writer.block(1)
    writer.block(1 if writer.in_list else 2)
