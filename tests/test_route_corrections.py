"""The structure corrections of issue 11, pinned so they cannot silently come back.

Each test names the source sentence the corrected structure rests on.
"""

from __future__ import annotations

from pathlib import Path

from generator.load import load_route
from generator.model import LoadedRoute, Responsibility, Step

ROUTES = Path(__file__).resolve().parent.parent / "routes"


def _step(loaded: LoadedRoute, step_id: str) -> Step:
    return next(s for s in loaded.route.steps if s.id == step_id)


def _targets(slug: str, step: str) -> list[str]:
    return [t.to for t in _step(load_route(ROUTES / f"{slug}.yaml"), step).transitions]


def test_ijssel_berkel_5a_then_5b_and_5a_also_from_stap_3() -> None:
    """"Ook deze aanvraag verloopt via het ondersteuningsteam op school": 5A (TLV) comes
    before 5B (ondersteuning or plaatsing), both speciale ondersteuning."""
    loaded = load_route(ROUTES / "ijssel-berkel.yaml")
    assert "stap-5a" in _targets("ijssel-berkel", "stap-3")
    assert _targets("ijssel-berkel", "stap-5a") == ["stap-5b"]
    assert "stap-5b" not in _targets("ijssel-berkel", "stap-4")
    assert _step(loaded, "stap-5b").tier == _step(loaded, "stap-5a").tier == "speciaal"
    plain = _step(loaded, "stap-5b").parents.plain  # type: ignore[union-attr]
    assert "toelaatbaarheidsverklaring" in plain


def test_springschans_outcome_3_is_a_new_ot_and_ib_not_final_for_fase_4() -> None:
    """"In een volgend OT worden opties verkend als een ander arrangement, een andere
    basisschool of gespecialiseerd onderwijs"; the IB-er is eindverantwoordelijk only "voor
    een goede en volledige dossiervorming"."""
    loaded = load_route(ROUTES / "de-springschans.yaml")
    assert "fase-6" not in _targets("de-springschans", "fase-5")
    assert "fase-4" in _targets("de-springschans", "fase-5")
    assert "fase-6" in _targets("de-springschans", "fase-4")
    assert not [p for p in _step(loaded, "fase-4").roles if p.responsibility is Responsibility.FINAL]
    aid = loaded.route.wegwijzer
    assert aid is not None
    outcomes = {a.text: a.outcome for q in aid.questions for a in q.answers}
    assert outcomes["De extra ondersteuning overstijgt wat de school kan"] == "fase-4"


def test_de_kempen_no_invented_responsibility_and_free_start() -> None:
    """The source names nobody verantwoordelijk before stap 4 or at stap 6; CCT only "indien
    passend"; "Stappenplan hoeft niet stapsgewijs doorlopen te worden"."""
    loaded = load_route(ROUTES / "de-kempen.yaml")
    for step in ("beginsituatie", "stap-1", "stap-2", "stap-3", "stap-6", "stap-7"):
        assert not [p.role for p in _step(loaded, step).roles if p.responsibility is Responsibility.RESPONSIBLE], step
    cct = next(p for p in _step(loaded, "stap-6").roles if p.role == "cct")
    assert cct.condition and "indien passend" in cct.condition
    assert {"stap-1", "stap-2", "stap-3"} <= set(_targets("de-kempen", "beginsituatie"))
    backs = [t for s in ("stap-4", "stap-5") for t in _step(loaded, s).transitions if t.kind.value == "afschalen"]
    assert backs and all(t.derived for t in backs)
    for step in ("stap-6", "stap-7"):
        plain = _step(loaded, step).parents.plain  # type: ignore[union-attr]
        assert "CEO" in plain, step
    assert "12 jaar" in _step(loaded, "stap-7").parents.plain  # type: ignore[operator]


def test_rok_vooroverleg_with_both_and_jeugdhulp_regie_with_its_condition() -> None:
    loaded = load_route(ROUTES / "stappenplan-rok.yaml")
    jeugdhulp = next(p for p in _step(loaded, "zorgoverleg").roles if p.role == "jeugdhulp")
    assert jeugdhulp.condition and "grote beïnvloedbare factor in de thuissituatie" in jeugdhulp.condition
    plain = " ".join(_step(loaded, "basisondersteuning-school").parents.plain.split())  # type: ignore[union-attr]
    assert "met de schoolbegeleider en de onderwijskundig medewerker" in plain
    assert "overlegt de schoolbegeleider eerst" not in plain
