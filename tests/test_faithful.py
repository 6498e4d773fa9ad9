"""Faithfulness: every statement in a route file appears in that route's built pages.

The test walks each route's model and collects every piece of text an author wrote
(steps, roles, responsibilities, documents, deadlines, rules, criteria, questions …), then
looks for each one in the visible text of the route's pages. A renderer that forgets a
field makes this fail.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.load import load_routes
from generator.model import LoadedRoute

ROOT = Path(__file__).resolve().parent.parent
ROUTES, _PROBLEMS = load_routes([ROOT / "routes"])

# Fields that hold references, ids or dates rather than statements.
NOT_STATEMENTS = {"id", "role", "document", "to", "tier", "step", "next", "outcome", "current", "by", "date", "file",
                  "start"}


class _TextOnly(HTMLParser):
    """Visible text of a page (plus title attributes), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def normalise(text: str) -> str:
    """Compare text as a reader sees it: entities resolved, whitespace folded, quotes unified."""
    text = html.unescape(text)
    text = text.replace("\u00ad", "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def statements(node: object, path: str = "") -> list[tuple[str, str]]:
    """(field path, text) for every authored text in a model tree."""
    found: list[tuple[str, str]] = []
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            if name in NOT_STATEMENTS:
                continue
            found.extend(statements(getattr(node, name), f"{path}.{info.alias or name}"))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(statements(item, f"{path}[{index}]"))
    elif isinstance(node, str) and not hasattr(node, "value"):
        found.append((path.lstrip("."), node))
    return found


def route_text(site: Path, loaded: LoadedRoute) -> str:
    """All visible text of the route's pages in the built site."""
    parts: list[str] = []
    for page in sorted((site / loaded.slug).rglob("*.html")):
        parser = _TextOnly()
        parser.feed(page.read_text(encoding="utf-8"))
        parts.append("".join(parser.parts))
    return normalise(" ".join(parts))


def test_all_routes_load() -> None:
    assert not _PROBLEMS, "\n".join(str(p) for p in _PROBLEMS)
    assert len(ROUTES) >= 5


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_every_statement_appears_in_the_handbook(built_site: Path, loaded: LoadedRoute) -> None:
    text = route_text(built_site, loaded)
    items = statements(loaded.route)
    assert len(items) > 20, "the walk found suspiciously little text"
    missing = [f"{path}: {value!r}" for path, value in items if normalise(value) not in text]
    assert not missing, f"{len(missing)} of {len(items)} statements are not in the pages:\n" + "\n".join(missing[:40])
