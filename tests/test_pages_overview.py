"""The Overzicht page: every route-level text, the flowchart with its text version, the
step-by-step list, and route text that stays text after Markdown."""

from __future__ import annotations

import re

import markdown
import pytest

from generator.dates import dutch_date
from generator.pages.home import ROUTES_MARKER, fill_home, route_cards
from generator.pages.overview import render_overview, tier_groups

from support.routes import context, handbook_route, starter_route


def to_html(text: str) -> str:
    """Markdown as MkDocs renders it (the extensions of mkdocs.yml)."""
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])


@pytest.fixture(scope="module")
def page():
    loaded = handbook_route()
    (page,) = render_overview(loaded, context(loaded))
    return page


@pytest.fixture(scope="module")
def html(page) -> str:
    return to_html(page.content)


def test_page_contract(page) -> None:
    assert page.src_uri == "testroute/index.md"
    assert page.title == "Overzicht" and page.order == 0


def test_route_text_stays_text_after_markdown(html: str) -> None:
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *E*" in html
    assert "<em>E</em>" not in html
    assert 'href="javascript' not in html
    assert "[link](javascript:alert(1))" in html
    assert "Naam {{ niet }} bekend" in html


def test_every_route_level_text_appears(html: str) -> None:
    route = handbook_route().route
    texts = [route.organisation.name, route.organisation.swv, route.organisation.note, route.source.title,
             route.source.version, route.source.date, route.plan_period, *route.introduction]
    texts += [t.name for t in route.tiers] + [t.description for t in route.tiers if t.description]
    for rule in route.rules:
        texts += [rule.text, *rule.items]
    for block in route.blocks:
        texts += [block.title, block.text, block.footer]
        for item in block.items:
            texts += [item] if isinstance(item, str) else [item.text, *item.items]
    for term in route.terms:
        texts += [term.term, term.meaning] + ([term.source_note] if term.source_note else [])
    for entry in route.changelog:
        texts += [entry.version, entry.text, dutch_date(entry.date)]
    plain = re.sub(r"\s+", " ", html.replace("&amp;", "&"))
    missing = [t for t in texts if t and t.replace("<", "&lt;").replace(">", "&gt;") not in plain]
    assert not missing, missing


def test_version_and_appendix_lines(html: str) -> None:
    assert 'versie 1.0 van <time datetime="2026-11-23">23 november 2026</time>' in html
    assert "Bijlage bij het ondersteuningsplan 2022-2026" in html


def test_rules_are_admonitions_and_link_their_step(html: str) -> None:
    assert html.count('class="admonition ') == 3
    assert re.search(r'admonition warning[^>]*>\s*<p class="admonition-title">Let op[^<]*<a href="stappen/stap-2/"', html)


def test_flowchart_and_its_text_version(html: str) -> None:
    loaded = handbook_route()
    assert '<svg' in html and 'role="img"' in html
    text_version = html[html.index("<summary>Stroomschema als tekst</summary>"):]
    text_version = text_version[:text_version.index("</details>")]
    for step in loaded.route.steps:
        assert f'<a href="stappen/{step.id}/">{step.label}: {step.title}</a>' in text_version
        for transition in step.transitions:
            assert transition.condition in text_version


def test_step_by_step_groups_consecutive_steps_by_tier(html: str) -> None:
    loaded = handbook_route()
    groups = tier_groups(loaded, {s.id: s.id for s in loaded.route.steps})  # type: ignore[arg-type]
    assert [g.tier.id for g in groups] == ["basis", "extra", "speciaal", "extra"]
    assert html.count('<ol class="rw-sbs"') == 4
    assert '<ol class="rw-sbs" start="3">' in html
    for step in loaded.route.steps:
        assert step.summary in html
    assert '<h3 id="basisondersteuning">Basisondersteuning</h3>' in html


def test_links_to_the_other_route_pages(html: str) -> None:
    for target in ("wie-doet-wat/", "documenten/", "voor-ouders/", "../vergelijken/", "../begrippen/#term-toelaatbaarheidsverklaring"):
        assert f'href="{target}"' in html, target
    assert 'href="wegwijzer/"' not in html  # the test route has no wegwijzer


def test_home_cards_link_every_route() -> None:
    test, starter = handbook_route(), starter_route()
    ctx = context(test, starter, prefix="routes/")
    cards = route_cards(ctx)
    assert cards.count('class="rw-card"') == 2
    assert 'href="routes/testroute/"' in cards and 'href="routes/regenboog/"' in cards
    assert 'href="routes/regenboog/wegwijzer/"' in cards and 'href="routes/testroute/wegwijzer/"' not in cards
    assert "&lt;script&gt;" in cards and "<script>" not in cards
    assert "5 stappen" in cards and 'versie 1.0 van <time datetime="2026-08-01">1 augustus 2026</time>' in cards
    filled = fill_home(f"# Home\n\n{ROUTES_MARKER}\n", ctx, "index.md")
    assert ROUTES_MARKER not in filled and "rw-route-cards" in to_html(filled)
    assert fill_home("# Home\n", ctx, "index.md") == "# Home\n"
