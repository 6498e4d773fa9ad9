"""A build that fails on a bad route leaves the previously built site exactly as it was.

Schools publish the handbook from a folder; a typo in a route must stop the build with a
Dutch file:line message and never leave a half-deleted site behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.routes import starter_text
from support.site import build_site, tree_hashes, write_config


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """Two starter routes built once: their folder, the site and the hash of every site file."""
    folder = tmp_path_factory.mktemp("failed-build")
    routes = folder / "routes"
    routes.mkdir()
    (routes / "de-regenboog.yaml").write_text(starter_text(), encoding="utf-8")
    (routes / "het-kompas.yaml").write_text(starter_text("Het Kompas"), encoding="utf-8")
    site = folder / "site"
    first = build_site(site, write_config(folder / "config", routes))
    assert first.returncode == 0, first.stderr
    before = tree_hashes(site)
    assert any(name.endswith("index.html") for name in before) and len(before) > 20
    return routes, site, before


@pytest.mark.parametrize(("old", "new", "message"), [
    ("      - naar: stap-2", "      - naar: stap-9", "stap 'stap-1' verwijst naar onbekende stap 'stap-9'."),
    ("    label: Stap 1\n", "\tlabel: Stap 1\n", "er staat een tab in het bestand."),
])
def test_failed_build_keeps_the_previous_site(built: tuple[Path, Path, dict[str, str]], old: str, new: str,
                                              message: str) -> None:
    routes, site, before = built
    route = routes / "het-kompas.yaml"
    good = route.read_text(encoding="utf-8")
    assert good.count(old) == 1
    broken = good.replace(old, new)
    route.write_text(broken, encoding="utf-8")
    line = broken[: broken.index(new)].count("\n") + 1
    try:
        second = build_site(site, write_config(routes.parent / "config", routes))
    finally:
        route.write_text(good, encoding="utf-8")

    output = second.stdout + second.stderr
    assert second.returncode != 0
    assert "Traceback" not in output
    assert "De routes bevatten fouten; de site is niet gebouwd" in output
    located = [ln for ln in output.splitlines() if f"het-kompas.yaml:{line}:" in ln]
    assert located and message in located[0], output
    assert tree_hashes(site) == before, "de vorige site is veranderd door een mislukte build"
