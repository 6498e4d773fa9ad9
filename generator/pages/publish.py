"""The 'Voor de school: publiceren' page of a route: what the school or SWV that publishes
the route needs, kept off the pages parents and teachers read.

All answer paths of the wegwijzer, the code to embed the wegwijzer on the school's own site,
the print version and PDF, the open data and the version history, each linked from one page.
"""

from __future__ import annotations

from ..context import SiteContext
from ..model import LoadedRoute
from ..render import render
from ..urls import relative
from .base import GeneratedPage

PUBLISH_TITLE = "Voor de school: publiceren"


def render_publish_page(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The publisher page of a route (`Layout.publish`)."""
    layout, slug = context.layout, loaded.slug
    here = layout.publish(slug)
    route = loaded.route
    has_aid = route.wegwijzer is not None
    content = render(
        "pages/publiceren.md.j2",
        route=route,
        paths_url=relative(here, layout.paths(slug)) if has_aid else "",
        embed_url=relative(here, layout.embed(slug)) if has_aid else "",
        embed_title=f"Wegwijzer {route.organisation.display_name}",
        print_url=relative(here, layout.print(slug)),
        pdf_url=relative(here, layout.pdf(slug)) if slug in context.pdfs else "",
        json_url=relative(here, layout.route_json(slug)),
        index_url=relative(here, layout.index),
        schema_url=relative(here, layout.schema),
    )
    return [GeneratedPage(src_uri=here, content=content, title=PUBLISH_TITLE, doc_title="Publiceren")]
