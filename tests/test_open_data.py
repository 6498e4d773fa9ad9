"""Open data: route.json per route, routes.json, and the published JSON Schema.

The JSON must be the route file itself (same Dutch keys), validate against the schema that
is committed in the repo and published on the site, and `routewijzer export` must write
byte-for-byte what the site publishes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.cli import main
from generator.load import load_routes
from generator.model import Route
from generator.context import SiteContext
from generator.pages.open_data import export_files, route_data
from generator.schema import route_schema
from generator.yamlsource import read_source
ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "generator" / "templates" / "starter.yaml"
COMMITTED_SCHEMA = ROOT / "schema" / "route.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/route.schema.json"
ROUTES, PROBLEMS = load_routes([ROOT / "routes"])


def test_routes_load() -> None:
    assert PROBLEMS == []
    assert ROUTES, "geen routes in routes/"


def test_committed_schema_is_the_generated_schema() -> None:
    """Regenerate with: routewijzer schema -o schema/route.schema.json"""
    expected = json.dumps(route_schema(), ensure_ascii=False, indent=2) + "\n"
    assert COMMITTED_SCHEMA.read_text(encoding="utf-8") == expected


def test_cli_schema_writes_the_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "route.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_bytes() == COMMITTED_SCHEMA.read_bytes()


@pytest.mark.parametrize("path", [*sorted((ROOT / "routes").glob("[!z]*.yaml")), STARTER], ids=lambda p: p.name)
def test_route_file_points_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE
    # The relative reference resolves from routes/ to the committed file.
    assert (ROOT / "routes" / "../schema/route.schema.json").resolve() == COMMITTED_SCHEMA.resolve()


def _contains(big: Any, small: Any, where: str = "") -> None:
    """Every key and value of the route file is in the JSON, at the same place."""
    if isinstance(small, dict):
        assert isinstance(big, dict), where
        for key, value in small.items():
            assert key in big, f"sleutel {where}.{key} ontbreekt in route.json"
            _contains(big[key], value, f"{where}.{key}")
    elif isinstance(small, list):
        assert isinstance(big, list) and len(big) == len(small), where
        for index, (b, s) in enumerate(zip(big, small)):
            _contains(b, s, f"{where}[{index}]")
    elif isinstance(small, str):
        assert big == small.strip(), where
    else:
        assert big == small, where


@pytest.mark.parametrize("loaded", ROUTES, ids=lambda r: r.slug)
def test_route_json_is_the_route_file_with_dutch_keys(loaded: Any, built_site: Path) -> None:
    published = json.loads((built_site / loaded.slug / "route.json").read_text(encoding="utf-8"))
    raw = read_source(Path(loaded.path).read_bytes() if Path(loaded.path).is_absolute()
                      else (ROOT / loaded.path).read_bytes(), loaded.path).data
    _contains(published, raw)
    assert published == route_data(loaded)
    # Round trip: the JSON is a valid route file again, equal to the original.
    assert Route.model_validate(published) == loaded.route
    assert "stappen" in published and "steps" not in published


@pytest.mark.parametrize("loaded", ROUTES, ids=lambda r: r.slug)
def test_route_json_validates_against_the_published_schema(loaded: Any, built_site: Path) -> None:
    schema = json.loads((built_site / "schema" / "route.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8"))
    data = json.loads((built_site / loaded.slug / "route.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(data)) == []
    # The validator really checks: a missing title or an unknown key is reported.
    broken = {k: v for k, v in data.items() if k != "titel"}
    assert any("titel" in e.message for e in validator.iter_errors(broken))
    assert not validator.is_valid({**data, "onbekend": 1})


def test_index_lists_every_route_with_working_urls(built_site: Path) -> None:
    index = json.loads((built_site / "routes.json").read_text(encoding="utf-8"))
    assert index["schema"] == "schema/route.schema.json"
    assert (built_site / index["schema"]).is_file()
    assert [e["slug"] for e in index["routes"]] == [r.slug for r in ROUTES]
    for entry, loaded in zip(index["routes"], ROUTES):
        route = loaded.route
        assert entry == {
            "slug": loaded.slug, "titel": route.title, "organisatie": route.organisation.name,
            "versie": route.version, "datum": route.date,
            "json": f"{loaded.slug}/route.json", "handboek": f"{loaded.slug}/",
        }
        assert (built_site / entry["json"]).is_file()
        assert (built_site / entry["handboek"] / "index.html").is_file()


def test_export_writes_what_the_site_publishes(tmp_path: Path, built_site: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "od"
    assert main(["export", str(ROOT / "routes"), "--map", str(out)]) == 0
    assert "geëxporteerd" in capsys.readouterr().out
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    expected = sorted(export_files(SiteContext(routes=tuple(ROUTES))))
    assert written == expected
    for relative in written:
        assert (out / relative).read_bytes() == (built_site / relative).read_bytes(), relative


def test_export_refuses_bad_routes_in_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "routes" / "kapot.yaml"
    bad.parent.mkdir()
    bad.write_text("titel: [\n", encoding="utf-8")
    assert main(["export", str(bad.parent), "--map", str(tmp_path / "od")]) == 1
    err = capsys.readouterr().err
    assert "kapot.yaml:" in err and "Niets geëxporteerd" in err and "Traceback" not in err
    assert not (tmp_path / "od").exists()
    assert main(["export", str(tmp_path / "bestaat-niet")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
