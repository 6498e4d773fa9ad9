"""The wegwijzer's build-time parts: index, ranking, paths, payload and its escaping."""

from __future__ import annotations

import json
import re

import markdown

import pytest

from generator.model import LoadedRoute
from generator.route_index import lookup_for
from generator.context import SiteContext
from generator.pages.wegwijzer import render_wegwijzer_pages
from generator.wegwijzer.data import forbidden, payload, safe_json
from generator.wegwijzer.index import build_index, rank
from generator.wegwijzer.paths import enumerate_paths, follow
from support.routes import site_routes as real_routes
from support.routes import starter_text
from support.wegwijzer import routes_with_wegwijzer, run_node, situations

ROUTES = routes_with_wegwijzer()
IDS = [r.slug for r in ROUTES]


def test_safe_json_cannot_close_a_script() -> None:
    data = {"t": "</script><script>alert(1)</script> & <!-- \u2028"}
    text = safe_json(data)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_index_weights_positive_and_route_phrases_found(loaded: LoadedRoute) -> None:
    index = build_index(loaded)
    assert [e.step for e in index] == [s.id for s in loaded.route.steps]
    for entry, step in zip(index, loaded.route.steps):
        assert entry.weights and all(w > 0 for w in entry.weights.values())
        # a step's own title finds that step among the first three
        assert step.id in [s for s, _ in rank(index, step.title)[:3]], step.title


def test_rank_ties_keep_route_order_and_empty_query_gives_nothing() -> None:
    loaded = ROUTES[0]
    index = build_index(loaded)
    assert rank(index, "") == []
    assert rank(index, "de het een") == []
    scores = rank(index, loaded.route.steps[0].title)
    assert scores == sorted(scores, key=lambda s: -s[1])


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_every_path_ends_in_a_real_step_and_breaks_no_rule(loaded: LoadedRoute) -> None:
    aid = loaded.route.wegwijzer
    paths = enumerate_paths(aid)
    steps = {s.id for s in loaded.route.steps}
    assert paths
    codes = [p.code for p in paths]
    assert len(codes) == len(set(codes))
    for path in paths:
        assert path.outcome in steps
        assert path.choices[-1].answer.outcome == path.outcome
        for earlier in path.choices[:-1]:
            assert earlier.answer.next is not None
        if path.current:
            assert lookup_for(loaded.route).skipped(path.current, path.outcome) is None
        assert follow(aid, path.code) == path
    outcomes = {p.outcome for p in paths}
    excluded = {e.step for e in aid.excluded}
    assert outcomes | excluded == steps


def test_paths_of_the_starter_route(tmp_path) -> None:
    from generator.load import load_route
    path = tmp_path / "voorbeeld.yaml"
    path.write_text(starter_text(), encoding="utf-8")
    aid = load_route(path).route.wegwijzer
    paths = enumerate_paths(aid)
    assert [(p.code, p.outcome, p.current) for p in paths] == [("0", "stap-1", None), ("1", "stap-2", "stap-1")]
    assert follow(aid, "2") is None and follow(aid, "") is None


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_payload_links_and_rules(loaded: LoadedRoute) -> None:
    context = SiteContext(routes=real_routes())
    here = context.route_dir(loaded.slug) + "wegwijzer/index.md"
    data = payload(loaded, context, here)
    assert set(data["outcomes"]) == {s.id for s in loaded.route.steps}
    for step in loaded.route.steps:
        assert data["outcomes"][step.id]["url"] == f"../stappen/{step.id}/"
    assert len(safe_json(data).encode()) < 120_000


def test_forbidden_names_the_never_skip_rule_for_someone_before_it() -> None:
    kempen = next((r for r in real_routes() if r.slug == "de-kempen"), None)
    if kempen is None:
        pytest.skip("route de-kempen ontbreekt")
    rule = next(r for r in kempen.route.rules if r.kind.value == "nooit-overslaan")
    assert rule.text in forbidden(kempen, rule.step, "stap-2")
    assert forbidden(kempen, "stap-5", "stap-4") == []


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_pages_escape_route_text_and_embed_json_safely(loaded: LoadedRoute) -> None:
    nasty = "</script><script>alert(1)</script> *x* [a](javascript:alert(1)) {{ y }}"
    route = loaded.route.model_copy(update={"steps": [
        s.model_copy(update={"summary": nasty}) if i == 0 else s for i, s in enumerate(loaded.route.steps)]})
    hacked = loaded.model_copy(update={"route": route})
    context = SiteContext(routes=(hacked,))
    pages = {p.src_uri.rsplit("/", 2)[-2] + "/" + p.src_uri.rsplit("/", 1)[-1]: p for p in render_wegwijzer_pages(hacked, context)}
    main = pages["wegwijzer/index.md"].content
    assert "<script>alert(1)" not in main
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in main  # static outcome text, escaped
    block = re.search(r'<script type="application/json">(.*?)</script>', main, re.S).group(1)
    assert json.loads(block)["outcomes"][loaded.route.steps[0].id]["summary"] == nasty
    html = markdown.markdown(main.split("---", 2)[2], extensions=["md_in_html", "attr_list"])
    assert "<em>x</em>" not in html and 'href="javascript:' not in html and "<script>alert" not in html
    assert "*x* [a](javascript:alert(1)) {{ y }}" in html
    assert pages["embed/index.md"].content.startswith("---\ntemplate: rw-embed.html\n")
    assert "Alle paden" in pages["wegwijzer/paden.md"].content


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_payload_within_size_budget(loaded: LoadedRoute) -> None:
    import gzip
    from pathlib import Path
    context = SiteContext(routes=real_routes())
    data = safe_json(payload(loaded, context, context.route_dir(loaded.slug) + "wegwijzer/index.md"))
    assets = Path(__file__).resolve().parent.parent / "overrides/assets"
    js = sum(len(gzip.compress((assets / name).read_bytes())) for name in ("wegwijzer.js", "wegwijzer-rank.js"))
    assert len(gzip.compress(data.encode())) + js <= 30 * 1024


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_js_ranking_equals_python(loaded: LoadedRoute) -> None:
    context = SiteContext(routes=real_routes())
    data = payload(loaded, context, context.route_dir(loaded.slug) + "wegwijzer/index.md")
    texts = [s["tekst"] for s in situations(loaded.slug)] + [s.title for s in loaded.route.steps] + ["", "ouders"]
    js = run_node("console.log(JSON.stringify(input.texts.map((t) => ww.rank(t, input.search).map((r) => [r.id, r.score]))));",
                  {"texts": texts, "search": data["search"]})
    index = build_index(loaded)
    python = [[[step, value] for step, value in rank(index, t)] for t in texts]
    assert js == python


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_paths_page_lists_every_path(loaded: LoadedRoute) -> None:
    context = SiteContext(routes=(loaded,))
    page = next(p for p in render_wegwijzer_pages(loaded, context) if p.src_uri.endswith("paden.md"))
    assert page.title == "Alle paden" and page.nav_section == ("Wegwijzer",)
    for path in enumerate_paths(loaded.route.wegwijzer):
        assert f'href="../#pad={path.code}"' in page.content
    for excluded in loaded.route.wegwijzer.excluded:
        assert f"../../stappen/{excluded.step}/" in page.content
