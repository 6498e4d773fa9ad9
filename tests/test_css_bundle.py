"""The site's own stylesheets reach the reader as one file (generator/css_bundle.py).

Each stylesheet in <head> blocks the first paint; on a phone each one past the browser's
connection limit costs a round trip (Lighthouse: about 0.25 s of LCP for seven small files).
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
