"""The wegwijzer measured on situations written by someone who never saw the routes (issue 13).

tests/wegwijzer_toetsset/ holds 40 situations per route, written on 2 Dec 2026 from the five
source documents only: the writer saw neither the routes' herkenning phrases nor the ranking
nor the earlier situation sets. They were split alternately before anyone measured them:
`tune` (looked at while improving the ranking) and `heldout` (measured once, after the work,
and never looked at sentence by sentence). The floors below were fixed before that
measurement: the figures main's ranking reached on the held-out half before the work began.
The measured figures are in BENCHMARKS.md; the issue's target is 90 % top-1 per route.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import LoadedRoute
from support.wegwijzer import routes_with_wegwijzer
from wegwijzer_devset import devset, figures

TOETSSET = Path(__file__).resolve().parent / "wegwijzer_toetsset"
ROUTES = [r for r in routes_with_wegwijzer() if (TOETSSET / f"{r.slug}.yaml").exists()]
IDS = [r.slug for r in ROUTES]

HELDOUT_MIN = (0.80, 0.90, 0.90)
"""Floors (top-1, top-3, with confirmation) per route, fixed before the held-out half was measured."""


def test_every_real_route_has_an_independent_set() -> None:
    assert len(ROUTES) == 5
    for loaded in ROUTES:
        tune, held = devset(loaded.slug, "tune", TOETSSET), devset(loaded.slug, "heldout", TOETSSET)
        assert len(tune) == len(held) == 20, loaded.slug
        assert {c["stap"] for c in tune + held} <= {s.id for s in loaded.route.steps}


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_heldout_half_meets_the_floors(loaded: LoadedRoute) -> None:
    found = figures(loaded, "heldout", TOETSSET)
    n = found["n"]
    print(f"{loaded.slug} toetsset heldout: top-1 {found['top1']}/{n}, top-3 {found['top3']}/{n}, "
          f"with confirmation {found['confirmed']}/{n}")
    assert found["top1"] >= HELDOUT_MIN[0] * n
    assert found["top3"] >= HELDOUT_MIN[1] * n
    assert found["confirmed"] >= HELDOUT_MIN[2] * n


TUNE_MIN = {
    # slug: (top-1, top-3, with confirmation) out of 20 — what the tuned ranking reached, as a floor
    "de-kempen": (19, 20, 20),
    "de-springschans": (19, 20, 20),
    "ijssel-berkel": (18, 19, 19),
    "ondersteuningsniveaus-ppo": (17, 19, 19),
    "stappenplan-rok": (19, 20, 20),
}


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_tune_half_does_not_regress(loaded: LoadedRoute) -> None:
    found = figures(loaded, "tune", TOETSSET)
    want = TUNE_MIN[loaded.slug]
    assert found["top1"] >= want[0] and found["top3"] >= want[1] and found["confirmed"] >= want[2], found["misses"]
