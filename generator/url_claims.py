"""Who owns which URL of the site, so no route silently overwrites another page.

A route's pages live in its own folder (`de-kempen/`, or `routes/de-kempen/` with a
prefix). That folder must not already hold a page of the site: a site-wide page Routewijzer
makes (Begrippen, Vergelijken, open data), a hand-written file in the docs dir, a static
file of the theme (`assets/`) or the search index. MkDocs would otherwise let one replace
the other and still exit 0. This runs in `on_config`, before the old site is touched.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .context import SiteContext
from .layout import Layout
from .model import LoadedRoute
from .pages import SITE_PAGES
from .search_scope import INDEX
from .urls import page_url

_THEME_SKIP = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*")
"""The files MkDocs does not copy from a theme (mkdocs.structure.files.add_files_from_theme)."""


@dataclass(frozen=True)
class Claim:
    """A URL of the site (as a path below the site root) and, in Dutch, where it comes from."""

    url: str
    owner: str


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def site_page_claims(layout: Layout) -> list[Claim]:
    """The site-wide pages Routewijzer makes (asked of the renderers, so a new one counts too)."""
    empty = SiteContext(routes=(), layout=layout)
    claims = []
    for renderer in SITE_PAGES:
        for page in renderer(empty):
            what = f"de pagina '{page.title}'" if page.title else "het bestand"
            claims.append(Claim(page_url(page.src_uri), f"{what} die Routewijzer zelf maakt ({page.src_uri})"))
    return claims


def docs_claims(docs_dir: Path) -> list[Claim]:
    """Every file in the docs dir (`content/`), as MkDocs will publish it."""
    claims = []
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file():
            src = path.relative_to(docs_dir).as_posix()
            claims.append(Claim(page_url(src), f"'{_display(path)}'"))
    return claims


def theme_claims(config: MkDocsConfig) -> list[Claim]:
    """The static files MkDocs copies from the theme and its custom_dir (assets/…)."""
    def static(name: str) -> bool:
        return not any(fnmatch.fnmatch(name.lower(), pattern) for pattern in _THEME_SKIP)

    claims = []
    for name in config.theme.get_env().list_templates(filter_func=static):
        folder = next((d for d in config.theme.dirs if os.path.isfile(os.path.join(d, name))), None)
        where = _display(Path(folder) / name) if folder else name
        claims.append(Claim(name, f"het themabestand '{where}'"))
    return claims


def plugin_claims(config: MkDocsConfig) -> list[Claim]:
    """Files other plugins write after the build (the search index)."""
    if "search" in config.plugins or "material/search" in config.plugins:
        return [Claim(INDEX, "de zoekindex van de zoekfunctie (search/)")]
    return []


def collisions(routes: Iterable[LoadedRoute], context: SiteContext, claims: list[Claim]) -> list[str]:
    """Dutch `file:line:col` messages for every route whose folder holds a claimed URL."""
    messages = []
    for loaded in routes:
        folder = context.layout.route_url(loaded.slug)
        taken = [c for c in claims if c.url == folder.rstrip("/") or c.url.startswith(folder)]
        if taken:
            first = taken[0]
            more = f" (en nog {len(taken) - 1} andere)" if len(taken) > 1 else ""
            messages.append(
                f"{loaded.path}:1:1: deze route krijgt het webadres '{folder}', maar daar staat al "
                f"{first.owner}{more}; de een zou de ander overschrijven. Geef het routebestand een andere naam, "
                f"bijvoorbeeld '{loaded.slug}-route.yaml', of zet 'prefix:' bij de routewijzer-plugin in mkdocs.yml.")
    return messages


def all_claims(config: MkDocsConfig, layout: Layout) -> list[Claim]:
    """Every URL a route folder may not overlap."""
    return (site_page_claims(layout) + docs_claims(Path(config.docs_dir)) + theme_claims(config)
            + plugin_claims(config))
