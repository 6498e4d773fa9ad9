"""The 'Wie doet wat' page of a route: a roles × steps matrix and every role's tasks."""

from __future__ import annotations

from ..context import SiteContext
from ..handbook import RouteView
from ..links import PageLinks
from ..model import LoadedRoute
from ..render import render
from .base import GeneratedPage

ROLES_ORDER = 200
"""Navigation position within a route: after the steps."""


def render_roles_page(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The Wie doet wat page of a route (`Layout.roles`)."""
    src = context.layout.roles(loaded.slug)
    content = render("pages/wie-doet-wat.md.j2", view=RouteView(loaded), links=PageLinks(context.layout, loaded.slug, src))
    return [GeneratedPage(src_uri=src, content=content, title="Wie doet wat", order=ROLES_ORDER)]
