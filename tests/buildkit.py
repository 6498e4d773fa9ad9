"""Transition shim: import from `support.site` instead. Delete once no test imports it."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from support.site import html_pages, tree_hashes, write_config

__all__ = ["config_for_routes", "html_pages", "tree_hashes"]


@contextmanager
def config_for_routes(routes_dir: Path) -> Iterator[Path]:
    """A copy of mkdocs.yml (in a temporary folder, not the repository) that reads `routes_dir`."""
    with tempfile.TemporaryDirectory(prefix="routewijzer-config-") as folder:
        yield write_config(Path(folder), routes_dir)
