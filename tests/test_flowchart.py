"""The flowchart: DOT escaping, one node per step, one edge per transition, relative links,
and an SVG that is accessible, styleable and self-contained."""

from __future__ import annotations

import re
import subprocess
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import flowchart
from generator.flowchart import FlowchartError, flowchart_dot, flowchart_svg, run_graphviz

from generator.links import PageLinks
from generator.render import dot_string
from generator.pages.printable import render_print_page
from support.routes import context, handbook_route

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def svg() -> str:
    loaded = handbook_route()
    return flowchart_svg(loaded, PageLinks(context(loaded).layout, loaded.slug, "testroute/index.md").step)


@pytest.fixture(scope="module")
def tree(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def _classes(element: ElementTree.Element) -> set[str]:
    return set(element.get("class", "").split())


def test_dot_string_escapes_quotes_backslashes_newlines_and_entities() -> None:
    assert dot_string('a "b" \\N c\nd &lt; e') == '"a \\"b\\" \\\\N c\\nd &amp;lt; e"'


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_label_round_trips_through_graphviz(text: str) -> None:
    """Whatever a route author types comes out of Graphviz as exactly that text."""
    svg = run_graphviz(f"digraph {{ a [label={dot_string(text)}]; }}")
    label = ElementTree.fromstring(svg[svg.index("<svg"):]).find(f".//{SVG_NS}g[@class='node']/{SVG_NS}text")
    assert label is not None
    assert (label.text or "").strip() == text.strip()


def test_one_node_per_step_with_tier_class_and_relative_link(tree: ElementTree.Element) -> None:
    loaded = handbook_route()
    nodes = [g for g in tree.iter(f"{SVG_NS}g") if "rw-node" in _classes(g)]
    assert len(nodes) == len(loaded.route.steps)
    tiers = [t.id for t in loaded.route.tiers]
    links = {}
    for node in nodes:
        link = node.find(f".//{SVG_NS}a")
        assert link is not None
        links[link.get(XLINK)] = _classes(node)
    for step in loaded.route.steps:
        url = f"stappen/{step.id}/"
        assert url in links, f"no node links to {url}"
        assert f"rw-tier--{tiers.index(step.tier) + 1}" in links[url]


def test_links_are_relative_to_the_page_the_chart_is_on() -> None:
    loaded = handbook_route()
    dot = flowchart_dot(loaded, PageLinks(context(loaded, prefix="routes/").layout, loaded.slug, "routes/testroute/afdrukken.md").step)
    assert 'URL="../stappen/stap-1/"' in dot


def test_print_page_chart_links_to_its_own_sections() -> None:
    """In the PDF, a node must jump within the document, not to the web server it was printed from."""
    loaded = handbook_route()
    (page,) = render_print_page(loaded, context(loaded))
    chart = page.content[page.content.index("<svg"):page.content.index("</svg>")]
    steps = [s.id for s in loaded.route.steps]
    assert sorted(re.findall(r'xlink:href="([^"]+)"', chart)) == sorted(f"#stap-{s}" for s in steps)
    # ... and every such section exists (attr_list gives the step's heading that id).
    assert all(f"{{: #stap-{s}" in page.content for s in steps)


def test_one_edge_per_transition_with_class_by_kind(tree: ElementTree.Element) -> None:
    loaded = handbook_route()
    edges = [g for g in tree.iter(f"{SVG_NS}g") if "rw-edge" in _classes(g)]
    expected = sorted(t.kind.value for s in loaded.route.steps for t in s.transitions)
    found = sorted(next(c for c in _classes(g) if c.startswith("rw-edge--"))[len("rw-edge--"):] for g in edges)
    assert found == expected
    assert {"opschalen", "afschalen", "terug", "herhalen", "keuze"} <= set(found)


def test_back_arrows_are_dashed_and_branches_labelled(tree: ElementTree.Element) -> None:
    for group in tree.iter(f"{SVG_NS}g"):
        classes = _classes(group)
        path = group.find(f"{SVG_NS}path")
        if {"rw-edge--afschalen", "rw-edge--terug"} & classes:
            assert path is not None and path.get("stroke-dasharray"), "afschalen/terug must be dashed"
        if "rw-edge--keuze" in classes:
            label = "".join(group.itertext())
            assert "a. TLV" in label or "b. andere school" in label


def test_svg_is_accessible_and_responsive(tree: ElementTree.Element) -> None:
    assert tree.get("role") == "img"
    title, desc = tree.find(f"{SVG_NS}title"), tree.find(f"{SVG_NS}desc")
    assert title is not None and desc is not None
    assert tree.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "5 stappen" in (desc.text or "") and "Stap 1" in (desc.text or "")
    assert tree.get("width") == "100%" and tree.get("viewBox")
    assert tree.get("height") is None


def test_svg_has_no_prolog_comments_colours_or_external_urls(svg: str) -> None:
    assert svg.startswith("<svg")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg and "<!--" not in svg
    assert not re.search(r'(fill|stroke)="(?!none")[^"]*"', svg), "colours must come from CSS"
    assert 'fill="white"' not in svg
    urls = re.findall(r'(?:href|src)="([^"]*)"', svg)
    assert urls and all(not re.match(r"[a-z]+:", u) for u in urls), urls
    assert not re.findall(r"https?://(?!www\.w3\.org/)", svg)


def test_route_text_in_the_svg_is_escaped(svg: str) -> None:
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg


def test_svg_is_cached_by_dot_text(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = handbook_route()
    flowchart_svg(loaded, PageLinks(context(loaded).layout, loaded.slug, "testroute/index.md").step)

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("graphviz ran again for the same DOT text")

    monkeypatch.setattr(subprocess, "run", fail)
    flowchart_svg(loaded, PageLinks(context(loaded).layout, loaded.slug, "testroute/index.md").step)


def test_missing_graphviz_gives_a_dutch_error(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setattr(flowchart.sys, "executable", "/nonexistent/python")
    monkeypatch.setattr(flowchart.shutil, "which", lambda name: None)
    with pytest.raises(FlowchartError, match="niet gevonden"):
        flowchart.graphviz_command()
