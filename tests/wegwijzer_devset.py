"""The wegwijzer's development set (tests/wegwijzer_ontwikkelset/) and how it is measured.

Each route's file holds a `tune` half (the ranking was tuned on it) and a `heldout` half
(never looked at while tuning). The split was made before tuning: alternate situations.
Measuring "with the confirming question" runs the browser's own functions in node: the
person answers the confirming question truthfully (an answer that can lead to their step)
until the wegwijzer names one step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from generator.model import LoadedRoute
from generator.context import SiteContext
from generator.wegwijzer.data import payload
from generator.wegwijzer.index import build_index, rank
from support.routes import site_routes as real_routes
from support.wegwijzer import run_node

DEVSET = Path(__file__).resolve().parent / "wegwijzer_ontwikkelset"

SIMULATE = """
const data = input.data;
console.log(JSON.stringify(input.cases.map((c) => {
  const ranked = ww.rank(c.tekst, data.search);
  let candidates = ww.candidatesOf(ranked, data.search);
  let qid = ww.separatingQuestion(data, candidates);
  let outcome = qid ? null : (candidates[0] || {}).id || null;
  for (let asked = 0; qid && asked < 8; asked++) {
    const index = ww.reachable(data)[qid].findIndex((steps) => steps.includes(c.stap));
    if (index < 0) break;
    const next = ww.afterAnswer(data, candidates, qid, index);
    if (next.outcome) { outcome = next.outcome; break; }
    qid = next.qid;
    candidates = next.candidates;
  }
  return outcome;
})));
"""


def devset(slug: str, part: str, folder: Path = DEVSET) -> list[dict[str, str]]:
    """One half ('tune' or 'heldout') of a route's set in `folder`; empty without a file."""
    path = folder / f"{slug}.yaml"
    if not path.exists():
        return []
    return [{"tekst": str(c["tekst"]), "stap": str(c["stap"])} for c in yaml.safe_load(path.read_text())[part]]


@lru_cache(maxsize=None)
def route_payload(slug: str) -> dict:
    """The wegwijzer payload the route's page ships."""
    context = SiteContext(routes=real_routes())
    loaded = next(r for r in real_routes() if r.slug == slug)
    return payload(loaded, context, context.route_dir(slug) + "wegwijzer/index.md")


def figures(loaded: LoadedRoute, part: str, folder: Path = DEVSET) -> dict[str, object]:
    """Top-1, top-3 and with-confirmation counts on one half, and the misses described."""
    cases = devset(loaded.slug, part, folder)
    index = build_index(loaded)
    confirmed = run_node(SIMULATE, {"data": route_payload(loaded.slug), "cases": cases})
    top1 = top3 = ok = 0
    misses = []
    for case, outcome in zip(cases, confirmed):
        ranked = [step for step, _ in rank(index, case["tekst"])]
        top1 += ranked[:1] == [case["stap"]]
        top3 += case["stap"] in ranked[:3]
        ok += outcome == case["stap"]
        if ranked[:1] != [case["stap"]] or outcome != case["stap"]:
            misses.append(f"{case['stap']} <- {ranked[:3]} / {outcome}: {case['tekst']}")
    return {"n": len(cases), "top1": top1, "top3": top3, "confirmed": ok, "misses": misses}
