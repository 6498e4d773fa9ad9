"""Each route loaded and rendered once, cached on disk by the route file's content.

A route's pages depend only on its own file, the URL layout, whether its PDF exists and the
generator's code (see `pages.ROUTE_PAGES`: route renderers get the site context only for
its `layout` and `pdfs`). So the key is a hash of exactly those; a saved route file
re-renders that route only, and a new generator version misses every entry. Used by the
split build (generator/split_build.py), whose parallel parts all need every route's
navigation titles but should not each render 150 routes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .context import SiteContext
from .layout import Layout
from .load import load_route
from .model import LoadedRoute
from .pages import ROUTE_PAGES
from .pages.base import GeneratedPage

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def generator_version() -> str:
    """Hash of the generator's own code, templates and data: any change invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc",) and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class RenderedRoute:
    """A validated route and its generated pages, in ROUTE_PAGES order."""

    loaded: LoadedRoute
    pages: tuple[GeneratedPage, ...]


def route_pages(loaded: LoadedRoute, context: SiteContext) -> tuple[GeneratedPage, ...]:
    """The pages of one route, exactly as `render_site` makes them for that route."""
    return tuple(page for renderer in ROUTE_PAGES for page in renderer(loaded, context))


def cache_key(raw: bytes, slug: str, layout: Layout, has_pdf: bool) -> str:
    digest = hashlib.sha256(generator_version().encode())
    digest.update(f"\0{slug}\0{layout!r}\0{int(has_pdf)}\0".encode())
    digest.update(raw)
    return digest.hexdigest()


def rendered_route(path: Path, layout: Layout, pdfs: frozenset[str], cache_dir: Path | None) -> RenderedRoute:
    """Load, validate and render one route, from the cache when its key is there.

    Raises RouteProblems (Dutch, file:line) for a bad route, like `load_route`."""
    key = cache_key(path.read_bytes(), path.stem, layout, path.stem in pdfs) if cache_dir else ""
    entry = cache_dir / f"{key}.pickle" if cache_dir else None
    if entry is not None and entry.is_file():
        try:
            cached = pickle.loads(entry.read_bytes())
            if isinstance(cached, RenderedRoute):
                return cached
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a damaged or outdated entry is rebuilt below
    loaded = load_route(path)
    context = SiteContext(routes=(loaded,), layout=layout, pdfs=pdfs)
    result = RenderedRoute(loaded=loaded, pages=route_pages(loaded, context))
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(entry)  # atomic: parallel builds never read half an entry
    return result
