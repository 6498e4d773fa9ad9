"""The route index (`lookup_for(route)`) and the bridge between the typed model and the file.

The lookups replace the dictionaries each renderer built for itself; the never-skip rules
are worked out there once, for the validator (`skipped`) and for the wegwijzer
(`rules_ahead`, which the page's JSON carries so the script only looks it up).
"""

from __future__ import annotations

import pytest

from generator.model import Route, Step
from generator.route_index import lookup_for
from generator.modelpaths import salvage, source_path
from generator.wegwijzer.data import forbidden, rules_data
from generator.wegwijzer.paths import enumerate_paths
from support.routes import loaded, real_routes, route_data, starter_route


def _kempen():
    found = next((r for r in real_routes() if r.slug == "de-kempen"), None)
    if found is None:
        pytest.skip("route de-kempen ontbreekt")
    return found


def test_lookups_match_the_route() -> None:
    route = loaded().route
    lookup = lookup_for(route)
    assert lookup is lookup_for(route)  # built once
    assert list(lookup.steps) == [s.id for s in route.steps]
    assert all(lookup.steps[s.id] is s for s in route.steps)
    assert all(lookup.roles[r.id] is r for r in route.roles)
    assert [lookup.position[s.id] for s in route.steps] == list(range(len(route.steps)))
    assert [lookup.tier_position[t.id] for t in route.tiers] == list(range(len(route.tiers)))


def test_a_copy_with_other_steps_gets_its_own_lookup() -> None:
    route = loaded().route
    assert lookup_for(route).steps  # computed on the original first
    fewer = route.model_copy(update={"steps": route.steps[:1]})
    assert list(lookup_for(fewer).steps) == [route.steps[0].id]
    assert len(lookup_for(route).steps) == len(route.steps)
    assert lookup_for(fewer).route is fewer


def test_the_lookup_is_neither_dumped_nor_compared() -> None:
    one, two = loaded().route, loaded().route
    assert lookup_for(one) is not None
    assert "_lookup" not in one.model_dump() and one == two


def test_skipped_follows_the_graph_and_rules_ahead_the_reading_order() -> None:
    """De Kempen: stap-7 is reached from stap-6 by 'afschalen', so by the graph nobody skips
    stap-3 to get there; the advice still reminds a reader without a current step of it."""
    kempen = _kempen()
    lookup = lookup_for(kempen.route)
    rule = lookup.never_skip["stap-3"]
    assert lookup.skipped(None, "stap-5") == "stap-3"
    assert lookup.skipped("stap-3", "stap-5") is None
    assert lookup.skipped(None, "stap-7") is None
    assert lookup.rules_ahead("stap-7", None) == [rule]
    assert lookup.rules_ahead("stap-3", "stap-2") == [rule]
    assert lookup.rules_ahead("stap-5", "stap-4") == []


@pytest.mark.parametrize("route", real_routes(), ids=[r.slug for r in real_routes()])
def test_the_page_data_holds_exactly_the_rules_python_names(route) -> None:
    """What the script looks up is `forbidden` for every pair it can meet, and nothing else."""
    data = rules_data(route)
    pairs = [(s.id, None) for s in route.route.steps]
    if route.route.wegwijzer:
        pairs += [(p.outcome, p.current) for p in enumerate_paths(route.route.wegwijzer)]
    for outcome, current in pairs:
        shipped = data["ahead"].get(outcome, {}).get(current or "", [])
        assert [data["texts"][i] for i in shipped] == forbidden(route, outcome, current)
    assert all(found for per_current in data["ahead"].values() for found in per_current.values())


def test_the_starter_route_ships_its_rule_for_the_guarded_step() -> None:
    data = rules_data(starter_route())
    assert data["texts"] == [r.text for r in starter_route().route.rules if r.kind.value == "nooit-overslaan"]
    assert data["ahead"] == {"stap-2": {"": [0], "stap-1": [0]}}


def test_source_path_uses_the_model_aliases() -> None:
    assert source_path(("steps", 2, "transitions", 0, "to")) == ("stappen", 2, "overgangen", 0, "naar")
    assert source_path(("wegwijzer", "questions", 1, "answers", 0, "outcome")) == (
        "wegwijzer", "vragen", 1, "antwoorden", 0, "advies")
    assert source_path(("steps", 0, "documents", 1, "by", 2)) == ("stappen", 0, "documenten", 1, "wie", 2)
    for name, info in Step.model_fields.items():
        assert source_path(("steps", 0, name)) == ("stappen", 0, info.alias)
    with pytest.raises(KeyError):
        source_path(("steps", 0, "stappen"))


def test_salvage_keeps_what_validates_and_every_index() -> None:
    data = route_data()
    data["stappen"][0]["samenvating"] = data["stappen"][0].pop("samenvatting")  # a typo: the step fails
    data["stappen"][0]["rollen"][0]["rol"] = "Intern Begeleider"  # not an id: kept as text, for the hint
    data["stappen"].insert(1, "geen stap")  # not a mapping: None, and the later steps keep their index
    data["niveaus"] = []  # breaks min_length, yet is a list
    rescued = salvage(Route, data)
    assert rescued is not None
    assert rescued.tiers == []
    first = rescued.steps[0]
    assert first.summary is None and first.id == data["stappen"][0]["id"]
    assert first.roles[0].role == "Intern Begeleider"
    assert rescued.steps[1] is None
    assert [s.id for s in rescued.steps[2:]] == [s["id"] for s in data["stappen"][2:]]
    assert salvage(Route, ["geen", "route"]) is None
