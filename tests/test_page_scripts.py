"""Each page loads only the scripts it needs (generator/page_scripts.py, overrides/main.html,
overrides/assets/page-scripts.js): a step page does not fetch the wegwijzer's ranking, and a
page reached by Material's instant navigation still gets its own scripts (that walk is in
tests/test_subpath.py: instant navigation needs the sitemap, which needs a site address)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.page_scripts import SCRIPTS, scripts_for
from support.paths import ROOT

ASSETS = ROOT / "overrides" / "assets"


def test_every_script_in_the_table_exists_and_a_page_gets_each_once() -> None:
    for script, _ in SCRIPTS:
        assert (ASSETS / script).is_file(), script
    html = '<p><abbr title="x">OPP</abbr></p><div data-rw-checklist><abbr title="y">IB</abbr></div>'
    assert scripts_for(html) == ["tooltip.js", "checklist.js"]
    assert scripts_for("<p>Alleen tekst.</p>") == []


def _module_scripts(page: Path) -> list[str]:
    return re.findall(r'<script type="module" src="[./]*assets/([a-z-]+\.js)"', page.read_text(encoding="utf-8"))


def test_built_pages_load_what_they_use_and_nothing_else(built_site: Path) -> None:
    step = _module_scripts(built_site / "de-kempen/stappen/stap-6/index.html")
    assert {"tooltip.js", "checklist.js"} <= set(step)
    assert "wegwijzer.js" not in step and "compare.js" not in step and "route-filter.js" not in step
    assert "wegwijzer.js" in _module_scripts(built_site / "de-kempen/wegwijzer/index.html")
    assert "wegwijzer.js" in _module_scripts(built_site / "de-kempen/wegwijzer/embed/index.html")
    assert "foldout.js" in _module_scripts(built_site / "de-kempen/voor-ouders/index.html")
    assert "compare.js" in _module_scripts(built_site / "vergelijken/index.html")
    assert "route-filter.js" in _module_scripts(built_site / "index.html")
    assert "embed-code.js" in _module_scripts(built_site / "de-kempen/publiceren/index.html")
