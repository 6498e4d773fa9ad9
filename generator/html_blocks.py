"""Generated pages through Markdown without their HTML: headings go through Python-Markdown,
the finished HTML blocks around them do not.

Why: a generated page is a handful of Markdown headings (they give the page its title, the
anchors with their "¶" links and the table of contents) between large blocks of finished
HTML. Python-Markdown parses every raw HTML block with Python's HTMLParser only to pass it
through unchanged, and that was 42 % of a 150-route build — more than Material, more than
the plugin itself (BENCHMARKS.md, issue 14). So the plugin hands Markdown a skeleton: the
headings and other Markdown lines as they are, each top-level HTML block replaced by a
placeholder paragraph; after Markdown, the placeholders are replaced by the blocks again.
The page comes out as Markdown would have made it, up to the blank lines between blocks.

A top-level block is recognised by a cheap scan of tags, which is exact here because every
'<' in a generated page is a tag of a template: route text is escaped ('&lt;') before it
gets into a page. A page the scan cannot read (unbalanced tags, an indented block that
Markdown would call code) is given to Markdown whole, as before — never changed. Only
generated pages take this path; hand-written pages are plain Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown

from .html_scan import tags

BLOCK_TAGS = frozenset(markdown.Markdown().block_level_elements)
"""Python-Markdown's own block-level elements: a line that starts with one of these starts a
raw HTML block there too. An inline tag at the start of a
line (`<a>`, `<span>`, `<svg>`) starts a paragraph instead, so such lines stay Markdown."""

_START = re.compile(r"<(!--|[a-zA-Z][a-zA-Z0-9-]*)")

PLACEHOLDER = "RWHTMLBLOCK{}X"
_FILLED = re.compile(r"<p>RWHTMLBLOCK(\d+)X</p>")


@dataclass(frozen=True)
class Skeleton:
    """A generated page's Markdown without its HTML blocks, and the blocks in order."""

    markdown: str
    blocks: tuple[str, ...]


def _block_end(text: str, start: int) -> int | None:
    """Where the HTML block starting at `start` ends (just after its last closing tag's line),
    or None when its tags do not nest properly or text follows its end on that line."""
    open_tags: list[str] = []
    for tag in tags(text, start):
        if tag.closing:
            if not open_tags or open_tags.pop() != tag.name:
                return None
        elif not tag.empty:
            open_tags.append(tag.name)
        if not open_tags:
            line_end = text.find("\n", tag.end)
            line_end = len(text) if line_end < 0 else line_end + 1
            return None if text[tag.end:line_end].strip() else line_end
    return None


def skeleton(markdown: str) -> Skeleton | None:
    """The page's Markdown with each top-level HTML block replaced by a placeholder paragraph,
    or None when the page is not one this module can read safely (it then goes whole)."""
    parts: list[str] = []
    blocks: list[str] = []
    position, previous_blank = 0, True
    while position < len(markdown):
        line_end = markdown.find("\n", position)
        line_end = len(markdown) if line_end < 0 else line_end + 1
        line = markdown[position:line_end]
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        start = _START.match(stripped)
        is_block = start is not None and (start.group(1) == "!--" or start.group(1).lower() in BLOCK_TAGS)
        if is_block and indent >= 4 and previous_blank:
            return None  # Markdown would make this a code block
        if not is_block:
            if "<" in line and indent < 4:
                return None  # inline HTML at the top level: Markdown's to judge, whole
            parts.append(line)
            previous_blank = not line.strip()
            position = line_end
            continue
        end = _block_end(markdown, position + indent)
        if end is None:
            return None
        parts.append("\n" + PLACEHOLDER.format(len(blocks)) + "\n\n")
        blocks.append(markdown[position:end])
        position, previous_blank = end, True
    return Skeleton("".join(parts), tuple(blocks))


def fill(html: str, blocks: tuple[str, ...]) -> str:
    """Markdown's HTML of a skeleton with its placeholders replaced by the blocks again."""
    found: list[int] = []

    def block(match: re.Match[str]) -> str:
        found.append(int(match.group(1)))
        return blocks[int(match.group(1))].rstrip("\n")

    filled = _FILLED.sub(block, html)
    if found != list(range(len(blocks))):
        raise ValueError(f"{len(blocks)} HTML-blokken verwacht, {len(found)} teruggevonden: een Markdown-extensie "
                         "heeft de plaatshouders veranderd")
    return filled
