"""One way to read text: of a route model, of a generated page, of rendered HTML.

Tests compare what an author wrote with what a reader sees; both sides go through the
same `normalise`, so line breaks of YAML folding or of HTML never decide a test.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from pydantic import BaseModel

# The Markdown extensions of mkdocs.yml that generated pages rely on.
EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def normalise(text: str) -> str:
    """Fold every run of whitespace into one space and trim the ends."""
    return re.sub(r"\s+", " ", text).strip()


def texts(node: object, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(field path, text) for every string in a model tree, except enum values and `skip` fields."""
    found: list[tuple[str, str]] = []
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name not in skip:
                found.extend((f"{name}.{p}" if p else name, t) for p, t in texts(getattr(node, name), skip))
    elif isinstance(node, (list, tuple)):
        for item in node:
            found.extend(texts(item, skip))
    elif isinstance(node, str) and not hasattr(node, "value"):
        found.append(("", node))
    return found


def to_html(content: str) -> str:
    """What MkDocs makes of a generated page (the Markdown extensions of mkdocs.yml)."""
    return markdown.markdown(content, extensions=EXTENSIONS)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees in `html`, whitespace folded."""
    parser = _Text()
    parser.feed(html)
    return normalise("".join(parser.parts))
