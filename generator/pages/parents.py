"""The 'Voor ouders' page of a route: first what a parent must know at once (what happens
now, what you decide, your contact, your rights), then the steps folded, then general rules.

Route-specific text comes only from the route; the general part (the same for every route)
lives in one template, `partials/parents-general.md.j2`, with a named source per statement.
"""

from __future__ import annotations

from ..context import SiteContext
from ..handbook import RouteView, StepAnswers
from ..links import PageLinks
from ..model import LoadedRoute
from ..render import render
from .base import GeneratedPage

PARENTS_ORDER = 220
"""Navigation position within a route: after Documenten."""


def render_parents_page(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The Voor ouders page of a route (`Layout.parents`)."""
    src = context.layout.parents(loaded.slug)
    view = RouteView(loaded)
    content = render("pages/voor-ouders.md.j2", view=view, answers=StepAnswers(view),
                     links=PageLinks(context.layout, loaded.slug, src))
    return [GeneratedPage(src_uri=src, content=content, title="Voor ouders", order=PARENTS_ORDER)]
