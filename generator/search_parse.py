"""Material's search sections of a page, made in one pass instead of through HTMLParser.

Material's search plugin divides every page into sections (a heading, its text) with a
`html.parser.HTMLParser` subclass whose callbacks search the list of open elements on every
piece of text. At 150 routes that was one of the largest costs of a part build (BENCHMARKS.md,
issue 14). `Sections` applies the same rules — transcribed from Material's `Parser`, whose
code is frozen with Material's end of maintenance — with counts instead of searches, fed by
one regular expression over the page the way HTMLParser feeds its callbacks.

The scan is exact for the HTML that Python-Markdown and our templates write. Anything it
might read differently from HTMLParser — a '<' that starts no tag, a comment with '--'
inside, a CDATA section — sends the page to Material's own parser instead, so the index is
the same either way: tests/test_search_parse.py compares both on every page of the built
site and on generated HTML, and the built sites are byte-identical with and without it.
"""

from __future__ import annotations

import re
import sys
from functools import partial
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any

from .html_scan import ATTRIBUTE_NAME, ATTRIBUTE_VALUE, ELEMENT_TAG, OTHER_MARKUP, VOID

MATERIAL_SEARCH = "material.plugins.search.plugin"

_TOKEN = re.compile(
    r"([^<]+)"                   # 1 text
    "|" + ELEMENT_TAG +          # 2 closing, 3 name, 4 attributes, 5 '/'
    "|(" + OTHER_MARKUP + ")"    # 6 comment, doctype, processing instruction
    r"|(<)",                     # 7 a '<' that starts nothing we know
    re.DOTALL,
)
_ATTRIBUTE = re.compile(rf"({ATTRIBUTE_NAME})(?:\s*=\s*({ATTRIBUTE_VALUE}))?")
_RAW_END = {name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
"""HTMLParser's raw-text elements (CDATA_CONTENT_ELEMENTS) and where their content ends."""


_SAME_RULES = HTMLParser.CDATA_CONTENT_ELEMENTS == ("script", "style") and not hasattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS")
"""This Python's HTMLParser reads only script and style as raw text, as `Sections.feed` does
(newer releases also read title and textarea so); otherwise every page goes to HTMLParser."""


def _attributes(text: str) -> dict[str, str | None]:
    """HTMLParser's attributes as Material's parser keeps them: names lower-cased, values
    unquoted and unescaped, the last of a repeated name winning."""
    found: dict[str, str | None] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2)
        if value is not None:
            if value[:1] in "\"'" and value[:1] == value[-1:] and len(value) > 1:
                value = value[1:-1]
            value = unescape(value) if value else value
        found[match.group(1).lower()] = value
    return found


def _comment_read_alike(source: str) -> bool:
    """Whether HTMLParser ends this comment, doctype or processing instruction where the scan does.

    HTMLParser closes a comment at '--', optional spaces and '>', and a '<![' section at ']]>'
    or ']>': a comment with '--' inside, or any '<![' section, may end elsewhere.
    """
    if source.startswith("<!--"):
        return len(source) >= 7 and source.endswith("-->") and "--" not in source[4:-3]
    return not source.startswith("<![")


_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_ALWAYS_SKIPPED = frozenset({"object", "script", "style"})
_KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})


class Sections:
    """Material's `Parser` (material/plugins/search/plugin.py, 9.x) made linear: the same rules
    and the same result, with counts of the open elements per tag instead of searching the
    list of open elements on every callback.

    Material compares its elements by tag name only, so "an open element is skipped", "the
    section's heading is open" and "inside <pre>" are questions about tag names, answered
    from `open_tags`. The skip set holds tag names for the same reason: an excluded <div>
    makes every open <div> count as skipped until the first </div> removes it, exactly as
    in Material. Sections and elements are Material's own classes, so its index code
    (`create_entry_for_section`, `is_excluded`) reads them unchanged.
    """

    def __init__(self, element: type, section: type) -> None:
        self.element, self.section_class = element, section
        self.context: list[Any] = []
        self.open_tags: dict[str, int] = {}
        self.permalinks = 0
        """Open <a class="headerlink">: text inside one is not part of a heading."""
        self.skip: set[str] = set(_ALWAYS_SKIPPED)
        self.skipping = 0
        """How many open elements have a tag in `skip` (Material: skip ∩ context)."""
        self.section: Any = None
        self.data: list[Any] = []

    def _in_title(self) -> bool:
        return bool(self.open_tags.get(self.section.el.tag))

    def _new_section(self, el: Any, depth: int = 0) -> Any:
        section = self.section_class(el, depth)
        self.data.append(section)
        return section

    def start(self, tag: str, attrs: dict[str, str | None]) -> None:
        """Material's handle_starttag."""
        if tag in VOID:
            return
        el = self.element(tag, attrs)
        self.context.append(el)
        self.open_tags[tag] = self.open_tags.get(tag, 0) + 1
        if tag in self.skip:
            self.skipping += 1
        if tag == "a" and attrs.get("class") == "headerlink":
            self.permalinks += 1
        if tag in _HEADINGS and "id" in attrs:
            depth = len(self.context)
            if tag != "h1" and not self.data:
                self.section = self._new_section(self.element("hx"), depth)
            first = not self.data
            self.section = self._new_section(el, depth)
            if not first:
                self.section.id = attrs["id"]
        if self.section is None:
            self.section = self._new_section(self.element("hx"))
        if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
            if tag not in self.skip:
                self.skip.add(tag)
                self.skipping += self.open_tags[tag]
            return
        if tag in _KEPT and not self.skipping:
            (self.section.title if self._in_title() else self.section.text).append(f"<{tag}>")

    def end(self, tag: str) -> None:
        """Material's handle_endtag."""
        context = self.context
        if not context or context[-1].tag != tag:
            return
        depth = len(context)
        if self.section.depth > depth:
            for section in reversed(self.data):
                if section.depth <= depth:
                    self.section.depth = float("inf")
                    self.section = section
                    break
        el = context.pop()
        self.open_tags[tag] -= 1
        if tag == "a" and el.attrs.get("class") == "headerlink":
            self.permalinks -= 1
        if tag in self.skip:
            self.skipping -= 1
            if tag not in _ALWAYS_SKIPPED:
                self.skip.discard(tag)
                self.skipping -= self.open_tags[tag]
            return
        if tag in _KEPT and not self.skipping:
            data = self.section.title if self._in_title() else self.section.text
            index = data.index(f"<{tag}>")
            if all(part.isspace() for part in data[index + 1:]):
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def text(self, data: str) -> None:
        """Material's handle_data."""
        if self.skipping:
            return
        pre = bool(self.open_tags.get("pre"))
        if not pre:
            data = data.replace("\n", " ") if not data.isspace() else " "
        if self.section is None:
            self.section = self._new_section(self.element("hx"))
        if self._in_title():
            if not self.permalinks:
                self.section.title.append(escape(data, quote=False))
        elif data.isspace():
            text = self.section.text
            if not text or not text[-1].isspace() or pre:
                text.append(data)
        else:
            self.section.text.append(escape(data, quote=False))

    def feed(self, html: str) -> bool:
        """Divide `html` into sections, calling the handlers as HTMLParser would: names lower-cased,
        text unescaped, a self-closing tag as a start and an end. False where the scan could
        read the page differently from HTMLParser (the sections are then incomplete)."""
        raw_until = 0
        for match in _TOKEN.finditer(html):
            if match.start() < raw_until:  # inside a script or style, which Material skips
                if match.end() > raw_until:
                    return False
                continue
            text, closing, name, attributes, slash, other, stray = match.groups()
            if text is not None:
                self.text(unescape(text))
            elif name is not None:
                name = name.lower()
                if closing:
                    self.end(name)
                    continue
                self.start(name, _attributes(attributes) if _may_matter(name, attributes) else {})
                if slash:
                    self.end(name)
                elif name in _RAW_END:
                    close = _RAW_END[name].search(html, match.end())
                    if close is None:
                        return False
                    self.end(name)
                    raw_until = close.end()
            elif stray is not None or not _comment_read_alike(other):
                return False
        return True


def _may_matter(tag: str, attributes: str) -> bool:
    """Whether Material's parser reads any of this tag's attributes: a heading's id and
    exclusion, a permalink's class, and data-search-exclude or class="linenodiv" on any tag.
    ('&' may hide any of them behind a character reference.)"""
    if not attributes:
        return False
    return (tag in _HEADINGS or tag == "a" or "&" in attributes or "linenodiv" in attributes
            or "data-search-exclude" in attributes.lower())


def sections(html: str, material: Any) -> list[Any]:
    """The search sections of a page: by `Sections` when the scan is sure, else by Material's Parser.

    `material` is Material's search plugin module (its Parser, Element and Section classes).
    """
    if _SAME_RULES:
        fast = Sections(material.Element, material.Section)
        if fast.feed(html):
            return fast.data
    parser = material.Parser()
    parser.feed(html)
    parser.close()
    return parser.data


def add_entry(index: Any, page: Any, material: Any) -> None:
    """Material's `SearchIndex.add_entry_from_context`, with the sections made by `sections`."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    for section in sections(page.content, material):
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)


def use_fast_parser(index: Any) -> bool:
    """Make Material's search index `index` read its pages with `feed`; False if it is not Material's.

    Material's plugin makes a new index in every `on_config`, so this is called from ours, which
    runs after it. The parser class is taken from the index's own module, so this module needs
    no import of Material and a site without Material's search is left as it is.
    """
    if type(index).__module__ != MATERIAL_SEARCH or not hasattr(index, "create_entry_for_section"):
        return False
    material = sys.modules[MATERIAL_SEARCH]
    if not all(hasattr(material, name) for name in ("Parser", "Element", "Section")):
        return False
    index.add_entry_from_context = partial(add_entry, index, material=material)
    return True
