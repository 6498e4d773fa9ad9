"""Vergelijken and Begrippen: layers come only from the route files, every route's meaning
of a term is kept, anchors are stable."""

from __future__ import annotations

import markdown

from generator.model import TierLayer
from generator.pages.compare import compare_layers, render_compare
from generator.layout import Layout
from generator.pages.glossary import glossary_entries, render_glossary
from generator.terms import slugify

from support.routes import context, handbook_route, starter_route


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])


def test_layers_follow_the_laag_field_only() -> None:
    test, starter = handbook_route(), starter_route()  # the starter route sets no 'laag'
    layers = {layer.id: layer for layer in compare_layers(context(test, starter))}
    assert list(layers) == ["basis", "school", "ondersteuningsteam", "extra", "speciaal", "niet-ingedeeld"]
    basis_test, basis_starter = layers["basis"].cells
    assert [t.id for t, _ in basis_test.tiers] == ["basis"]
    assert [s.name.split(":")[0] for s in basis_test.steps] == ["Stap 1", "Stap 2"]
    assert basis_starter.tiers == ()
    unclassified = layers["niet-ingedeeld"].cells[1]
    assert [t.id for t, _ in unclassified.tiers] == ["basis", "extra"]
    assert not layers["school"].cells[0].tiers


def test_cells_hold_leads_documents_and_timing() -> None:
    test = handbook_route()
    layers = {layer.id: layer for layer in compare_layers(context(test))}
    assert "niet-ingedeeld" not in layers  # every tier of the test route has a laag
    basis = layers["basis"].cells[0]
    assert [(lead.role, lead.responsibility, lead.steps) for lead in basis.leads] == [
        ("Leerkracht", "eindverantwoordelijk", ("Stap 1",)), ("Intern begeleider", "regie", ("Stap 2",))]
    assert [f.text for f in basis.timing] == ["binnen 6 weken", "Evaluatie: na 6-8 weken"]
    extra = layers["extra"].cells[0]
    assert [f.text for f in extra.documents] == ["Ontwikkelingsperspectief (OPP): opstellen"]
    assert "Ontwikkelingsperspectief (OPP): binnen zes weken" in [f.text for f in extra.timing]


def test_compare_page_renders_tables_with_labels_and_escaped_text() -> None:
    (page,) = render_compare(context(handbook_route(), starter_route()))
    assert page.src_uri == "vergelijken.md" and page.title == "Vergelijken"
    html = to_html(page.content)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('class="rw-table-scroll rw-compare') == 1 + 6
    assert 'data-label="Regie en eindverantwoordelijkheid"' in html
    assert 'id="laag-speciaal"' in html
    assert 'href="../testroute/stappen/stap-4a/"' in html
    assert {layer.value for layer in TierLayer} <= {l.id for l in compare_layers(context(handbook_route()))}


def test_glossary_merges_terms_roles_documents_per_route() -> None:
    test, starter = handbook_route(), starter_route()
    entries = {e.name: e for e in glossary_entries(context(test, starter))}
    names = list(entries)
    assert names == sorted(names, key=str.casefold)
    ib = entries["Intern begeleider"]
    assert ib.abbreviations == ["IB"] and len(ib.meanings) == 2  # both routes, each its own text
    assert {m.kind for m in ib.meanings} == {"rol"}
    mdo = entries["Multidisciplinair overleg"]
    assert mdo.anchor == "term-multidisciplinair-overleg"
    assert mdo.meanings[0].source_note == "domain.md"
    assert "Leerkracht" not in entries  # no abbreviation, not a begrip


def test_glossary_page_has_anchors_abbreviations_and_herkomst() -> None:
    (page,) = render_glossary(context(handbook_route(), starter_route()))
    assert page.src_uri == "begrippen.md" and page.title == "Begrippen"
    html = to_html(page.content)
    assert 'id="term-toelaatbaarheidsverklaring"' in html
    assert 'href="#term-ontwikkelingsperspectief"' in html
    assert "Herkomst: domain.md" in html
    assert "Gebruikt in:" in html


def test_slugs() -> None:
    assert slugify("Één-op-één (OPP)") == "een-op-een-opp"
    assert Layout().term_anchor("Intern begeleider (IB)") == "term-intern-begeleider"
