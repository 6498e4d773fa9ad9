"""Little stands between a phone and the first paint (Lighthouse, mobile: render-blocking resources).

- The site's own stylesheets reach the reader as one file (generator/css_bundle.py). Each
  stylesheet in <head> blocks the first paint; on a phone each one past the browser's
  connection limit costs a round trip (Lighthouse: about 0.25 s of LCP for seven small files).
- No script blocks parsing: Material's bundle and rw-search.js are deferred, ours are modules
  (overrides/main.html). The wegwijzer's own first paint: tests/test_wegwijzer_layout_shift.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.css_bundle import BUNDLE, bundled_extra_css
from support.paths import ROOT


def _extra_css() -> list[str]:
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["extra_css"]


def test_bundle_takes_the_place_of_the_first_local_file_and_keeps_the_rest() -> None:
    assert bundled_extra_css(["a.css", "https://x/y.css", "b.css"], ["a.css", "b.css"]) == [BUNDLE, "https://x/y.css"]
    assert bundled_extra_css(["a.css"], []) == ["a.css"]
    # a second build with the same (already changed) configuration gives the same list
    assert bundled_extra_css([BUNDLE, "https://x/y.css"], ["a.css", "b.css"]) == [BUNDLE, "https://x/y.css"]


def test_pages_link_one_stylesheet_of_ours_holding_every_source_in_order(built_site: Path) -> None:
    sources = _extra_css()
    assert len(sources) > 1
    for page in ["index.html", "de-kempen/stappen/stap-3/index.html", "de-kempen/wegwijzer/embed/index.html",
                 "404.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        ours = [link for link in links if "/stylesheets/" not in link]
        assert len(ours) == 1 and ours[0].endswith(BUNDLE), f"{page}: {links}"
    bundle = (built_site / BUNDLE).read_text(encoding="utf-8")
    at = [bundle.index((ROOT / "overrides" / path).read_text(encoding="utf-8").rstrip()) for path in sources]
    assert at == sorted(at), "the bundle keeps the order of extra_css in mkdocs.yml"


def test_no_script_blocks_the_first_paint(built_site: Path) -> None:
    for page in ["index.html", "de-kempen/stappen/stap-3/index.html", "de-kempen/voor-ouders/index.html",
                 "de-kempen/wegwijzer/index.html", "404.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert any("javascripts/bundle." in s for s in scripts), f"{page}: Material's bundle not found"
        blocking = [s for s in scripts if not re.search(r"\bdefer\b|\basync\b|type=\"module\"", s)]
        assert blocking == [], f"{page}: scripts that hold up the first paint: {blocking}"
        order = [s for s in scripts if "rw-search.js" in s or "javascripts/bundle." in s]
        assert "rw-search.js" in order[0], f"{page}: rw-search.js must run before Material's bundle"
