"""The wegwijzer pages of a route: the decision aid, the list of all paths, the embed page.

All three come from the same payload (generator/wegwijzer/data.py), so the JavaScript
version, the no-JavaScript version and the authors' overview can never disagree.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..context import SiteContext
from ..links import PageLinks
from ..model import LoadedRoute
from ..route_index import lookup_for
from ..render import render
from ..urls import relative
from ..wegwijzer.card import action_card
from ..wegwijzer.data import forbidden, outcome_data, payload, safe_json, search_data
from ..wegwijzer.paths import enumerate_paths
from .base import GeneratedPage

WEGWIJZER_ORDER = 300
"""Navigation position of the 'Wegwijzer' section within a route."""


def widget_context(loaded: LoadedRoute, context: SiteContext, here: str,
                   search: dict[str, Any] | None = None, embed: bool = False) -> dict[str, Any]:
    """Template values of the widget for the page `here`.

    Every step an answer can lead to gets its action card (generator/wegwijzer/card.py):
    the script shows the part for the reader who asked, the static tree the general one.
    """
    data = payload(loaded, context, here, search)
    outcome_ids = lookup_for(loaded.route).outcomes()
    links = PageLinks(context.layout, loaded.slug, here)
    full = {}
    for step in loaded.route.steps:
        if step.id in outcome_ids:
            data["outcomes"][step.id]["card"] = action_card(loaded, step, links)
            full[step.id] = {**outcome_data(loaded, step, links), "card": data["outcomes"][step.id]["card"],
                             "forbidden": forbidden(loaded, step.id, None)}
    return {
        "embed": embed,
        "data": data,
        "data_json": Markup(safe_json(data)),
        "static": [dict(id=qid, **q) for qid, q in data["questions"].items()],
        # The page without JavaScript lists the never-skip rules with each advice; the script
        # looks them up in data["rules"] (the same `forbidden`, computed for the JSON).
        "outcomes": [full[s.id] for s in loaded.route.steps if s.id in outcome_ids],
        "uid": "rw-ww",
        "route": loaded.route,
    }


def render_wegwijzer_pages(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The wegwijzer, its paths page and its embed page (only for routes with questions)."""
    if loaded.route.wegwijzer is None:
        return []
    layout, slug = context.layout, loaded.slug
    main, paths, embed = layout.wegwijzer(slug), layout.paths(slug), layout.embed(slug)
    search = search_data(loaded)
    page = render("wegwijzer/page.md.j2", publish_url=relative(main, layout.publish(slug)),
                  **widget_context(loaded, context, main, search))
    embed_page = render("wegwijzer/embed.md.j2", page_url=relative(embed, main),
                        **widget_context(loaded, context, embed, search, embed=True))
    return [
        GeneratedPage(src_uri=main, content=page, title="Wegwijzer", nav_section=("Wegwijzer",), order=WEGWIJZER_ORDER),
        GeneratedPage(src_uri=paths, content=render_paths(loaded, context), title="Alle paden",
                      nav_section=("Wegwijzer",), order=WEGWIJZER_ORDER + 1),
        GeneratedPage(src_uri=embed, content=embed_page),
    ]


def render_paths(loaded: LoadedRoute, context: SiteContext) -> str:
    """The 'Alle paden' page: every path with its answers and its advice."""
    here = context.layout.paths(loaded.slug)
    links = PageLinks(context.layout, loaded.slug, here)
    outcomes = {s.id: outcome_data(loaded, s, links) for s in loaded.route.steps}
    aid = loaded.route.wegwijzer
    assert aid is not None
    steps = lookup_for(loaded.route).steps
    rows = []
    for path in enumerate_paths(aid):
        rows.append({
            "code": path.code,
            "choices": [(c.question.text, c.answer.text) for c in path.choices],
            "outcome": outcomes[path.outcome],
            "current": steps[path.current].name if path.current in steps else "",
            "reasons": [c.answer.reason for c in path.choices if c.answer.reason],
            "forbidden": forbidden(loaded, path.outcome, path.current),
        })
    excluded = [(outcomes[e.step], e.reason) for e in aid.excluded if e.step in outcomes]
    return render("wegwijzer/paden.md.j2", route=loaded.route, paths=rows, excluded=excluded,
                  wegwijzer_url=links.page(context.layout.wegwijzer(loaded.slug)))
