"""Step pages: one pure render per step, every field shown, links right, route text inert."""

from __future__ import annotations

import re

import pytest

from generator.handbook import RouteView
from generator.links import AnchorLinks
from generator.pages.steps import render_step_pages
from generator.render import render
from support.routes import context, loaded, route_data
from support.text import texts, to_html, visible_text

# Ids and references are not text; the rest of a step must all be on its page.
REFERENCES = frozenset({"id", "tier", "role", "document", "to", "by"})


def pages_by_id(data: dict | None = None) -> dict[str, object]:
    route = loaded(data)
    return {p.src_uri.rsplit("/", 1)[1][:-3]: p for p in render_step_pages(route, context(route))}


def test_one_page_per_step_in_file_order_under_stappen() -> None:
    route = loaded()
    pages = render_step_pages(route, context(route))
    assert [p.src_uri for p in pages] == [f"test-route/stappen/stap-{i}.md" for i in (1, 2, 3)]
    assert [p.title for p in pages] == ["Stap 1: Signaleren", "Stap 2: Bespreken met IB", "Stap 3: Uitvoeren"]
    assert all(p.nav_section == ("Stappen",) for p in pages)
    assert [p.order for p in pages] == sorted(p.order for p in pages) and len({p.order for p in pages}) == 3


def test_a_title_that_repeats_the_label_is_not_said_twice() -> None:
    data = route_data()
    data["stappen"][1]["label"] = "Zorgoverleg"
    data["stappen"][1]["titel"] = "zorgoverleg "
    pages = render_step_pages(loaded(data), context(loaded(data)))
    assert [p.title for p in pages] == ["Stap 1: Signaleren", "Zorgoverleg", "Stap 3: Uitvoeren"]
    assert pages[1].content.startswith("# Zorgoverleg\n") or "\n# Zorgoverleg\n" in pages[1].content


def test_actions_the_description_already_says_are_not_listed_again() -> None:
    data = route_data()
    step = data["stappen"][0]
    step["omschrijving"] = ["De leerkracht observeert in de klas. Daarna overleggen met de duo-collega."]
    step["acties"] = ["De leerkracht\n observeert in de klas.", {"tekst": "Overleggen", "punten": ["met de duo-collega"]},
                      {"tekst": "Daarna overleggen", "punten": ["met de ouders"]}, "Een nieuw plan maken."]
    html = to_html(pages_by_id(data)["stap-1"].content)
    text = visible_text(html)
    assert text.count("observeert in de klas") == 1
    assert "Acties" in text and "met de ouders" in text and "Een nieuw plan maken." in text
    # A sub-item list counts as said only when its text and all its points are in the prose.
    assert "met de duo-collega" in text and text.count("Daarna overleggen") == 2
    step["omschrijving"] = [" ".join(a if isinstance(a, str) else a["tekst"] for a in step["acties"])
                            + " met de duo-collega met de ouders"]
    assert "Acties" not in visible_text(to_html(pages_by_id(data)["stap-1"].content))


def test_every_text_field_of_every_step_is_on_its_page() -> None:
    route = loaded()
    view = RouteView(route)
    pages = pages_by_id()
    for step in route.route.steps:
        text = visible_text(to_html(pages[step.id].content))
        for field, value in texts(step, REFERENCES):
            assert " ".join(value.split()) in text, f"{step.id}.{field} ontbreekt: {value!r}"
        # Names of what the step refers to are shown too.
        for part in step.roles:
            assert view.roles[part.role].name in text
        for use in step.documents:
            assert view.documents[use.document].name in text


def test_heading_and_sections_are_markdown_headings() -> None:
    """The answers come first (issue 12): documents, records and next steps are said there, once."""
    html = to_html(pages_by_id()["stap-1"].content)
    assert re.search(r"<h1[^>]*>Stap 1: Signaleren</h1>", html)
    sections = ("Wat u nu doet", "Met wie", "Wat u vastlegt, en waar", "Wat hierna komt", "Wat gebeurt er",
                "Wanneer bent u hier", "Wie doet wat", "Ouders", "Per betrokkene", "Wettelijk kader en termijnen",
                "Evaluatie", "Opmerkingen")
    positions = []
    for section in sections:
        found = re.search(rf"<h2 id=\"[^\"]+\">{section}</h2>", html)
        assert found, section
        positions.append(found.start())
    assert positions == sorted(positions), "the answers come before the full text"
    for said_above in ("Documenten", "Vastleggen", "Hoe verder"):
        assert f">{said_above}</h2>" not in html, said_above


def test_empty_sections_are_left_out() -> None:
    html = to_html(pages_by_id()["stap-3"].content)
    for section in ("Wat gebeurt er", "Wie doet wat", "Ouders", "Documenten", "Evaluatie", "Opmerkingen"):
        assert f">{section}</h2>" not in html
    assert ">Wat hierna komt</h2>" in html
    assert "De route kan bij deze stap eindigen." in html
    assert "De route noemt bij deze stap geen documenten en niets om vast te leggen." in html


def test_tier_badge_uses_the_tier_position() -> None:
    pages = pages_by_id()
    assert 'class="rw-tier rw-tier--1"' in pages["stap-1"].content
    assert 'class="rw-tier rw-tier--2"' in pages["stap-2"].content
    assert "Extra ondersteuning" in visible_text(to_html(pages["stap-2"].content))


def test_procedures_are_ordered_lists_and_questions_nest() -> None:
    html = to_html(pages_by_id()["stap-1"].content)
    assert re.search(r"<ol[^>]*>\s*<li>Eerst kijken\.</li>\s*<li>Dan plannen\.</li>", html)
    assert re.search(r"<li>Hoe gaat het thuis\?\s*<ul>\s*<li>Slaapt het kind goed\?</li>", html)
    assert re.search(r'<div class="admonition note[^"]*">\s*<p class="admonition-title">Let op</p>', html)
    assert '<details class="rw-phrases">' in html and "Zo beschrijven mensen deze situatie" in html


def test_transitions_link_to_their_steps_with_kind_and_condition() -> None:
    html = to_html(pages_by_id()["stap-2"].content)
    hoe_verder = html.split(">Wat hierna komt</h2>", 1)[1].split("<h2", 1)[0]
    assert re.search(r'Vervolg</span> naar <a href="\.\./stap-3/">Stap 3: Uitvoeren</a>', hoe_verder)
    assert re.search(r'Afschalen</span> naar <a href="\.\./stap-1/">Stap 1: Signaleren</a>', hoe_verder)
    assert "Wanneer: Het plan is klaar." in hoe_verder
    assert "Wanneer: Het werkt weer." in hoe_verder
    one = to_html(pages_by_id()["stap-1"].content)
    assert "Opschalen</span> naar" in one and "(te weinig effect)" in one


def test_previous_and_next_are_a_labelled_navigation() -> None:
    pages = pages_by_id()
    first, middle, last = (to_html(pages[s].content) for s in ("stap-1", "stap-2", "stap-3"))
    nav = re.compile(r'<nav class="rw-prevnext" aria-label="Vorige en volgende stap">(.*?)</nav>', re.S)
    assert 'rel="prev"' not in nav.search(first).group(1)
    assert re.search(r'href="\.\./stap-2/" rel="next"', nav.search(first).group(1))
    middle_nav = nav.search(middle).group(1)
    assert re.search(r'href="\.\./stap-1/" rel="prev"', middle_nav) and re.search(r'href="\.\./stap-3/" rel="next"', middle_nav)
    assert 'rel="next"' not in nav.search(last).group(1)


def test_roles_link_to_role_anchors_and_the_lead_is_marked_in_text() -> None:
    html = to_html(pages_by_id()["stap-1"].content)
    table = html.split('<table class="rw-table rw-stack rw-roles">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>.*?</tr>", table, re.S)[1:]
    assert 'href="../../wie-doet-wat/#rol-leerkracht"' in rows[0], "most responsible role comes first"
    assert 'class="rw-lead"' in rows[0] and "★" in rows[0] and "eindverantwoordelijk" in rows[0]
    assert 'class="rw-lead"' not in rows[1] and "wordt geïnformeerd" in rows[1]
    assert '<th scope="col">Rol</th>' in table and '<th scope="row">' in rows[0]


def test_documents_link_to_the_documenten_page() -> None:
    html = to_html(pages_by_id()["stap-2"].content)
    assert 'href="../../documenten/#doc-opp"' in html
    assert 'href="../../wie-doet-wat/#rol-ib"' in html
    assert "binnen zes weken" in html


def test_parents_items_are_grouped_by_what_they_mean() -> None:
    text = visible_text(to_html(pages_by_id()["stap-1"].content))
    told = text.index("Wat ouders te horen krijgen")
    asked = text.index("Wat er van ouders gevraagd wordt")
    decide = text.index("Waar ouders over beslissen")
    assert told < text.index("Ouders horen wat de leerkracht ziet.") < asked
    assert asked < text.index("De leerkracht nodigt ouders uit") < decide
    assert decide < text.index("Ouders geven toestemming voor observatie.")


def test_route_rules_show_on_the_steps_they_concern() -> None:
    pages = pages_by_id()
    one, two = (visible_text(to_html(pages[s].content)) for s in ("stap-1", "stap-2"))
    assert "Stap 2 mag nooit overgeslagen worden." in two
    assert "Stap 2 mag nooit overgeslagen worden." not in one
    for text in (one, two):
        assert "Ouders zijn bij elke stap betrokken." in text and "Ouders krijgen altijd een verslag." in text
        assert "Een algemene regel voor het overzicht." not in text


EVIL = ["<script>alert(1)</script>", "*ster*", "[x](javascript:alert(1))", "{{ x }}"]


@pytest.mark.parametrize("evil", EVIL)
def test_route_text_is_shown_as_text_never_as_markup(evil: str) -> None:
    data = route_data()
    step = data["stappen"][0]
    step["titel"] = f"Titel {evil}"
    step["label"] = f"Label {evil}"
    step["samenvatting"] = f"Samenvatting {evil}"
    step["omschrijving"] = [f"Omschrijving {evil}"]
    step["acties"] = [{"tekst": f"Actie {evil}", "punten": [f"Sub {evil}"]}]
    step["onderdelen"][0]["titel"] = f"Blok {evil}"
    step["opmerkingen"] = [f"Opmerking {evil}"]
    step["ouders"]["eenvoudig"] = f"Eenvoudig {evil}"
    step["overgangen"][0]["voorwaarde"] = f"Voorwaarde {evil}"
    data["rollen"][1]["naam"] = f"Rol {evil}"
    page = pages_by_id(data)["stap-1"]
    html = to_html(page.content)
    lowered = html.lower()
    assert "<script" not in lowered
    assert "javascript:" not in re.sub(r">[^<]*<", "><", lowered), "javascript: must not be in any attribute"
    assert not re.search(r"href=\"javascript", lowered)
    assert "<em>ster</em>" not in html
    text = visible_text(html)
    for prefix in ("Titel", "Label", "Samenvatting", "Omschrijving", "Actie", "Sub", "Blok", "Opmerking",
                   "Eenvoudig", "Voorwaarde", "Rol"):
        assert f"{prefix} {evil}" in text, f"{prefix} {evil!r} is not shown literally"
    # The Markdown source holds the text escaped (HTML-escaped inside raw HTML blocks).
    if "<" in evil:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.content


def test_step_body_partial_works_with_in_document_anchors() -> None:
    """The print version includes the partial with AnchorLinks; links then stay in the document."""
    route = loaded()
    step = route.route.steps[1]
    content = render("partials/step-body.md.j2", step=step, view=RouteView(route), links=AnchorLinks(), level=3)
    html = to_html(content)
    assert 'href="#stap-stap-3"' in html and 'href="#rol-ib"' in html and 'href="#doc-opp"' in html
    assert "<h3" in html and "<h2" not in html
