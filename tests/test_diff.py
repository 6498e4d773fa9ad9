"""`routewijzer diff`: real edits of the real routes give exactly the expected Dutch lines.

Each test takes a route from routes/, makes the kind of edit an author makes between two
ondersteuningsplan periods (through the route's own data or by editing the YAML text),
and checks the summary line by line.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, Callable

import pytest

from generator.cli import main
from generator.diff import Change, diff_routes, render_changes
from generator.load import load_route
from generator.model import LoadedRoute, Route

from support.routes import real_routes

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted(p for p in (ROOT / "routes").glob("*.yaml") if not p.name.startswith("zz-"))
LOADED = list(real_routes())


def edit(route: Route, change: Callable[[dict[str, Any]], None]) -> Route:
    """A copy of the route after an edit of its data, exactly as if the YAML had been edited."""
    data = copy.deepcopy(route.model_dump(by_alias=True, mode="json", exclude_none=True))
    change(data)
    return Route.model_validate(data)


def rename_step(d: dict[str, Any], old_id: str, new_id: str) -> None:
    """Give a step a new id and update every place that refers to it, as an author would."""
    next(s for s in d["stappen"] if s["id"] == old_id)["id"] = new_id
    for step in d["stappen"]:
        for t in step.get("overgangen", []):
            if t["naar"] == old_id:
                t["naar"] = new_id
    for rule in d.get("regels", []):
        if rule.get("stap") == old_id:
            rule["stap"] = new_id
    for q in (d.get("wegwijzer") or {}).get("vragen", []):
        for a in q["antwoorden"]:
            for key in ("advies", "huidige-stap"):
                if a.get(key) == old_id:
                    a[key] = new_id
    for ex in (d.get("wegwijzer") or {}).get("uitgesloten", []):
        if ex["stap"] == old_id:
            ex["stap"] = new_id


def lines(old: Route, new: Route) -> list[str]:
    return [f"{c.section}: {c.text}" for c in diff_routes(old, new)]


routes = pytest.mark.parametrize("loaded", LOADED, ids=lambda r: r.slug)


def test_there_are_real_routes() -> None:
    assert len(LOADED) >= 4


@routes
def test_same_route_has_no_differences(loaded: LoadedRoute, capsys: pytest.CaptureFixture[str]) -> None:
    assert diff_routes(loaded.route, loaded.route) == []
    assert main(["diff", loaded.path, loaded.path]) == 0
    assert capsys.readouterr().out == "Geen verschillen.\n"


@routes
def test_new_version_with_changelog(loaded: LoadedRoute) -> None:
    r = loaded.route

    def change(d: dict[str, Any]) -> None:
        d["versie"] = "9.1"
        d["datum"] = "2030-08-01"
        d["bron"]["titel"] = "Nieuwe brontitel"
        d["wijzigingen"].append({"versie": "9.1", "datum": "2030-08-01", "tekst": "Nieuw ondersteuningsplan."})

    assert lines(r, edit(r, change)) == [
        f"Algemeen: versie '{r.version}' → '9.1'",
        f"Algemeen: datum '{r.date}' → '2030-08-01'",
        f"Algemeen: bron titel '{r.source.title}' → 'Nieuwe brontitel'",
        "Algemeen: nieuw in wijzigingen: versie 9.1 (2030-08-01): Nieuw ondersteuningsplan.",
    ]


@routes
def test_step_renamed_with_same_id(loaded: LoadedRoute) -> None:
    r = loaded.route
    step = r.steps[1]

    def change(d: dict[str, Any]) -> None:
        d["stappen"][1]["titel"] = "Een nieuwe titel"
        d["stappen"][1]["label"] = "Nieuw label"

    assert lines(r, edit(r, change)) == [
        f"Stappen: Nieuw label: label '{step.label}' → 'Nieuw label'",
        f"Stappen: Nieuw label: titel '{step.title}' → 'Een nieuwe titel'",
    ]


@routes
def test_step_id_changed_is_one_step_with_a_new_id(loaded: LoadedRoute) -> None:
    """Renaming an id (and every reference to it) is reported once, not as remove + add."""
    r = loaded.route
    old_id = r.steps[1].id
    new_id = f"{old_id}-nieuw"

    def change(d: dict[str, Any]) -> None:
        rename_step(d, old_id, new_id)

    assert lines(r, edit(r, change)) == [
        f"Stappen: {r.steps[1].label}: id {old_id} → {new_id} (herkend aan de inhoud)"]


@routes
def test_step_removed_and_added(loaded: LoadedRoute) -> None:
    r = loaded.route

    def change(d: dict[str, Any]) -> None:
        d["stappen"].append({
            "id": "stap-nieuw", "label": "Stap 99", "titel": "Evaluatie met het bestuur",
            "niveau": d["niveaus"][0]["id"], "eind": True,
            "samenvatting": "Het bestuur evalueert de route.",
        })

    new = edit(r, change)
    assert lines(r, new) == ["Stappen: stap toegevoegd: Stap 99 (stap-nieuw) 'Evaluatie met het bestuur'"]
    assert lines(new, r) == ["Stappen: stap verwijderd: Stap 99 (stap-nieuw) 'Evaluatie met het bestuur'"]


@routes
def test_tier_change(loaded: LoadedRoute) -> None:
    r = loaded.route
    step = r.steps[0]
    other = next(t for t in r.tiers if t.id != step.tier) if len(r.tiers) > 1 else None
    if other is None:
        pytest.fail("route met één niveau: de test kiest een ander niveau")
    old_name = next(t.name for t in r.tiers if t.id == step.tier)

    def change(d: dict[str, Any]) -> None:
        d["stappen"][0]["niveau"] = other.id

    assert lines(r, edit(r, change)) == [f"Stappen: {step.label}: niveau {old_name} → {other.name}"]


def _first_step_with_roles(r: Route) -> int:
    return next(i for i, s in enumerate(r.steps) if len(s.roles) >= 1)


@routes
def test_responsibility_moved(loaded: LoadedRoute) -> None:
    """A role gets another responsibility; another role is added; one is removed."""
    r = loaded.route
    i = _first_step_with_roles(r)
    step = r.steps[i]
    part = step.roles[0]
    new_resp = "wordt-geinformeerd" if part.responsibility.value != "wordt-geinformeerd" else "regie"
    present = {p.role for p in step.roles}
    absent = next(role for role in r.roles if role.id not in present)
    names = {role.id: role.name for role in r.roles}

    def change(d: dict[str, Any]) -> None:
        d["stappen"][i]["rollen"][0]["verantwoordelijkheid"] = new_resp
        d["stappen"][i]["rollen"].append({"rol": absent.id, "verantwoordelijkheid": "eindverantwoordelijk"})

    new = edit(r, change)
    assert lines(r, new) == [
        f"Stappen: {step.label}: {names[part.role]} van {part.responsibility.value} naar {new_resp}",
        f"Stappen: {step.label}: rol {absent.name} toegevoegd (eindverantwoordelijk)",
    ]
    assert lines(new, r) == [
        f"Stappen: {step.label}: {names[part.role]} van {new_resp} naar {part.responsibility.value}",
        f"Stappen: {step.label}: rol {absent.name} verwijderd (was eindverantwoordelijk)",
    ]


@routes
def test_document_deadline_and_new_document(loaded: LoadedRoute) -> None:
    r = loaded.route
    i, j = next((i, j) for i, s in enumerate(r.steps) for j, u in enumerate(s.documents))
    step, use = r.steps[i], r.steps[i].documents[j]
    name = next(d.name for d in r.documents if d.id == use.document)
    before = f"'{use.deadline}'" if use.deadline else "(leeg)"

    def change(d: dict[str, Any]) -> None:
        d["stappen"][i]["documenten"][j]["termijn"] = "binnen tien schooldagen"
        d["stappen"][i]["termijnen"] = d["stappen"][i].get("termijnen", []) + ["Uiterlijk 1 oktober."]

    assert lines(r, edit(r, change)) == [
        f"Stappen: {step.label}: termijn voor {name}: {before} → 'binnen tien schooldagen'",
        f"Stappen: {step.label}: termijnen: 1 toegevoegd",
    ]


@routes
def test_transition_changed_added_removed(loaded: LoadedRoute) -> None:
    r = loaded.route
    i = next(i for i, s in enumerate(r.steps) if len({t.to for t in s.transitions}) == len(s.transitions)
             and s.transitions)
    step = r.steps[i]
    first = step.transitions[0]
    labels = {s.id: s.label for s in r.steps}
    target = next(s for s in r.steps if s.id != step.id and s.id not in {t.to for t in step.transitions})

    def change(d: dict[str, Any]) -> None:
        d["stappen"][i]["overgangen"][0]["voorwaarde"] = "Als het team dat besluit."
        d["stappen"][i]["overgangen"].append({"naar": target.id, "soort": "terug", "voorwaarde": "Bij twijfel."})

    new = edit(r, change)
    assert lines(r, new) == [
        f"Stappen: {step.label}: overgang naar {labels[first.to]}: voorwaarde '{first.condition}' → "
        "'Als het team dat besluit.'",
        f"Stappen: {step.label}: overgang naar {target.label} toegevoegd (terug): Bij twijfel.",
    ]
    assert f"Stappen: {step.label}: overgang naar {target.label} verwijderd (terug)" in lines(new, r)


@routes
def test_rules_changed(loaded: LoadedRoute) -> None:
    r = loaded.route

    def change(d: dict[str, Any]) -> None:
        if d.get("regels"):
            d["regels"][0]["tekst"] = "Een aangepaste regel."
        d.setdefault("regels", []).append({"id": "nieuwe-regel", "soort": "algemeen", "tekst": "Altijd overleggen."})

    expected = ["Regels: regel toegevoegd: nieuwe-regel ('Altijd overleggen.')"]
    if r.rules:
        expected.append(f"Regels: regel {r.rules[0].id}: tekst '{r.rules[0].text}' → 'Een aangepaste regel.'")
    assert lines(r, edit(r, change)) == expected


@routes
def test_wegwijzer_changes_are_summarised(loaded: LoadedRoute) -> None:
    r = loaded.route
    assert r.wegwijzer is not None
    qi, ai = next((qi, ai) for qi, q in enumerate(r.wegwijzer.questions)
                  for ai, a in enumerate(q.answers) if a.outcome)
    q = r.wegwijzer.questions[qi]
    answer = q.answers[ai]
    other = next(s.id for s in r.steps if s.id != answer.outcome
                 and s.id not in {e.step for e in r.wegwijzer.excluded})

    def change(d: dict[str, Any]) -> None:
        d["wegwijzer"]["vragen"][qi]["vraag"] = "Een nieuwe vraag?"
        d["wegwijzer"]["vragen"][qi]["antwoorden"][ai]["advies"] = other

    assert lines(r, edit(r, change)) == [
        f"Wegwijzer: vraag {q.id}: tekst '{q.text}' → 'Een nieuwe vraag?'",
        f"Wegwijzer: vraag {q.id}: advies bij '{answer.text}': {answer.outcome} → {other}",
    ]


@routes
def test_other_step_text_is_not_missed(loaded: LoadedRoute) -> None:
    r = loaded.route

    def change(d: dict[str, Any]) -> None:
        d["stappen"][0]["samenvatting"] = "Anders samengevat."
        d["stappen"][0]["opmerkingen"] = d["stappen"][0].get("opmerkingen", []) + ["Let op: nieuw."]

    assert lines(r, edit(r, change)) == [
        f"Stappen: {r.steps[0].label}: samenvatting gewijzigd",
        f"Stappen: {r.steps[0].label}: opmerkingen: 1 toegevoegd",
    ]


def test_render_groups_sections_in_order() -> None:
    changes = [Change("Algemeen", "versie '1.0' → '1.1'"), Change("Stappen", "a"), Change("Stappen", "b")]
    assert render_changes(changes) == "Algemeen:\n- versie '1.0' → '1.1'\n\nStappen:\n- a\n- b\n"
    assert render_changes([]) == "Geen verschillen.\n"


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_cli_on_a_yaml_text_edit(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The way authors work: copy the file, edit the text, compare."""
    text = path.read_text(encoding="utf-8")
    loaded = load_route(path)
    old_version = loaded.route.version
    edited, count = re.subn(r'(?m)^versie: .*$', 'versie: "77.0"', text)
    assert count == 1
    old_file = tmp_path / "route-v1.0.yaml"  # any file name works for an old version
    new_file = tmp_path / "nieuw.yaml"
    old_file.write_text(text, encoding="utf-8")
    new_file.write_text(edited, encoding="utf-8")
    assert main(["diff", str(old_file), str(new_file)]) == 0
    assert capsys.readouterr().out == f"Algemeen:\n- versie '{old_version}' → '77.0'\n"


def test_cli_bad_file_is_a_dutch_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text(REAL[0].read_text(encoding="utf-8").replace("\nstappen:", "\nstappen: [", 1), encoding="utf-8")
    assert main(["diff", str(REAL[0]), str(bad)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"kapot\.yaml:\d+:\d+: ", err)
    assert "Niet vergeleken" in err and "Traceback" not in err
    assert main(["diff", str(tmp_path / "weg.yaml"), str(REAL[0])]) == 1
    assert "weg.yaml:1:1: het bestand kan niet gelezen worden" in capsys.readouterr().err



@routes
def test_step_id_and_some_text_changed_is_still_recognised(loaded: LoadedRoute) -> None:
    """A new id plus a small edit is one changed step, not a removed and an added one."""
    r = loaded.route
    i = max(range(len(r.steps)), key=lambda n: len(r.steps[n].model_dump_json()))  # the richest step
    step = r.steps[i]

    def change(d: dict[str, Any]) -> None:
        rename_step(d, step.id, "andere-id")
        d["stappen"][i]["samenvatting"] = "Een nieuwe samenvatting."

    assert lines(r, edit(r, change)) == [
        f"Stappen: {step.label}: id {step.id} → andere-id (herkend aan de inhoud)",
        f"Stappen: {step.label}: samenvatting gewijzigd",
    ]
