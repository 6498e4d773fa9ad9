"""One vocabulary (generator/vocabulary.py): each Dutch word and each group of values once.

Pins the two fixes the vocabulary brought (issue 15): a seventh tier has the same colour
on its badge as in the flowchart, and the overview's arrow phrases no longer depend on the
flowchart's arrow labels.
"""

from __future__ import annotations

import re

import pytest

from generator import vocabulary
from generator.flowchart import flowchart_dot
from generator.model import ParentPart, Responsibility, RouteKind, RuleKind, TransitionKind
from generator.handbook import RouteView
from generator.pages.overview import render_overview
from support.routes import context, handbook_route, loaded, route_data


def _seven_tiers():
    data = route_data()
    data["niveaus"] += [{"id": f"laag-{n}", "naam": f"Laag {n}"} for n in range(3, 8)]
    data["stappen"][-1]["niveau"] = "laag-7"
    return loaded(data)


def test_a_seventh_tier_has_its_flowchart_colour_on_its_badge() -> None:
    route = _seven_tiers()
    step = route.route.steps[-1]
    node = re.search(rf'"{step.id}" \[[^\]]*class="([^"]+)"', flowchart_dot(route, lambda s: f"#{s}"))
    assert node, "geen knoop voor de stap in het stroomschema"
    chart_colour = next(c for c in node.group(1).split() if c.startswith("rw-tier--"))
    assert RouteView(route).tier_class(step.tier) == f"rw-tier {chart_colour}"
    assert chart_colour == "rw-tier--1"  # seven tiers, six colours: the seventh starts again


@pytest.mark.parametrize("position, expected", [(0, "rw-tier--1"), (5, "rw-tier--6"), (6, "rw-tier--1"), (13, "rw-tier--2")])
def test_tier_class_wraps_after_the_colours_css_defines(position: int, expected: str) -> None:
    assert vocabulary.tier_class(position) == expected


def test_rewording_an_arrow_label_leaves_the_overview_phrases_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview's phrases are keyed by the kind of transition, not by the arrow's words."""
    for kind in TransitionKind:
        monkeypatch.setitem(vocabulary.EDGE_WORDS, kind, f"pijl {kind.value}")
    route = handbook_route()
    (page,) = render_overview(route, context(route))
    assert "Opschalen naar" in page.content and "Afschalen naar" in page.content
    assert "pijl opschalen" in flowchart_dot(route, lambda s: f"#{s}")


@pytest.mark.parametrize("words", [
    vocabulary.RESPONSIBILITY_WORDS, vocabulary.RESPONSIBILITY_SYMBOLS,
    vocabulary.TRANSITION_WORDS, vocabulary.EDGE_WORDS, vocabulary.TRANSITION_PHRASES,
    vocabulary.RULE_STYLE, vocabulary.PARENT_PART_WORDS, vocabulary.ROUTE_KIND_NAMES,
], ids=["responsibility", "symbols", "transition", "edge", "phrases", "rules", "parents", "route-kind"])
def test_every_value_of_an_enumeration_has_its_word(words: dict) -> None:
    enum = type(next(iter(words)))
    assert set(words) == set(enum)
    assert all(isinstance(key, enum) for key in words)


def test_the_responsibility_groups_say_what_they_mean() -> None:
    assert set(vocabulary.LEADS_STEP) <= set(vocabulary.IN_CHARGE)
    assert set(vocabulary.LEADS_STEP) <= vocabulary.TALK_TO
    assert Responsibility.INFORMED not in vocabulary.TALK_TO | set(vocabulary.CONTACT_PREFERENCE)
    assert vocabulary.CONTACT_PREFERENCE[0] is Responsibility.CONTACT
    assert vocabulary.PARENT_CONTACT_PREFERENCE[0] == (Responsibility.CONTACT,)
    assert dict((k, kinds) for k, _, kinds in vocabulary.PARENT_GROUPS)["beslissen"] is vocabulary.PARENTS_DECIDE
    assert set(vocabulary.DECIDE_WORDS) == vocabulary.PARENTS_DECIDE
    assert set(ParentPart) == {kind for _, _, kinds in vocabulary.PARENT_GROUPS for kind in kinds}


def test_the_lead_note_names_the_lead_words() -> None:
    view = RouteView(handbook_route())
    assert view.lead_words == "eindverantwoordelijk of regie"
    assert vocabulary.either(["a"]) == "a" and vocabulary.either(["a", "b", "c"]) == "a, b of c"


def test_route_kinds_and_rule_headings_are_plain_words() -> None:
    assert vocabulary.ROUTE_KIND_NAMES[RouteKind.SWV] == "Route van een samenwerkingsverband"
    assert vocabulary.RULE_STYLE[RuleKind.NEVER_SKIP][0] == "warning"


def test_one_rule_says_which_role_is_the_teacher_the_parents_or_the_pupil() -> None:
    """The step page's 'with whom' and the wegwijzer card used to recognise readers differently."""
    assert vocabulary.role_kind("gl", "Groepsleerkracht") == "leerkracht"
    assert vocabulary.role_kind("leerkracht", "Juf of meester") == "leerkracht"
    assert vocabulary.role_kind("verzorgers", "Ouders/verzorgers") == "ouder"
    assert vocabulary.role_kind("kind", "Het kind") == "leerling"
    assert vocabulary.role_kind("kindkrachtspecialist", "Kindkrachtspecialist") == ""
    assert vocabulary.role_kind("collega-leerkracht", "Collega leerkracht") == ""
