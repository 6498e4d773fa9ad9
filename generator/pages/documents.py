"""The 'Documenten' page of a route: every document with its steps, and a tick list per step."""

from __future__ import annotations

from ..context import SiteContext
from ..handbook import RouteView
from ..links import PageLinks
from ..model import LoadedRoute
from ..render import render
from .base import GeneratedPage

DOCUMENTS_ORDER = 210
"""Navigation position within a route: after Wie doet wat."""


def render_documents_page(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The Documenten page of a route (`Layout.documents`)."""
    src = context.layout.documents(loaded.slug)
    content = render("pages/documenten.md.j2", view=RouteView(loaded), links=PageLinks(context.layout, loaded.slug, src))
    return [GeneratedPage(src_uri=src, content=content, title="Documenten", order=DOCUMENTS_ORDER)]
