"""The Overzicht page of a route: what it is, its rules, the flowchart and every step.

This is the page people land on from the home page, so it shows everything that is
true for the whole route (metadata, inleiding, rules, route-wide onderdelen, change log)
and a step-by-step list that leads to the step pages. The flowchart is followed by the
same graph as a nested list, so nothing is only available as a picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..flowchart import flowchart_svg
from ..model import LoadedRoute, Step, Tier, Transition
from ..render import render
from ..urls import relative
from ..vocabulary import ROUTE_KIND_NAMES, RULE_STYLE, TRANSITION_PHRASES, tier_class
from .base import GeneratedPage, SiteContext, publish_src
from .glossary import GLOSSARY_SRC, term_anchor


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


def overview_src(loaded: LoadedRoute, context: SiteContext) -> str:
    """Source path of a route's Overzicht page."""
    return context.route_dir(loaded.slug) + "index.md"


def tier_groups(loaded: LoadedRoute, links: dict[str, StepLink]) -> list[TierGroup]:
    """Consecutive steps of the same tier, in route order (a tier may appear twice)."""
    lookup = loaded.route.lookup
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
    """The route's index.md."""
    route = loaded.route
    here = overview_src(loaded, context)
    base = context.route_dir(loaded.slug)
    links = {step.id: StepLink(step, number, relative(here, f"{base}stappen/{step.id}.md"))
             for number, step in enumerate(route.steps, start=1)}
    tier_names = {t.id: t.name for t in route.tiers}
    transitions = {
        step.id: [TransitionView(t, TRANSITION_PHRASES[t.kind], links[t.to]) for t in step.transitions]
        for step in route.steps
    }
    content = render(
        "pages/overview.md.j2",
        route=route,
        kind_name=ROUTE_KIND_NAMES[route.kind],
        svg=flowchart_svg(loaded, lambda step_id: links[step_id].url),
        groups=tier_groups(loaded, links),
        links=links,
        tier_names=tier_names,
        transitions=transitions,
        rule_style=RULE_STYLE,
        terms=[(term, relative(here, GLOSSARY_SRC, term_anchor(term.term))) for term in route.terms],
        pages={
            "wie": relative(here, f"{base}wie-doet-wat.md"),
            "documenten": relative(here, f"{base}documenten.md"),
            "ouders": relative(here, f"{base}voor-ouders.md"),
            "wegwijzer": relative(here, f"{base}wegwijzer/index.md") if route.wegwijzer else "",
            "begrippen": relative(here, GLOSSARY_SRC),
            "vergelijken": relative(here, "vergelijken.md"),
            "publiceren": relative(here, publish_src(context, loaded.slug)),
        },
    )
    return [GeneratedPage(src_uri=here, content=content, title="Overzicht", order=0)]
