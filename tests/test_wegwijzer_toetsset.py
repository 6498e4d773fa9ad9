"""The wegwijzer measured on situations written by someone who never saw the routes (issue 13).

tests/wegwijzer_toetsset/ holds 40 situations per route, written on 2 Dec 2026 from the five
source documents only: the writer saw neither the routes' herkenning phrases nor the ranking
nor the earlier situation sets. They were split alternately before anyone measured them:
`tune` (looked at while improving the ranking) and `heldout` (measured once, after the work,
and never looked at sentence by sentence). The floors below were fixed before that
measurement: the figures main's ranking reached on the held-out half before the work began.
The measured figures are in BENCHMARKS.md; the issue's target is 90 % top-1 per route.

tests/wegwijzer_toetsset2/ is a second set of the same kind (40 per route, tune/heldout),
written later the same day by another writer under the same rules, so that a later round
of tuning had other people's phrasings to learn from and a held-out half nobody had measured.
Its floors were fixed before its first measurement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import LoadedRoute
from support.wegwijzer import routes_with_wegwijzer
from wegwijzer_devset import devset, figures

HERE = Path(__file__).resolve().parent
SETS = {"toetsset": HERE / "wegwijzer_toetsset", "toetsset2": HERE / "wegwijzer_toetsset2"}
ROUTES = [r for r in routes_with_wegwijzer() if (SETS["toetsset"] / f"{r.slug}.yaml").exists()]
IDS = [r.slug for r in ROUTES]

HELDOUT_MIN = {"toetsset": (0.80, 0.90, 0.90), "toetsset2": (0.70, 0.85, 0.85)}
"""Floors (top-1, top-3, with confirmation) per route, each fixed before its held-out half was
first measured."""


@pytest.mark.parametrize("name", list(SETS))
def test_every_real_route_has_an_independent_set(name: str) -> None:
    assert len(ROUTES) == 5
    for loaded in ROUTES:
        tune, held = devset(loaded.slug, "tune", SETS[name]), devset(loaded.slug, "heldout", SETS[name])
        assert len(tune) == len(held) == 20, loaded.slug
        assert {c["stap"] for c in tune + held} <= {s.id for s in loaded.route.steps}


@pytest.mark.parametrize("name", list(SETS))
@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_heldout_half_meets_the_floors(loaded: LoadedRoute, name: str) -> None:
    found = figures(loaded, "heldout", SETS[name])
    n, floors = found["n"], HELDOUT_MIN[name]
    print(f"{loaded.slug} {name} heldout: top-1 {found['top1']}/{n}, top-3 {found['top3']}/{n}, "
          f"with confirmation {found['confirmed']}/{n}")
    assert found["top1"] >= floors[0] * n
    assert found["top3"] >= floors[1] * n
    assert found["confirmed"] >= floors[2] * n


TUNE_MIN = {
    # set: {slug: (top-1, top-3, with confirmation) out of 20} — what the ranking reached, as a floor
    "toetsset": {
        "de-kempen": (19, 20, 20),
        "de-springschans": (19, 20, 20),
        "ijssel-berkel": (18, 19, 19),
        "ondersteuningsniveaus-ppo": (17, 19, 19),
        "stappenplan-rok": (19, 20, 20),
    },
    "toetsset2": {  # measured untuned at the start of the fourth round (2 Dec 2026); unchanged after it
        "de-kempen": (17, 19, 19),
        "de-springschans": (18, 20, 20),
        "ijssel-berkel": (17, 20, 20),
        "ondersteuningsniveaus-ppo": (18, 20, 20),
        "stappenplan-rok": (18, 19, 19),
    },
}


@pytest.mark.parametrize("name", list(SETS))
@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_tune_half_does_not_regress(loaded: LoadedRoute, name: str) -> None:
    found = figures(loaded, "tune", SETS[name])
    want = TUNE_MIN[name][loaded.slug]
    assert found["top1"] >= want[0] and found["top3"] >= want[1] and found["confirmed"] >= want[2], found["misses"]
