"""A fast scan of the tags in HTML that Python-Markdown or our templates wrote.

Two passes over every page need to know where tags are: finding a generated page's
top-level HTML blocks (generator/html_blocks.py) and finding text for abbreviation
tooltips (generator/abbreviations.py). Python's HTMLParser did both, and it was the
slowest part of a build after Material's own search indexing (BENCHMARKS.md, issue 14);
one regular expression over the page does the same work several times faster.

What it handles: comments, doctypes and processing instructions (skipped), quoted
attribute values that hold '>' or '<', self-closing tags, and the raw-text elements
(script, style, textarea, title) whose content is never tags. What it does not: error
recovery for broken HTML — a '<' that starts no tag is text, as in a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

ATTRIBUTE_NAME = r"""[^\s"'=<>/`]+"""
ATTRIBUTE_VALUE = r""""[^"]*"|'[^']*'|[^\s"'=<>`]+"""
ATTRIBUTES = rf"""(?:\s+{ATTRIBUTE_NAME}(?:\s*=\s*(?:{ATTRIBUTE_VALUE}))?)*"""
"""A tag's attributes, as a pattern (generator/search_parse.py reads tags with it too)."""
OTHER_MARKUP = r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
"""Comments, doctypes and processing instructions: markup that is no element."""
ELEMENT_TAG = r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(" + ATTRIBUTES + r")\s*(/?)>"
"""A start or end tag: groups '/', name, attributes, '/' of a self-closing tag."""
_TAG = re.compile(OTHER_MARKUP + "|" + ELEMENT_TAG, re.DOTALL)

RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
"""Elements whose content is text to the parser, never tags ('<' in a script is no tag)."""

_RAW_TEXT_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in RAW_TEXT}

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
"""Elements without content or closing tag."""


class Tag(NamedTuple):
    """One tag: where it is, its lower-case name, and what kind of tag it is."""

    start: int
    end: int
    name: str
    """'' for a comment, doctype or processing instruction."""
    closing: bool = False
    empty: bool = False
    """A void element or a self-closing tag: it opens nothing."""


def tags(html: str, start: int = 0) -> Iterator[Tag]:
    """The tags of `html` from `start`, in order; a raw-text element's content is skipped."""
    position = start
    while True:
        match = _TAG.search(html, position)
        if match is None:
            return
        name = (match.group(2) or "").lower()
        closing = bool(match.group(1))
        empty = not name or (not closing and (bool(match.group(4)) or name in VOID))
        yield Tag(match.start(), match.end(), name, closing, empty)
        position = match.end()
        if name in RAW_TEXT and not closing and not empty:
            close = _RAW_TEXT_END[name].search(html, position)
            if close is None:
                return
            yield Tag(close.start(), close.end(), name, closing=True)
            position = close.end()
