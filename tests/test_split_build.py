"""The split build (issue 14): parts built apart — as separate jobs would on other machines —
merge into exactly the site one `mkdocs build` makes; bad input gives Dutch messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.site import config_for_routes, tree_hashes
from conftest import ROOT, build_site

FOUR = sorted(p.name for p in (ROOT / "routes").glob("*.yaml"))[:4]
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200", "NO_MKDOCS_2_WARNING": "1"}


def routewijzer(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line as a CI job runs it: a fresh process per call."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          env=ENV, timeout=600)


@pytest.fixture(scope="module")
def four_routes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vier-routes")
    assert len(FOUR) == 4
    for name in FOUR:
        shutil.copy(ROOT / "routes" / name, folder / name)
    return folder


def test_two_halves_built_apart_merge_into_the_one_go_site(four_routes: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", ENV["SOURCE_DATE_EPOCH"])
    with config_for_routes(four_routes) as config:
        one_go = build_site(tmp_path / "in-een-keer", config)
        assert one_go.returncode == 0, one_go.stderr
        # Each half as its own job with its own (empty) cache, as on two machines.
        for number in (1, 2):
            half = routewijzer("build", "-f", str(config), "--deel", f"{number}/2", "-d", str(tmp_path / f"deel-{number}"),
                               "--cache", str(tmp_path / f"cache-{number}"))
            assert half.returncode == 0, half.stderr
    halves = [tree_hashes(tmp_path / f"deel-{n}") for n in (1, 2)]
    # The halves really are halves: each writes the pages of two routes, not of the other two.
    for number, files in enumerate(halves):
        written = {p.split("/")[0] for p in files if p.endswith("index.html") and "/stappen/" in p}
        assert len(written) == 2, (number, written)
    assert not ({p.split("/")[0] for p in halves[0] if "/stappen/" in p}
                & {p.split("/")[0] for p in halves[1] if "/stappen/" in p})
    merged = routewijzer("merge", str(tmp_path / "deel-1"), str(tmp_path / "deel-2"), "-d", str(tmp_path / "samen"))
    assert merged.returncode == 0, merged.stderr
    expected, got = tree_hashes(tmp_path / "in-een-keer"), tree_hashes(tmp_path / "samen")
    assert sorted(set(expected) ^ set(got)) == []
    assert [p for p in expected if expected[p] != got[p]] == []
    # The parts are still there after a merge (copied), and `build` on one machine, which
    # moves its own temporary parts into place, makes the same site.
    assert tree_hashes(tmp_path / "deel-1") == halves[0]
    with config_for_routes(four_routes) as config:
        whole = routewijzer("build", "-f", str(config), "-d", str(tmp_path / "alles"), "--cache", str(tmp_path / "c"))
    assert whole.returncode == 0, whole.stderr
    assert tree_hashes(tmp_path / "alles") == expected
    index = json.loads((tmp_path / "samen" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {d["location"].split("/")[0] for d in index["docs"]} >= {Path(n).stem for n in FOUR}


def test_merge_refuses_an_incomplete_set_of_parts(four_routes: Path, tmp_path: Path) -> None:
    with config_for_routes(four_routes) as config:
        half = routewijzer("build", "-f", str(config), "--deel", "2/2", "-d", str(tmp_path / "deel-2"),
                           "--cache", str(tmp_path / "cache"))
    assert half.returncode == 0, half.stderr
    merged = routewijzer("merge", str(tmp_path / "deel-2"), "-d", str(tmp_path / "samen"))
    assert merged.returncode == 1
    assert "De delen passen niet bij elkaar" in merged.stderr and "Traceback" not in merged.stderr
    assert not (tmp_path / "samen").exists()


def test_a_merge_that_fails_leaves_the_site_that_was_there(tmp_path: Path) -> None:
    from generator.search_scope import PART_MANIFEST
    from generator.split_build import SplitBuildError, merge

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("de vorige site", encoding="utf-8")
    parts = []
    for number, text in enumerate(("a", "b")):
        part = tmp_path / f"deel-{number + 1}"
        (part / "assets").mkdir(parents=True)
        (part / PART_MANIFEST).write_text(json.dumps({"part": number, "parts": 2, "routes": []}), encoding="utf-8")
        (part / "assets" / "x.css").write_text(text, encoding="utf-8")  # both write it, differently
        parts.append(part)
    with pytest.raises(SplitBuildError, match="twee delen schreven dit bestand verschillend"):
        merge(parts, site, move=True)
    assert (site / "index.html").read_text(encoding="utf-8") == "de vorige site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deel-2", "site"]  # nothing half-made left


def test_bad_route_stops_the_split_build_with_a_dutch_message(tmp_path: Path) -> None:
    routes = tmp_path / "routes"
    routes.mkdir()
    shutil.copy(ROOT / "routes" / FOUR[0], routes / FOUR[0])
    (routes / "kapot.yaml").write_text("titel: Kapot\nstappen: [\n", encoding="utf-8")
    with config_for_routes(routes) as config:
        result = routewijzer("build", "-f", str(config), "-d", str(tmp_path / "site"), "--cache", str(tmp_path / "c"),
                             "--taken", "1")
    assert result.returncode == 1
    assert "kapot.yaml:" in result.stderr and "de site is niet gebouwd" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_part_number_out_of_range_is_explained() -> None:
    result = routewijzer("build", "--deel", "3/2")
    assert result.returncode == 1 and "tussen 1 en 2" in result.stderr
