"""The wegwijzer's free text measured on its development set (issue 13).

The `tune` half guards against regressions: its thresholds are the figures the tuned
ranking reached. The `heldout` half was not looked at while tuning; its thresholds were
fixed before it was first measured, and the measured figures are in BENCHMARKS.md.
"""

from __future__ import annotations


import pytest

from generator.model import LoadedRoute
from generator.wegwijzer.index import build_index, rank, step_fields
from generator.wegwijzer.text import STOPWORDS, words
from wegwijzer_devset import DEVSET, devset, figures
from support.wegwijzer import routes_with_wegwijzer, situations

ROUTES = [r for r in routes_with_wegwijzer() if (DEVSET / f"{r.slug}.yaml").exists()]
IDS = [r.slug for r in ROUTES]

TUNE_MIN = {
    # slug: (top-1, top-3, with confirmation), out of 16 — the tuned figures, as a floor
    "de-kempen": (14, 16, 16),
    "de-springschans": (15, 16, 16),
    "ijssel-berkel": (15, 16, 16),  # 16 before main's route text changes of 1 Dec were merged
    "ondersteuningsniveaus-ppo": (16, 16, 16),
    "stappenplan-rok": (15, 16, 16),  # 14 before the fourth round
}
HELDOUT_MIN = (0.75, 0.875, 0.875)
"""Held-out floors (top-1, top-3, with confirmation) per route, fixed before the first measurement."""


def test_every_real_route_has_a_split_development_set() -> None:
    assert {r.slug for r in ROUTES} >= set(TUNE_MIN)
    for loaded in ROUTES:
        tune, held = devset(loaded.slug, "tune"), devset(loaded.slug, "heldout")
        assert len(tune) + len(held) >= 30 and abs(len(tune) - len(held)) <= 1, loaded.slug
        texts = [c["tekst"] for c in tune + held]
        assert len(set(texts)) == len(texts), loaded.slug
        steps = {s.id for s in loaded.route.steps}
        assert {c["stap"] for c in tune + held} <= steps
        # written from the source's meaning, not copied from the route's recognition phrases
        phrases = {p.lower() for s in loaded.route.steps for p in [*s.phrases, *s.signals]}
        assert not [t for t in texts if t.lower() in phrases]
        assert not set(texts) & {s["tekst"] for s in situations(loaded.slug)}


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_tune_half_does_not_regress(loaded: LoadedRoute) -> None:
    found = figures(loaded, "tune")
    print(f"{loaded.slug} tune: {found['top1']}/{found['n']} {found['top3']}/{found['n']} {found['confirmed']}/{found['n']}")
    want = TUNE_MIN[loaded.slug]
    assert found["top1"] >= want[0] and found["top3"] >= want[1] and found["confirmed"] >= want[2], found["misses"]


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_heldout_half_meets_the_floors_fixed_before_measuring(loaded: LoadedRoute) -> None:
    found = figures(loaded, "heldout")
    n = found["n"]
    print(f"{loaded.slug} heldout: top-1 {found['top1']}/{n}, top-3 {found['top3']}/{n}, "
          f"with confirmation {found['confirmed']}/{n}")
    assert found["top1"] >= HELDOUT_MIN[0] * n
    assert found["top3"] >= HELDOUT_MIN[1] * n
    assert found["confirmed"] >= HELDOUT_MIN[2] * n


def domain_words(loaded: LoadedRoute) -> set[str]:
    """Every word of four letters or more that the route itself uses about its steps and terms."""
    route = loaded.route
    texts = [t for s in route.steps for texts in step_fields(loaded, s).values() for t in texts]
    texts += [t for b in route.blocks for t in (b.title, b.text or "", *[i if isinstance(i, str) else i.text for i in b.items])]
    texts += [t for term in route.terms for t in (term.term, term.meaning)]
    texts += [t for r in route.rules for t in (r.text, *r.items)]
    return {w for t in texts for w in words(t) if len(w) >= 4 and w.isalpha() and w not in STOPWORDS}


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_every_domain_word_alone_gets_a_suggestion(loaded: LoadedRoute) -> None:
    index = build_index(loaded)
    vocabulary = domain_words(loaded)
    assert len(vocabulary) > 150
    silent = sorted(w for w in vocabulary if not rank(index, w))
    assert silent == []
    for word in ("zesmaandenregeling", "logopedie", "revalidatiearts"):
        if word in vocabulary:
            assert rank(index, word), word
