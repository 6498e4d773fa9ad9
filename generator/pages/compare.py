"""The site-wide Vergelijken page: routes side by side, per general layer of support.

Routes name and cut their tiers differently, so they are lined up on the five general
layers of passend onderwijs. Which layer a tier belongs to is never guessed: it comes
from the tier's `laag` in the route file; tiers without one are listed as 'niet
ingedeeld', so the comparison shows exactly what the route files say.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context import SiteContext
from ..model import LoadedRoute, Step, Tier, TierLayer, plain_text
from ..route_index import lookup_for
from ..render import render
from ..terms import strip_abbreviation
from ..urls import relative
from ..vocabulary import IN_CHARGE, RESPONSIBILITY_WORDS, tier_class
from .base import GeneratedPage

LAYERS: tuple[tuple[TierLayer | None, str, str], ...] = (
    (TierLayer.BASIC, "Basisondersteuning", "Wat elke school elke leerling biedt; de leerkracht past het onderwijs aan."),
    (TierLayer.SCHOOL, "Ondersteuning binnen de school",
     "Collega's, het team, de intern begeleider en specialisten van de school denken mee."),
    (TierLayer.SUPPORT_TEAM, "Ondersteuningsteam",
     "School, ouders en deskundigen van buiten de school kijken samen naar de leerling."),
    (TierLayer.EXTRA, "Extra ondersteuning en arrangementen",
     "Ondersteuning die de school niet zelf kan bieden, vaak met hulp of geld van het samenwerkingsverband."),
    (TierLayer.SPECIAL, "Speciale ondersteuning", "Speciaal (basis)onderwijs, waarvoor een toelaatbaarheidsverklaring nodig is."),
    (None, "Niet ingedeeld", "Niveaus waarvan het routebestand niet zegt bij welke laag ze horen."),
)
"""(layer, Dutch heading, one-line explanation) in the order of the page."""

@dataclass(frozen=True)
class StepRef:
    name: str
    url: str


@dataclass(frozen=True)
class Lead:
    role: str
    responsibility: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    """A document use, deadline or evaluation rhythm, with the step it belongs to."""

    text: str
    step: str


@dataclass(frozen=True)
class Cell:
    """What one route does in one layer."""

    loaded: LoadedRoute
    overview: str
    tiers: tuple[tuple[Tier, str], ...]
    steps: tuple[StepRef, ...]
    leads: tuple[Lead, ...]
    documents: tuple[Fact, ...]
    timing: tuple[Fact, ...]


@dataclass(frozen=True)
class Layer:
    id: str
    name: str
    explanation: str
    cells: tuple[Cell, ...]


def tiers_in_layer(loaded: LoadedRoute, layer: TierLayer | None) -> list[tuple[int, Tier]]:
    """(position, tier) of the route's tiers that its file puts in this layer."""
    return [(index, tier) for index, tier in enumerate(loaded.route.tiers) if tier.layer == layer]


def _leads(loaded: LoadedRoute, steps: list[Step]) -> tuple[Lead, ...]:
    roles = lookup_for(loaded.route).roles
    found: dict[tuple[str, str], list[str]] = {}
    for responsibility in IN_CHARGE:
        for step in steps:
            for part in step.roles:
                if part.responsibility == responsibility:
                    found.setdefault((strip_abbreviation(roles[part.role].name), RESPONSIBILITY_WORDS[responsibility]),
                                     []).append(step.label)
    return tuple(Lead(role, word, tuple(labels)) for (role, word), labels in found.items())


def _documents(loaded: LoadedRoute, steps: list[Step]) -> tuple[Fact, ...]:
    docs = lookup_for(loaded.route).documents
    return tuple(Fact(f"{docs[use.document].name}: {use.action}", step.label) for step in steps for use in step.documents)


def _timing(loaded: LoadedRoute, steps: list[Step]) -> tuple[Fact, ...]:
    docs = lookup_for(loaded.route).documents
    facts: list[Fact] = []
    for step in steps:
        facts.extend(Fact(plain_text(text), step.label) for text in step.deadlines)
        facts.extend(Fact(f"{docs[use.document].name}: {use.deadline}", step.label)
                     for use in step.documents if use.deadline)
        facts.extend(Fact(f"Evaluatie: {text}", step.label) for text in step.evaluation)
    return tuple(facts)


def compare_layers(context: SiteContext, from_src: str | None = None) -> list[Layer]:
    """Every layer with one cell per route; the 'niet ingedeeld' layer only when needed.
    Links are relative to the page `from_src` (default: Vergelijken)."""
    layout = context.layout
    from_src = layout.compare if from_src is None else from_src
    layers: list[Layer] = []
    for layer, name, explanation in LAYERS:
        cells: list[Cell] = []
        for loaded in context.routes:
            tiers = tiers_in_layer(loaded, layer)
            tier_ids = {tier.id for _, tier in tiers}
            steps = [step for step in loaded.route.steps if step.tier in tier_ids]
            cells.append(Cell(
                loaded=loaded,
                overview=relative(from_src, layout.overview(loaded.slug)),
                tiers=tuple((tier, tier_class(index)) for index, tier in tiers),
                steps=tuple(StepRef(s.name, relative(from_src, layout.step(loaded.slug, s.id))) for s in steps),
                leads=_leads(loaded, steps),
                documents=_documents(loaded, steps),
                timing=_timing(loaded, steps),
            ))
        if layer is None and not any(cell.tiers for cell in cells):
            continue
        layers.append(Layer(layer.value if layer else "niet-ingedeeld", name, explanation, tuple(cells)))
    return layers


def render_compare(context: SiteContext) -> list[GeneratedPage]:
    """The Vergelijken page (`Layout.compare`)."""
    here = context.layout.compare
    routes = [{"loaded": loaded, "overview": relative(here, context.layout.overview(loaded.slug))}
              for loaded in context.routes]
    content = render("pages/compare.md.j2", layers=compare_layers(context), routes=routes,
                     layer_names={layer.value: name for layer, name, _ in LAYERS if layer})
    return [GeneratedPage(src_uri=here, content=content, title="Vergelijken", order=10)]
