"""The contract between page renderers and the MkDocs plugin.

A renderer is a pure function from the model to `GeneratedPage`s. It knows nothing of
MkDocs, so it can be tested without a build; the plugin turns pages into virtual files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..context import SiteContext
from ..model import LoadedRoute


@dataclass(frozen=True)
class GeneratedPage:
    """One virtual file for MkDocs: a Markdown page, or a static asset such as JSON."""

    src_uri: str
    """Path as if in the docs dir, e.g. 'de-kempen/stappen/stap-3.md'."""
    content: str
    title: str = ""
    """Navigation title; empty keeps the page out of the navigation."""
    nav_section: tuple[str, ...] = field(default=())
    """Where in the navigation the page goes below its route, e.g. ('Stappen',)."""
    order: int = 0
    """Position within its navigation level; lower comes first."""
    own_prevnext: bool = False
    """The page carries its own previous/next links, so the theme's footer pair is left out."""
    doc_title: str = ""
    """Short name for the browser tab ('Fase 2'); empty uses `title`. The route's name is added."""


RoutePageRenderer = Callable[[LoadedRoute, SiteContext], list[GeneratedPage]]
SitePageRenderer = Callable[[SiteContext], list[GeneratedPage]]
