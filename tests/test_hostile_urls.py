"""Two sources for one URL are an error that names both, never a silent overwrite.

`zelfde.yaml` beside `zelfde.yml`, a route file named like a site page (`begrippen.yaml`,
`vergelijken.yaml`), like a folder of the theme (`assets`) or of search (`search`), or a
hand-written page in the docs dir, used to build with exit 0 while one page replaced the
other. `.YAML` files were left out without a word, and `prefix: "../x"` wrote route pages
outside the site.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from support.site import config_for_routes
from conftest import ROOT, build_site
from generator.load import load_routes
from generator.context import SiteContext
from generator.layout import Layout
from generator.plugin import route_prefix
from generator.url_claims import Claim, all_claims, collisions, docs_claims
from support.routes import starter_text


def _write(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(starter_text(), encoding="utf-8")
    return folder


def test_yaml_and_yml_of_one_name_are_an_error_naming_both(tmp_path: Path) -> None:
    folder = _write(tmp_path / "routes", "zelfde.yaml", "zelfde.yml", "ander.yaml")
    routes, problems = load_routes([folder])
    assert [r.slug for r in routes] == ["ander", "zelfde"]
    assert len(problems) == 1
    text = str(problems[0])
    assert "zelfde.yaml" in text and "zelfde.yml" in text and "'zelfde/'" in text
    assert "overschrijven" in text


def test_same_name_in_two_folders_is_fine_for_check(tmp_path: Path) -> None:
    old, new = _write(tmp_path / "oud", "zelfde.yaml"), _write(tmp_path / "nieuw", "zelfde.yaml")
    routes, problems = load_routes([old, new])
    assert problems == [] and len(routes) == 2


@pytest.mark.parametrize("name", ["hoofdletters.YAML", "gemengd.Yml", "ook.yAmL"])
def test_upper_case_suffix_is_reported_not_ignored(tmp_path: Path, name: str) -> None:
    folder = _write(tmp_path / "routes", name)
    routes, problems = load_routes([folder])
    assert routes == []
    assert len(problems) == 1
    message = str(problems[0])
    stem, suffix = name.rsplit(".", 1)
    assert name in message and f"'{stem}.{suffix.lower()}'" in message
    assert "kleine letters" in message and "Hernoem" in message


def test_a_newline_in_a_file_name_is_no_slug(tmp_path: Path) -> None:
    folder = _write(tmp_path / "routes", "regel\n.yaml")
    routes, problems = load_routes([folder])
    assert routes == [] and "webadres" in str(problems[0])


@pytest.mark.parametrize("value", ["../x", "/routes", "/", "a/../b", "a/./b", "a//b", "a\\b", "..", "Routes",
                                   "c:/x", "a b", "routes/x/../"])
def test_prefix_outside_the_site_is_an_error(value: str) -> None:
    with pytest.raises(PluginError) as caught:
        route_prefix(value)
    assert "prefix" in str(caught.value) and "binnen de site" in str(caught.value)


@pytest.mark.parametrize(("value", "expected"), [("", ""), ("routes", "routes/"), ("routes/", "routes/"),
                                                 ("scholen/routes", "scholen/routes/")])
def test_prefix_inside_the_site_is_a_folder(value: str, expected: str) -> None:
    assert route_prefix(value) == expected


@pytest.fixture(scope="module")
def site_claims() -> list[Claim]:
    return all_claims(load_config(str(ROOT / "mkdocs.yml")), Layout())


class _Route:
    def __init__(self, slug: str) -> None:
        self.slug = slug
        self.path = f"routes/{slug}.yaml"


@pytest.mark.parametrize(("slug", "owner"), [("begrippen", "begrippen.md"), ("vergelijken", "vergelijken.md"),
                                             ("schema", "schema/route.schema.json"), ("assets", "themabestand"),
                                             ("search", "zoekindex")])
def test_route_named_like_a_site_folder_collides(site_claims: list[Claim], slug: str, owner: str) -> None:
    found = collisions([_Route(slug)], SiteContext(routes=()), site_claims)  # type: ignore[list-item]
    assert len(found) == 1
    assert found[0].startswith(f"routes/{slug}.yaml:1:1: ") and f"'{slug}/'" in found[0] and owner in found[0]


def test_ordinary_routes_and_a_prefix_do_not_collide(site_claims: list[Claim]) -> None:
    routes = [_Route(s) for s in ("de-kempen", "begrippen-swv", "index", "404", "sitemap")]
    assert collisions(routes, SiteContext(routes=()), site_claims) == []  # type: ignore[arg-type]
    prefixed = SiteContext(routes=(), layout=Layout(prefix="routes/"))
    claims = all_claims(load_config(str(ROOT / "mkdocs.yml")), Layout(prefix="routes/"))
    assert collisions([_Route("begrippen"), _Route("assets")], prefixed, claims) == []  # type: ignore[list-item]


def test_hand_written_page_in_the_docs_dir_collides(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    (docs / "pdf").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "over.md").write_text("# Over\n", encoding="utf-8")
    (docs / "pdf" / "x.pdf").write_bytes(b"%PDF")
    found = collisions([_Route("over"), _Route("pdf"), _Route("ander")], SiteContext(routes=()),  # type: ignore[list-item]
                       docs_claims(docs))
    assert len(found) == 2
    assert "over.md" in found[0] and "'over/'" in found[0]
    assert "x.pdf" in found[1]


def _failed_build(tmp_path: Path, extra_config: str = "", *names: str) -> str:
    routes = _write(tmp_path / "routes", *names)
    with config_for_routes(routes) as config:
        if extra_config:
            text = config.read_text(encoding="utf-8").replace(f"routes: {routes}", f"routes: {routes}\n{extra_config}")
            config.write_text(text, encoding="utf-8")
        result = build_site(tmp_path / "site", config)
    assert result.returncode != 0, "de build slaagde terwijl twee bronnen één webadres hebben"
    assert "Traceback" not in result.stderr
    return result.stderr


def test_build_stops_on_a_route_named_begrippen(tmp_path: Path) -> None:
    err = _failed_build(tmp_path, "", "begrippen.yaml", "gewoon.yaml")
    assert "begrippen.yaml:1:1" in err and "begrippen.md" in err and "niet gebouwd" in err
    assert not (tmp_path / "site").exists()


def test_build_stops_on_yaml_and_yml_of_one_name(tmp_path: Path) -> None:
    err = _failed_build(tmp_path, "", "zelfde.yaml", "zelfde.yml")
    assert "zelfde.yaml" in err and "zelfde.yml" in err


def test_build_stops_on_a_prefix_outside_the_site(tmp_path: Path) -> None:
    err = _failed_build(tmp_path, "      prefix: ../buiten", "gewoon.yaml")
    assert "prefix: ../buiten" in err
    assert not (tmp_path / "buiten").exists() and not (ROOT / "buiten").exists()
