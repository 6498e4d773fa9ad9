"""A route's abbreviations wrap words on that route's pages only.

One route's `afkorting: de` used to wrap every "de" on the other routes' pages and on the
home page. Now a route page gets its own route's abbreviations, and the site-wide pages
(home, Begrippen, Vergelijken) only those that every route defines with the same meaning.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.site import html_pages
from generator.abbreviations import PageAbbreviations, shared_abbreviations
from generator.context import SiteContext
from generator.load import parse_route
from generator.model import LoadedRoute
from support.routes import starter_text


def _data(name: str) -> dict[str, Any]:
    return typing.cast(dict[str, Any], yaml.safe_load(starter_text(name)))


def _greedy() -> dict[str, Any]:
    """A route that defines 'de' as an abbreviation (and shares IB and OPP with the other)."""
    data = _data("Basisschool Gulzig")
    data["begrippen"] = [{"term": "Deskundige expertise", "afkorting": "de", "uitleg": "Hulp van buiten de school."}]
    return data


def _other() -> dict[str, Any]:
    """A route with the same OPP but another meaning for IB."""
    data = _data("Basisschool Anders")
    role = next(r for r in data["rollen"] if r["id"] == "intern-begeleider")
    role["naam"] = "Interne begeleiding (IB)"
    return data


def _loaded(slug: str, data: dict[str, Any]) -> LoadedRoute:
    return parse_route(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"), f"{slug}.yaml", slug)


def test_route_pages_get_their_own_site_pages_the_shared() -> None:
    greedy, other = _loaded("gulzig", _greedy()), _loaded("anders", _other())
    tables = PageAbbreviations(SiteContext(routes=(greedy, other)))
    assert tables.for_page("gulzig/stappen/stap-1.md")["de"] == "Deskundige expertise"
    assert "de" not in tables.for_page("anders/stappen/stap-1.md")
    assert tables.for_page("anders/index.md")["IB"] == "Interne begeleiding"
    for site_page in ("index.md", "begrippen.md", "vergelijken.md", "over.md"):
        assert tables.for_page(site_page) == {"OPP": "Ontwikkelingsperspectief"}, site_page


def test_shared_needs_every_route_and_the_same_meaning() -> None:
    greedy, other = _loaded("gulzig", _greedy()), _loaded("anders", _other())
    assert shared_abbreviations([]) == {}
    assert "de" in shared_abbreviations([greedy])
    assert shared_abbreviations([greedy, other]) == {"OPP": "Ontwikkelingsperspectief"}
    shouting = _other()
    shouting["documenten"][0]["naam"] = "ONTWIKKELINGSPERSPECTIEF (OPP)"
    assert "OPP" in shared_abbreviations([greedy, _loaded("luid", shouting)])


_ABBR = re.compile(r"<abbr\b[^>]*>([^<]*)</abbr>")


@pytest.fixture(scope="module")
def two_route_site(routes_site: Any) -> Path:
    return routes_site("abbr-scope", {f"{slug}.yaml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
                                      for slug, data in (("gulzig", _greedy()), ("anders", _other()))})


def test_built_pages_wrap_de_only_on_its_own_route(two_route_site: Path) -> None:
    wrapped: dict[str, set[str]] = {}
    for page in html_pages(two_route_site):
        html = page.read_text(encoding="utf-8")
        wrapped[page.relative_to(two_route_site).as_posix()] = {m.group(1) for m in _ABBR.finditer(html)}
    own = [p for p in wrapped if p.startswith("gulzig/")]
    assert any("de" in wrapped[p] for p in own), "de eigen route kreeg haar afkorting 'de' niet"
    elsewhere = {p: w for p, w in wrapped.items() if not p.startswith("gulzig/") and "de" in w}
    assert elsewhere == {}, f"'de' van de ene route staat als afkorting op: {sorted(elsewhere)}"
    site_wide = {p: w - {"OPP"} for p, w in wrapped.items() if p.split("/")[0] in ("index.html", "begrippen",
                                                                                   "vergelijken")}
    assert site_wide and all(not w for w in site_wide.values()), site_wide
