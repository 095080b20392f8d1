"""Markdown written line by line as a browser would lay the HTML out: html_text's output."""

import re

_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")  # not U+00A0: a browser keeps &nbsp;


class _Prefix:
    """What starts each line of a quote ("> ") or a list item ("- " first, then "  ")."""

    def __init__(self, first: str, rest: str, list_item: bool):
        self.first = first
        self.rest = rest
        self.list_item = list_item
        self.used = False


class _Capture:
    """The text of a link, gathered to be written as [text](href) when the link ends."""

    def __init__(self, outer_marks: list[str], outer_space: bool):
        self.pieces: list[str] = []
        self.outer_marks = outer_marks
        self.outer_space = outer_space


class MarkdownWriter:
    """Collects text runs and block boundaries; `text()` gives the Markdown."""

    def __init__(self):
        self._lines: list[str] = []
        self._line: list[str] | None = None  # the prefix, then the line's content
        self._pending_break = 0  # 1: a new line before more text, 2: a blank line too
        self._pending_space = False
        self._pending_marks: list[str] = []  # opening ** or * waiting for their first text
        self._prefixes: list[_Prefix] = []
        self._captures: list[_Capture] = []
        self._pre_depth = 0
        self._pre_fresh = False

    @property
    def in_list(self) -> bool:
        return any(prefix.list_item for prefix in self._prefixes)

    def text(self) -> str:
        self._finish_line()
        lines = [line.replace("\xa0", " ").rstrip() for line in self._lines]
        text = "\n".join(lines).strip("\n")
        return re.sub(r"\n{3,}", "\n\n", text)

    # Inline content

    def text_run(self, data: str) -> None:
        if self._pre_depth:
            self._preformatted_run(data)
            return
        collapsed = _COLLAPSIBLE.sub(" ", data)
        content = collapsed.strip(" ")
        if collapsed.startswith(" "):
            self.space()
        if content:
            self._write(content)
            if collapsed.endswith(" "):
                self.space()

    def space(self) -> None:
        self._pending_space = True

    def open_mark(self, marker: str) -> None:
        if not self._pre_depth:
            self._pending_marks.append(marker)

    def close_mark(self, marker: str) -> None:
        if self._pre_depth:
            return
        if marker in self._pending_marks:  # nothing was written inside: no empty **
            self._pending_marks.reverse()
            self._pending_marks.remove(marker)
            self._pending_marks.reverse()
            return
        if self._captures:
            self._captures[-1].pieces.append(marker)
        elif self._has_content():
            self._line.append(marker)
        elif self._lines:
            self._lines[-1] += marker

    def start_link(self) -> None:
        self._captures.append(_Capture(self._pending_marks, self._pending_space))
        self._pending_marks, self._pending_space = [], False

    def end_link(self, href: str | None) -> None:
        capture = self._captures.pop()
        trailing_space = self._pending_space
        self._pending_marks, self._pending_space = capture.outer_marks, capture.outer_space
        label = "".join(capture.pieces).strip()
        if not label:
            return
        if href is None:
            self._write(label)
        elif label == href or label.replace(" ", "%20") == href:
            self._write(href)
        else:
            self._write(f"[{label}]({href})")
        self._pending_space = trailing_space

    # Blocks

    def block(self, weight: int) -> None:
        """A block starts or ends: a line break (1) or a blank line (2) before more text."""
        if not weight:
            return
        if self._captures:
            self.space()
            return
        self._finish_line()
        self._pending_break = max(self._pending_break, weight)

    def line_break(self) -> None:
        if self._captures:
            self.space()
        elif self._has_content():
            self._finish_line()
        else:  # a <br> on its own, as in Gmail's <div><br></div>, is an empty line
            self._start_line()
            self._line = None
            self._lines.append(self._blank_line())

    def rule(self) -> None:
        self.block(2)
        self._write("---")
        self.block(2)

    def push_prefix(self, first: str, rest: str, list_item: bool = False) -> None:
        self._finish_line()
        if self._pending_break == 2 and self._last_line_has_text():
            self._lines.append(self._blank_line())  # outside the quote or the list item
            self._pending_break = 1
        self._prefixes.append(_Prefix(first, rest, list_item))

    def pop_prefix(self) -> None:
        self._finish_line()
        self._prefixes.pop()

    def start_preformatted(self) -> None:
        self.block(2)
        self._write("```")
        self._finish_line()
        self._pre_depth += 1
        self._pre_fresh = True

    def end_preformatted(self) -> None:
        self._pre_depth -= 1
        self._finish_line()
        self._write("```")
        self.block(2)

    # Lines

    def _preformatted_run(self, data: str) -> None:
        if self._pre_fresh and data.startswith("\n"):
            data = data[1:]  # browsers ignore the newline right after <pre>
        self._pre_fresh = False
        for number, segment in enumerate(data.replace("\r\n", "\n").split("\n")):
            if number:
                self.line_break()
            if segment:
                if self._line is None:
                    self._start_line()
                self._line.append(segment)

    def _write(self, content: str) -> None:
        if self._captures:
            pieces = self._captures[-1].pieces
            if self._pending_space and pieces:
                pieces.append(" ")
            pieces.extend(self._pending_marks)
            pieces.append(content)
        else:
            if self._line is None or self._pending_break:
                self._finish_line()
                self._start_line()
            elif self._pending_space and self._has_content():
                self._line.append(" ")
            self._line.extend(self._pending_marks)
            self._line.append(content)
        self._pending_marks = []
        self._pending_space = False

    def _has_content(self) -> bool:
        return self._line is not None and len(self._line) > 1

    def _last_line_has_text(self) -> bool:
        return bool(self._lines) and bool(self._lines[-1].strip("> "))

    def _start_line(self) -> None:
        if self._pending_break == 2 and self._last_line_has_text():
            self._lines.append(self._blank_line())
        self._pending_break = 0
        self._pending_space = False
        parts = []
        for prefix in self._prefixes:
            parts.append(prefix.rest if prefix.used else prefix.first)
            prefix.used = True
        self._line = ["".join(parts)]

    def _finish_line(self) -> None:
        if self._has_content():
            self._lines.append("".join(self._line))
        self._line = None

    def _blank_line(self) -> str:
        return "".join(prefix.rest for prefix in self._prefixes).rstrip()
