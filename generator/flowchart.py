"""The route flowchart: model → DOT text → Graphviz → accessible, CSS-styled SVG.

The drawing is made from the same steps and transitions the validator checks, so the
chart can never disagree with the text. Graphviz only does layout; every colour is
stripped and left to CSS classes (`rw-node rw-tier--N`, `rw-edge rw-edge--<soort>`), so
one SVG works in light mode, dark mode and print. Layout uses Arimo metrics (built into
graphviz-pure, metric-compatible with Arial); the display font comes from CSS.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .limits import GRAPHVIZ_TIMEOUT, MAX_STEPS, MAX_TRANSITIONS
from .model import LoadedRoute, Step, TransitionKind
from .route_index import lookup_for
from .problems import os_error_text
from .render import render
from .vocabulary import EDGE_WORDS, tier_class

StepUrl = Callable[[str], str]
"""Step id → the link of its node (a relative page URL or an in-document anchor)."""

DASHED = {TransitionKind.DOWN, TransitionKind.BACK}
DOTTED = {TransitionKind.REPEAT}

MIN_SCALE = 0.7
"""Smallest on-screen scale of the chart; below it labels get too small, so the box scrolls."""

TITLE_WIDTH = 24
"""Characters per line in a node label: keeps boxes narrow enough for a phone screen."""


class FlowchartError(RuntimeError):
    """Graphviz is missing or failed; the message is Dutch and says what to do."""




@dataclass(frozen=True)
class DotNode:
    id: str
    label: str
    css_class: str
    url: str
    tooltip: str
    peripheries: int = 0


@dataclass(frozen=True)
class DotCluster:
    id: str
    label: str
    css_class: str
    nodes: tuple[DotNode, ...]


@dataclass(frozen=True)
class DotEdge:
    source: str
    target: str
    css_class: str
    label: str
    style: str
    constraint: bool


def node_label(step: Step) -> str:
    """The label, then the title, each wrapped; a title equal to the label is shown once."""
    def wrap(text: str) -> list[str]:
        return textwrap.wrap(text, TITLE_WIDTH, break_long_words=False, break_on_hyphens=False) or [text]

    lines = wrap(step.label)
    if step.title.strip().casefold() != step.label.strip().casefold():
        lines += wrap(step.title)
    return "\n".join(lines)


def edge_label(kind: TransitionKind, label: str | None) -> str:
    """The transition's own short label, else its kind in words."""
    return label if label else EDGE_WORDS[kind]


def _clusters(loaded: LoadedRoute, step_url: StepUrl) -> list[DotCluster]:
    route = loaded.route
    clusters: list[DotCluster] = []
    for index, tier in enumerate(route.tiers):
        nodes = tuple(
            DotNode(
                id=step.id,
                label=node_label(step),
                css_class=" ".join(["rw-node", tier_class(index)]
                                   + (["rw-node--start"] if step.start else [])
                                   + (["rw-node--eind"] if step.end else [])),
                url=step_url(step.id),
                tooltip=step.name,
                peripheries=2 if step.end else 0,
            )
            for step in route.steps
            if step.tier == tier.id
        )
        if nodes:
            clusters.append(DotCluster(id=f"cluster_{tier.id}", label=tier.name,
                                       css_class=f"rw-cluster {tier_class(index)}", nodes=nodes))
    return clusters


def _edges(loaded: LoadedRoute) -> list[DotEdge]:
    lookup = lookup_for(loaded.route)
    edges: list[DotEdge] = []
    for step in loaded.route.steps:
        for transition in step.transitions:
            kind = transition.kind
            style = "dashed" if kind in DASHED else "dotted" if kind in DOTTED else "solid"
            backwards = lookup.is_backwards(step.id, transition.to)
            edges.append(DotEdge(
                source=step.id,
                target=transition.to,
                css_class=f"rw-edge rw-edge--{kind.value}",
                label=edge_label(kind, transition.label),
                style=style,
                # Arrows back up the route must not pull earlier steps down in the layout.
                constraint=not backwards,
            ))
    return edges


def flowchart_dot(loaded: LoadedRoute, step_url: StepUrl) -> str:
    """DOT text of the route's flowchart; each node links to `step_url(step id)`."""
    return render("flowchart.dot.j2", graph_id=loaded.slug, clusters=_clusters(loaded, step_url),
                  edges=_edges(loaded))


# ---------------------------------------------------------------------------
# Running Graphviz
# ---------------------------------------------------------------------------

_SVG_CACHE: dict[str, str] = {}
"""Graphviz output per sha256 of the DOT text: rebuilds and `mkdocs serve` skip layout."""


def graphviz_command() -> list[str]:
    """The venv's `graphviz-pure` (next to this Python), else `dot` on PATH."""
    beside = Path(sys.executable).parent / "graphviz-pure"
    if beside.exists():
        return [str(beside)]
    for name in ("graphviz-pure", "dot"):
        found = shutil.which(name)
        if found:
            return [found]
    raise FlowchartError(
        "Het stroomschema kan niet getekend worden: het programma 'graphviz-pure' (of 'dot' van Graphviz) "
        "is niet gevonden. Installeer Routewijzer opnieuw met 'make setup' (dat installeert graphviz-pure).")


def run_graphviz(dot: str) -> str:
    """SVG text from Graphviz for this DOT text, cached in memory by the DOT text's hash."""
    key = hashlib.sha256(dot.encode("utf-8")).hexdigest()
    cached = _SVG_CACHE.get(key)
    if cached is not None:
        return cached
    command = graphviz_command() + ["-Tsvg"]
    try:
        result = subprocess.run(command, input=dot, capture_output=True, text=True, timeout=GRAPHVIZ_TIMEOUT,
                                check=False)
    except subprocess.TimeoutExpired:
        raise FlowchartError(
            f"Het stroomschema kan niet getekend worden: Graphviz was na {GRAPHVIZ_TIMEOUT} seconden nog niet klaar. "
            f"Zo'n groot schema is ook niet te lezen; 'routewijzer check' staat hooguit {MAX_STEPS} stappen en "
            f"{MAX_TRANSITIONS} overgangen per route toe.") from None
    except OSError as exc:
        raise FlowchartError(f"Het stroomschema kan niet getekend worden: {command[0]} start niet "
                             f"({os_error_text(exc)}).") from None
    if result.returncode != 0 or "<svg" not in result.stdout:
        raise FlowchartError("Het stroomschema kan niet getekend worden; Graphviz meldt: "
                             + (result.stderr.strip() or f"afsluitcode {result.returncode}"))
    _SVG_CACHE[key] = result.stdout
    return result.stdout


# ---------------------------------------------------------------------------
# Cleaning the SVG
# ---------------------------------------------------------------------------

_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.S)
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INNER_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_BACKGROUND = re.compile(r'<polygon fill="(?:white|#ffffff|transparent)" stroke="(?:none|transparent)"[^>]*/>\n?')
_COLOUR = re.compile(r'\s(fill|stroke)="(?!none")[^"]*"')
_FONT_FAMILY = re.compile(r'\sfont-family="[^"]*"')
_ID = re.compile(r'\sid="[^"]*"')


def clean_svg_body(svg: str) -> tuple[str, str]:
    """(viewBox, inner markup) of Graphviz SVG without prolog, comments, ids and colours.

    Graphviz already escapes the label text it writes; this only removes attributes, so
    route text stays escaped. Ids are dropped because a page may hold several charts.
    """
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        raise FlowchartError("Het stroomschema kan niet getekend worden: Graphviz gaf geen SVG terug.")
    viewbox_match = _VIEWBOX.search(opening.group(0))
    viewbox = viewbox_match.group(1) if viewbox_match else "0 0 100 100"
    body = svg[opening.end(): svg.rindex("</svg>")]
    body = _COMMENT.sub("", body)
    body = _INNER_TITLE.sub("", body)
    body = _BACKGROUND.sub("", body)
    body = _COLOUR.sub("", body)
    body = _FONT_FAMILY.sub("", body)
    body = _ID.sub("", body)
    body = body.replace("&#45;", "-")
    lines = [line for line in body.splitlines() if line.strip()]
    return viewbox, "\n".join(lines)


def describe(loaded: LoadedRoute) -> str:
    """A Dutch one-paragraph summary of the chart for screen readers (the <desc>)."""
    route = loaded.route
    tiers = ", ".join(t.name for t in route.tiers)
    starts = lookup_for(route).start_steps() or route.steps[:1]
    ends = [s for s in route.steps if s.end]
    count = sum(len(s.transitions) for s in route.steps)
    parts = [
        f"Stroomschema van {route.title}: {len(route.steps)} stappen in {len(route.tiers)} "
        f"{'niveau' if len(route.tiers) == 1 else 'niveaus'} ({tiers}), met {count} "
        f"{'overgang' if count == 1 else 'overgangen'}.",
        "De route begint bij " + " en ".join(f"{s.label} ({s.title})" for s in starts) + ".",
    ]
    if ends:
        parts.append("De route kan eindigen bij " + ", ".join(f"{s.label} ({s.title})" for s in ends) + ".")
    parts.append("Onder het schema staat dezelfde informatie als tekst.")
    return " ".join(parts)


def _max_width(viewbox: str) -> int:
    """Natural width in CSS pixels (Graphviz points × 4/3), so small charts are not blown up."""
    try:
        width_pt = float(viewbox.split()[2])
    except (IndexError, ValueError):
        return 800
    return round(width_pt * 4 / 3)


def flowchart_svg(loaded: LoadedRoute, step_url: StepUrl) -> str:
    """The route's flowchart as inline SVG markup: linked nodes, CSS classes, title and desc.

    `step_url` is where a node leads: the step's page on the overview, the step's section
    on the print page (so the PDF's links stay inside the PDF).
    """
    dot = flowchart_dot(loaded, step_url)
    viewbox, body = clean_svg_body(run_graphviz(dot))
    width = _max_width(viewbox)
    svg = render("flowchart.svg.j2", viewbox=viewbox, max_width=width, min_width=round(width * MIN_SCALE),
                 id_prefix=f"rw-flowchart-{loaded.slug}", title=f"Stroomschema: {loaded.route.title}",
                 desc=describe(loaded), body=Markup(body))
    return "\n".join(line for line in svg.splitlines() if line.strip())
