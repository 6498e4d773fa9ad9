"""Step pages: one page per step of a route, the answers first and then the full source text.

The full text lives in the partial `partials/step-body.md.j2` so the print version can show
the same text for the whole route in one document; the answers block (what you do now, with
whom, what you record, what comes next) is `partials/step-answers.md.j2`.
"""

from __future__ import annotations

from ..context import SiteContext
from ..handbook import RouteView, StepAnswers
from ..links import PageLinks
from ..model import LoadedRoute
from ..render import render
from .base import GeneratedPage

STEP_ORDER = 100
"""Navigation position of the 'Stappen' section within a route (steps follow file order)."""


def render_step_pages(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """One page per step, in file order, under the navigation section 'Stappen'."""
    view = RouteView(loaded)
    answers = StepAnswers(view)
    pages = []
    for index, step in enumerate(loaded.route.steps):
        src = context.layout.step(loaded.slug, step.id)
        previous, following = view.neighbours(step)
        content = render("pages/step.md.j2", step=step, view=view, answers=answers,
                         links=PageLinks(context.layout, loaded.slug, src), previous=previous, next=following)
        pages.append(GeneratedPage(src_uri=src, content=content, title=step.name, doc_title=step.label, own_prevnext=True,
                                   nav_section=("Stappen",), order=STEP_ORDER + index))
    return pages
