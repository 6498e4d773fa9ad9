"""The Overzicht page of a route: what it is, its rules, the flowchart and every step.

This is the page people land on from the home page, so it shows everything that is
true for the whole route (metadata, inleiding, rules, route-wide onderdelen, change log)
and a step-by-step list that leads to the step pages. The flowchart is followed by the
same graph as a nested list, so nothing is only available as a picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context import SiteContext
from ..flowchart import flowchart_svg
from ..handbook import RouteView
from ..links import PageLinks
from ..model import LoadedRoute, Step, Tier, Transition
from ..route_index import lookup_for
from ..render import render
from ..vocabulary import ROUTE_KIND_NAMES, RULE_STYLE, TRANSITION_PHRASES, tier_class
from .base import GeneratedPage


@dataclass(frozen=True)
class StepLink:
    step: Step
    number: int
    url: str


@dataclass(frozen=True)
class TierGroup:
    tier: Tier
    css_class: str
    steps: tuple[StepLink, ...]


@dataclass(frozen=True)
class TransitionView:
    transition: Transition
    phrase: str
    target: StepLink


def tier_groups(loaded: LoadedRoute, links: dict[str, StepLink]) -> list[TierGroup]:
    """Consecutive steps of the same tier, in route order (a tier may appear twice)."""
    lookup = lookup_for(loaded.route)
    groups: list[TierGroup] = []
    for step in loaded.route.steps:
        if groups and groups[-1].tier.id == step.tier:
            last = groups[-1]
            groups[-1] = TierGroup(last.tier, last.css_class, last.steps + (links[step.id],))
        else:
            groups.append(TierGroup(lookup.tiers[step.tier], tier_class(lookup.tier_position[step.tier]),
                                    (links[step.id],)))
    return groups


def render_overview(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The route's Overzicht (`Layout.overview`)."""
    route = loaded.route
    layout, slug = context.layout, loaded.slug
    here = layout.overview(slug)
    links = PageLinks(layout, slug, here)
    steps = {step.id: StepLink(step, number, links.step(step.id)) for number, step in enumerate(route.steps, start=1)}
    tier_names = {t.id: t.name for t in route.tiers}
    transitions = {
        step.id: [TransitionView(t, TRANSITION_PHRASES[t.kind], steps[t.to]) for t in step.transitions]
        for step in route.steps
    }
    content = render(
        "pages/overview.md.j2",
        route=route,
        kind_name=ROUTE_KIND_NAMES[route.kind],
        svg=flowchart_svg(loaded, links.step),
        groups=tier_groups(loaded, steps),
        links=links,
        view=RouteView(loaded),
        tier_names=tier_names,
        transitions=transitions,
        rule_style=RULE_STYLE,
        pages={
            "wie": links.page(layout.roles(slug)),
            "documenten": links.page(layout.documents(slug)),
            "ouders": links.page(layout.parents(slug)),
            "wegwijzer": links.page(layout.wegwijzer(slug)) if route.wegwijzer else "",
            "begrippen": links.page(layout.glossary),
            "vergelijken": links.page(layout.compare),
            "publiceren": links.page(layout.publish(slug)),
        },
    )
    return [GeneratedPage(src_uri=here, content=content, title="Overzicht", order=0)]
