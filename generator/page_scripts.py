"""Which of Routewijzer's scripts a page needs: each is loaded only where the page has what
it works on.

Every page used to load all of them (26 KB gzipped, 43 % of a step page's first load), so a
parent's phone fetched the wegwijzer's ranking to read one step (issue 14: first load
≤ 100 KB). This table is the one place that says which script serves which page: the
plugin records a page's scripts in its meta, overrides/main.html loads them as modules on
a first load and names them inside the content, where assets/page-scripts.js finds them
after Material's instant navigation has swapped the content in.
"""

from __future__ import annotations

SCRIPTS: tuple[tuple[str, str], ...] = (
    # (script in overrides/assets/, a fragment only a page it works on has in its HTML)
    ("tooltip.js", "<abbr title="),
    ("checklist.js", "data-rw-checklist"),
    ("wegwijzer.js", 'class="rw-ww-data"'),
    ("embed-code.js", "data-rw-embed-code"),
    ("foldout.js", "rw-parent-step"),
    ("route-filter.js", "data-rw-filter"),
    ("compare.js", "data-rw-compare"),
)


def scripts_for(html: str) -> list[str]:
    """The scripts a page with this content needs, in the table's order, each once."""
    return list(dict.fromkeys(script for script, marker in SCRIPTS if marker in html))
