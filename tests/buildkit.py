"""Building the site from other route folders, for tests that need their own site.

The plugin reads `routes:` from mkdocs.yml. A temporary config beside mkdocs.yml (so every
relative path in it still resolves) points that option elsewhere; it is removed afterwards.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import ROOT


@contextmanager
def config_for_routes(routes_dir: Path) -> Iterator[Path]:
    """A copy of mkdocs.yml whose routewijzer plugin reads `routes_dir`."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    changed, count = re.subn(r"(-\s*routewijzer:\s*\n(?:\s+\w+:.*\n)*?\s+routes:\s*)\S+",
                             lambda m: m.group(1) + str(routes_dir), text)
    assert count == 1, "mkdocs.yml heeft geen 'routes:' bij de routewijzer-plugin"
    changed = re.sub(r"(?m)^watch:\n(\s+-.*\n?)+", "", changed)
    path = ROOT / f".mkdocs-test-{uuid.uuid4().hex[:8]}.yml"
    path.write_text(changed, encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site (Material's 404 page included)."""
    return sorted(site.rglob("*.html"))


def tree_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file below `folder`, by relative path."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
