"""Search per route: one small search index (and sitemap) per route instead of one for the country.

Material's search fetches `search/search_index.json` relative to `config.base` (the `__config`
JSON in every page) at the start of every page, and instant navigation fetches `sitemap.xml`
from the same base. A page inside a route gets the route's folder as that base (see
overrides/main.html), so it fetches `<route>/search/search_index.json` — that route's pages
only, with locations relative to the route folder — and `<route>/sitemap.xml`, which keeps
instant navigation within the route (a link to another route is then a full page load, which
loads that route's index). Site-wide pages keep the site root as base and search all routes.

Everything here works on the files Material and MkDocs wrote, so the same functions split a
one-go build and merge separately built parts (generator/split_build.py) into the same bytes.
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def route_dir_of(src_uri: str, route_dirs: Iterable[str]) -> str | None:
    """The route folder ('de-kempen/') a page belongs to, or None for a site-wide page."""
    return next((d for d in route_dirs if src_uri.startswith(d)), None)


def search_base(page_url: str, route_dir: str) -> str:
    """Relative URL from a page to its route folder, always ending in '/' (Material joins onto it)."""
    rel = get_relative_url(route_dir, page_url)
    return rel if rel.endswith("/") else rel + "/"


def split_docs(docs: Sequence[dict[str, Any]], route_dirs: Sequence[str]) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Site-wide entries, and per route folder its entries with locations relative to that folder."""
    site: list[dict[str, Any]] = []
    per_route: dict[str, list[dict[str, Any]]] = {d: [] for d in route_dirs}
    for doc in docs:
        owner = route_dir_of(doc["location"], route_dirs)
        if owner is None:
            site.append(doc)
        else:
            per_route[owner].append({**doc, "location": doc["location"][len(owner):]})
    return site, per_route


def compose_root(config: dict[str, Any], site_docs: list[dict[str, Any]],
                 per_route: Sequence[tuple[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """The site-wide index: site pages first, then every route in route order (absolute locations)."""
    docs = list(site_docs)
    for route_dir, route_docs in per_route:
        docs.extend({**doc, "location": route_dir + doc["location"]} for doc in route_docs)
    return {"config": config, "docs": docs}


def dump_index(index: dict[str, Any]) -> bytes:
    """Same serialisation as Material's own index (compact JSON, UTF-8 kept)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_index(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_route_index(site_dir: Path, route_dir: str, config: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    target = site_dir / route_dir / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(dump_index({"config": config, "docs": docs}))


def route_sitemap(root_sitemap: bytes, route_url_path: str) -> bytes:
    """The entries of the site's sitemap whose address lies in the route folder (URL path '/x/de-kempen/')."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.fromstring(root_sitemap)
    out = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for url in root.findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.find(f"{{{SITEMAP_NS}}}loc")
        if loc is not None and loc.text and urlsplit(loc.text.strip()).path.startswith(route_url_path):
            out.append(url)
    return ET.tostring(out, encoding="utf-8", xml_declaration=True) + b"\n"


def write_route_sitemaps(site_dir: Path, route_dirs: Sequence[str], site_url: str | None) -> None:
    """`<route>/sitemap.xml` for every route, so instant navigation stays inside the route."""
    root_file = site_dir / SITEMAP
    if not root_file.is_file():
        return
    root_sitemap = root_file.read_bytes()
    base_path = urlsplit(site_url or "/").path or "/"
    for route_dir in route_dirs:
        target = site_dir / route_dir / SITEMAP
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(route_sitemap(root_sitemap, posixpath.join(base_path, route_dir)))


def scope_search(site_dir: Path, route_dirs: Sequence[str], site_url: str | None,
                 own: Sequence[str] | None = None) -> None:
    """After a build: split Material's index per route and rewrite the site-wide one.

    `own` are the routes this build wrote (a part of a split build); the other routes'
    indexes come from the other parts and the site-wide index is composed again on merging."""
    root_file = site_dir / INDEX
    if not root_file.is_file():  # search plugin not enabled
        return
    own = list(route_dirs if own is None else own)
    index = read_index(root_file)
    site_docs, per_route = split_docs(index["docs"], route_dirs)
    for route_dir in own:
        write_route_index(site_dir, route_dir, index["config"], per_route[route_dir])
    root_file.write_bytes(dump_index(compose_root(index["config"], site_docs, [(d, per_route[d]) for d in own])))
    write_route_sitemaps(site_dir, own, site_url)


PART_MANIFEST = ".routewijzer-deel.json"
"""Written into a part build's output: which part it is and the site's route folders in order."""


def write_part_manifest(site_dir: Path, route_dirs: Sequence[str], index: int, count: int) -> None:
    manifest = {"part": index, "parts": count, "routes": list(route_dirs)}
    (site_dir / PART_MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def merged_root_index(site_dir: Path, site_part_index: dict[str, Any], route_dirs: Sequence[str]) -> bytes:
    """The site-wide index of merged parts: the site pages from the part that built them, then
    every route's own index — the same composition as a one-go build's `scope_search`."""
    site_docs, _ = split_docs(site_part_index["docs"], route_dirs)
    per_route = [(d, read_index(site_dir / d / INDEX)["docs"]) for d in route_dirs if (site_dir / d / INDEX).is_file()]
    return dump_index(compose_root(site_part_index["config"], site_docs, per_route))
