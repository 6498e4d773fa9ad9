"""Citations: `bron:` fragments are checked against the source text, uncited claims are counted.

The five routes are checked against the text of their seeds in shared/seeds/ (beside the
repository in CI, two levels up in a helper's worktree); in CI a missing shared/ fails the
test instead of skipping it, so the check cannot silently stop running.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.citations import claims, coverage, missing_quotes, normalise, quotes
from generator.cli import main
from generator.load import load_route, load_routes
from generator.yamlsource import read_source

ROOT = Path(__file__).resolve().parent.parent
ROUTES, _PROBLEMS = load_routes([ROOT / "routes"])
MIN_SHARE = 0.95
"""Share of transitions and responsibilities per route that must carry bron or afgeleid."""


def seeds_dir() -> Path:
    """shared/seeds next to the repository or one of its parents (CI: ../shared)."""
    for base in [ROOT, *ROOT.parents]:
        candidate = base / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    message = (f"shared/seeds/ not found next to {ROOT} or its parents; the citation check needs the "
               "seed texts (CI lays shared/ beside the repository).")
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def test_routes_load() -> None:
    assert not _PROBLEMS and len(ROUTES) == 5


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_every_bron_fragment_is_in_the_seed_text(loaded) -> None:
    seeds = seeds_dir()
    assert loaded.route.source.file, "the route must name its seed in bron.bestand"
    seed = seeds / loaded.route.source.file
    source = read_source(Path(loaded.path).read_bytes(), loaded.path)
    found = quotes(source)
    assert len(found) >= 10, "suspiciously few bron fragments"
    problems = missing_quotes(source, seed.read_text(encoding="utf-8"), seed.name)
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_transitions_and_responsibilities_are_cited(loaded) -> None:
    cov = coverage(loaded.route)
    uncited = [c.where for c in claims(loaded.route) if not c.cited and c.kind in ("overgang", "verantwoordelijkheid")]
    assert cov.structure_total >= 8
    assert cov.structure_share >= MIN_SHARE, f"{loaded.slug}: {cov.structure_share:.0%} cited; uncited: {uncited}"


def test_normalise_forgives_extraction_not_wording() -> None:
    assert normalise("onder-\n  steuning   van het\nkind") == normalise("ondersteuning van het kind")
    assert normalise("collega’s “ja”") == normalise("collega's \"ja\"")
    assert normalise("• Welbevinden\u00ad") == normalise("Welbevinden")
    assert normalise("de ﬁets") == normalise("de fiets")
    assert normalise("De leerkracht") != normalise("de leerkracht")
    assert normalise("regie.") != normalise("regie")


def _route_with_fragment(tmp_path: Path, fragment: str) -> tuple[Path, int, int]:
    """A copy of the IJssel | Berkel route whose first bron fragment is replaced; (file, line, column)."""
    original = (ROOT / "routes" / "ijssel-berkel.yaml").read_text(encoding="utf-8")
    marker = '    bron: "Bij elke stap is er sprake van:"\n'
    assert marker in original
    target = tmp_path / "ijssel-berkel.yaml"
    target.write_text(original.replace(marker, f'    bron: "{fragment}"\n'), encoding="utf-8")
    before = original.split(marker)[0]
    return target, before.count("\n") + 1, len("    bron: ") + 1


def test_fragment_not_in_source_is_a_located_dutch_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    route, line, column = _route_with_fragment(tmp_path, "Bij elke stap beslist de directeur alleen.")
    source_text = tmp_path / "bron.txt"
    source_text.write_text("Bij elke stap is er sprake van: overleg en samenwerking.", encoding="utf-8")
    assert main(["check", str(route), "--bron", str(source_text)]) == 1
    err = capsys.readouterr().err
    located = [ln for ln in err.splitlines() if f"{route.name}:{line}:{column}: " in ln]
    assert len(located) == 1, err
    assert "dit bronfragment staat niet in bron.txt" in located[0]
    assert "Bij elke stap beslist de directeur alleen." in located[0]
    assert "afgeleid:" in located[0] and "Traceback" not in err
    # The route's other fragments are not in this small text either: each at its own line.
    assert "bronfragment(en) niet gevonden in de bron" in err


def test_fragment_found_in_a_source_folder_by_bestand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = seeds_dir()
    folder = tmp_path / "bronnen"
    folder.mkdir()
    shutil.copy(seeds / "003_ef7095c3940c618f.txt", folder)
    assert main(["check", str(ROOT / "routes" / "ijssel-berkel.yaml"), "--bron", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "bronfragmenten staan in de bron" in out


def test_missing_source_text_is_a_dutch_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "routes" / "ijssel-berkel.yaml"), "--bron", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "staat niet in de map" in err and "Traceback" not in err
    assert main(["check", str(ROOT / "routes" / "ijssel-berkel.yaml"), "--bron", str(tmp_path / "weg.txt")]) == 1
    err = capsys.readouterr().err
    assert "kan niet gelezen worden" in err and "Traceback" not in err


def test_route_without_citations_validates_and_check_counts_them(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "De Regenboog", "--map", str(tmp_path)]) == 0
    capsys.readouterr()
    path = tmp_path / "de-regenboog.yaml"
    loaded = load_route(path)
    cov = coverage(loaded.route)
    assert cov.total > 0 and cov.cited == 0
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"0 van {cov.total} beweringen met 'bron' of 'afgeleid'" in out
    assert f"{cov.uncited} zonder bron" in out and "overgangen" in out


def test_check_reports_coverage_of_the_five_routes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "routes")]) == 0
    out = capsys.readouterr().out
    for loaded in ROUTES:
        assert f"{loaded.path}: " in out or f"{loaded.slug}.yaml: " in out
    assert out.count("(overgangen en verantwoordelijkheden: 100%)") == 5
