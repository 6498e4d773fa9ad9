"""The sidebar's top-level entries rendered once per folder depth instead of once per page.

Material renders the whole navigation into every page. With 150 routes in a portal's sidebar
that was 31 % of a build (profile of a 150-route part build, BENCHMARKS.md, issue 14): every
page re-rendered 150 collapsed route entries that look the same on almost every page. An
entry that does not hold the page renders the same on every page at the same folder depth:
its links are relative, and relative links from two pages at one depth are equal unless a
link shares a first folder with the page. So overrides/partials/nav.html asks for a key,
and renders an entry only when no page with that key has rendered it yet. Entries that hold
the page (open, marked active) and entries with links into the page's own top folder are
rendered for each page, as Material does.

`entries` goes one step further: a run of neighbouring entries that are all reused is kept
as one joined piece per (first, last, depth), so a page of route k costs the open entry and
two lookups instead of a template loop over 150 entries (that loop was still about a tenth
of a part build).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup


class NavFragments:
    """Rendered top-level navigation entries of one build, by (position, depth)."""

    def __init__(self) -> None:
        self._html: dict[str, Markup] = {}
        self._folders: dict[int, frozenset[str]] = {}

    def key(self, item: Any, position: str, page: Any, base_url: str) -> str | None:
        """The cache key of `item` on `page`, or None when it must be rendered for this page."""
        if page is None or getattr(item, "active", False):
            return None
        if _top_folder(getattr(page, "url", "") or "") in self._folders_of(item):
            return None
        return f"{position}|{base_url}"

    def entries(self, items: Sequence[Any], page: Any, base_url: str,
                render: Callable[[Any, str, int], Markup]) -> Markup:
        """The top-level entries of the sidebar for `page`, in order, as Material's loop makes them
        (`render` is Material's nav-item macro; entry n has the path "__nav_n")."""
        out: list[str] = []
        run: list[tuple[str, Any, str]] = []

        def flush() -> None:
            if run:
                joined = f"{run[0][0]}..{run[-1][0]}|{base_url}"
                if joined not in self._html:
                    self._html[joined] = Markup("\n").join(self._one(key, item, path, render) for key, item, path in run)
                out.append(self._html[joined])
                run.clear()

        for index, item in enumerate(items, 1):
            path = f"__nav_{index}"
            key = self.key(item, path, page, base_url)
            if key is None:
                flush()
                out.append(_as_markup(render(item, path, 1)))
            else:
                run.append((key, item, path))
        flush()
        return Markup("\n").join(out)

    def _one(self, key: str, item: Any, path: str, render: Callable[[Any, str, int], Markup]) -> Markup:
        return self.get(key) or self.put(key, _as_markup(render(item, path, 1)))

    def get(self, key: str) -> Markup | None:
        return self._html.get(key)

    def put(self, key: str, html: Markup) -> Markup:
        self._html[key] = html
        return html

    def _folders_of(self, item: Any) -> frozenset[str]:
        """First URL folders of every page and link below `item`."""
        if id(item) not in self._folders:
            found: set[str] = set()
            stack = [item]
            while stack:
                node = stack.pop()
                url = getattr(node, "url", None)
                if isinstance(url, str):
                    found.add(_top_folder(url))
                stack.extend(getattr(node, "children", None) or [])
            self._folders[id(item)] = frozenset(found)
        return self._folders[id(item)]


def _as_markup(html: Any) -> Markup:
    """A macro's output as it would enter the page: MkDocs' templates do not autoescape, so a
    macro returns plain text that is HTML, which the template would insert as it is."""
    return html if isinstance(html, Markup) else Markup(html)


def _top_folder(url: str) -> str:
    return url.lstrip("/").split("/", 1)[0]
