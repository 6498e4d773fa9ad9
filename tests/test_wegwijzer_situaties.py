"""Free-text quality: situations in teachers' and parents' own words find the right step.

Each file in tests/wegwijzer_situaties/ holds situations written from the source
documents, in everyday words, before the route's recognition phrases were read. The
ranking is the same function the browser runs (checked in test_wegwijzer_data.py).
Required per route: the first suggestion right for at least 9 in 10, and the expected
step always among the three shown.
"""

from __future__ import annotations

import pytest

from generator.model import LoadedRoute
from generator.wegwijzer.index import build_index, rank
from support.wegwijzer import SITUATIONS, routes_with_wegwijzer, situations

REAL = ["de-springschans", "ondersteuningsniveaus-ppo", "stappenplan-rok", "ijssel-berkel", "de-kempen"]
ROUTES = [r for r in routes_with_wegwijzer() if r.slug in REAL]


def test_every_real_route_has_at_least_ten_situations() -> None:
    for slug in REAL:
        assert (SITUATIONS / f"{slug}.yaml").exists(), slug
        assert len(situations(slug)) >= 10, slug


def figures(loaded: LoadedRoute) -> tuple[int, int, int, list[str]]:
    """(top-1 hits, top-3 hits, total, misses described) for one route."""
    index = build_index(loaded)
    steps = {s.id for s in loaded.route.steps}
    top1 = top3 = 0
    misses = []
    for case in situations(loaded.slug):
        assert case["stap"] in steps, f"{loaded.slug}: onbekende stap {case['stap']}"
        ranked = [step for step, _ in rank(index, case["tekst"])]
        top1 += ranked[:1] == [case["stap"]]
        top3 += case["stap"] in ranked[:3]
        if ranked[:1] != [case["stap"]]:
            misses.append(f"{case['stap']} <- {ranked[:3]}: {case['tekst']}")
    return top1, top3, len(situations(loaded.slug)), misses


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_first_suggestion_right_nine_in_ten_and_always_in_top_three(loaded: LoadedRoute) -> None:
    top1, top3, total, misses = figures(loaded)
    print(f"{loaded.slug}: top-1 {top1}/{total}, top-3 {top3}/{total}")
    assert top3 == total, misses
    assert top1 * 10 >= total * 9, misses
