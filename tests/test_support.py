"""The test harness itself: the site builder, the shared build and the golden files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from support import golden, site
from support.paths import ROOT


class _EnvTag(yaml.SafeLoader):
    """mkdocs.yml uses !ENV; read it as plain text for these checks."""


_EnvTag.add_constructor("!ENV", lambda loader, node: None)


def test_config_copy_lives_outside_the_repository_and_resolves_every_path(tmp_path: Path) -> None:
    routes = tmp_path / "elders" / "routes"
    routes.mkdir(parents=True)
    before = sorted(p.name for p in ROOT.iterdir())
    config = site.write_config(tmp_path / "config", routes, docs_dir=tmp_path / "docs")
    assert config.parent == tmp_path / "config"
    assert sorted(p.name for p in ROOT.iterdir()) == before
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_EnvTag)
    assert data["docs_dir"] == str(tmp_path / "docs")
    assert Path(data["theme"]["custom_dir"]) == ROOT / "overrides"
    plugin = next(p["routewijzer"] for p in data["plugins"] if isinstance(p, dict) and "routewijzer" in p)
    assert plugin["routes"] == str(routes)
    assert "watch" not in data


def test_config_copy_without_other_routes_reads_the_real_ones(tmp_path: Path) -> None:
    data = yaml.load(site.write_config(tmp_path).read_text(encoding="utf-8"), Loader=_EnvTag)
    plugin = next(p["routewijzer"] for p in data["plugins"] if isinstance(p, dict) and "routewijzer" in p)
    assert Path(plugin["routes"]) == ROOT / "routes" and Path(data["docs_dir"]) == ROOT / "content"


def _fake_build(calls: list[Path], returncode: int = 0):
    def build(target: Path, config: Path | None = None, extra: object = None, env: object = None,
              engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
        calls.append(target)
        if returncode == 0:
            target.mkdir(parents=True)
            (target / "index.html").write_text("<p>site</p>", encoding="utf-8")
        return subprocess.CompletedProcess([], returncode, "uit", "fout")
    return build


def test_shared_site_is_built_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(site, "build_site", _fake_build(calls))
    first = site.shared_site(tmp_path)
    second = site.shared_site(tmp_path)
    assert first == second and (first / "index.html").is_file()
    assert len(calls) == 1
    other = site.shared_site(tmp_path, env={"ROUTEWIJZER_SITE_URL": "https://swv.example/route/"})
    assert other != first and len(calls) == 2  # another environment is another site


def test_a_failed_shared_build_is_reported_to_every_caller_without_building_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(site, "build_site", _fake_build(calls, returncode=1))
    for _ in range(2):
        with pytest.raises(site.SiteBuildFailed, match="fout"):
            site.shared_site(tmp_path)
    assert len(calls) == 1


def test_golden_mismatch_shows_a_diff_and_update_rewrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(golden, "ROOT", tmp_path)
    expected = tmp_path / "verwacht.md"
    expected.write_text("regel een\nregel twee\n", encoding="utf-8")
    monkeypatch.delenv(golden.UPDATE_VARIABLE, raising=False)
    golden.check_golden("regel een\nregel twee\n", expected)
    with pytest.raises(AssertionError, match=r"(?s)make goldens.*-regel twee.*\+regel drie"):
        golden.check_golden("regel een\nregel drie\n", expected)
    with pytest.raises(AssertionError, match="ontbreekt"):
        golden.check_golden("x", tmp_path / "nieuw.md")
    monkeypatch.setenv(golden.UPDATE_VARIABLE, "1")
    golden.check_golden("regel een\nregel drie\n", expected)
    assert expected.read_text(encoding="utf-8") == "regel een\nregel drie\n"
