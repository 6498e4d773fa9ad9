"""Wie doet wat, Documenten (with the checklist) and Voor ouders, rendered without a build."""

from __future__ import annotations

import re

from generator.pages.documents import render_documents_page
from generator.pages.parents import render_parents_page
from generator.pages.roles import render_roles_page
from support.routes import context, loaded, route_data
from support.text import to_html, visible_text


def roles_html(data: dict | None = None) -> str:
    route = loaded(data)
    [page] = render_roles_page(route, context(route))
    assert page.src_uri == "test-route/wie-doet-wat.md" and page.title == "Wie doet wat" and not page.nav_section
    return to_html(page.content)


def documents_html(data: dict | None = None) -> str:
    route = loaded(data)
    [page] = render_documents_page(route, context(route))
    assert page.src_uri == "test-route/documenten.md" and page.title == "Documenten"
    return to_html(page.content)


def parents_html(data: dict | None = None, slug: str = "test-route") -> str:
    route = loaded(data, slug)
    [page] = render_parents_page(route, context(route))
    assert page.src_uri == f"{slug}/voor-ouders.md" and page.title == "Voor ouders"
    return to_html(page.content)


# --- Wie doet wat ---------------------------------------------------------------------------


def matrix(html: str) -> str:
    return html.split('<table class="rw-table rw-matrix__table">', 1)[1].split("</table>", 1)[0]


def test_matrix_has_column_and_row_headers() -> None:
    table = matrix(roles_html())
    cols = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table, re.S)
    assert cols[0] == "Rol"
    assert [re.sub(r"<[^>]+>", "", c) for c in cols[1:]] == ["Stap 1", "Stap 2", "Stap 3"]
    assert 'href="../stappen/stap-2/"' in table
    rows = re.findall(r'<th scope="row"><a href="\./#rol-([a-z-]+)">', table)
    assert rows == ["leerkracht", "ib", "directeur"]


def test_matrix_cells_say_the_responsibility_in_words() -> None:
    table = matrix(roles_html())
    body_rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", table, re.S)
    leerkracht, ib, directeur = body_rows

    def cells(row: str) -> list[tuple[str, str]]:
        """(letter shown, word for screen readers) per cell."""
        return re.findall(r'<td[^>]*><span aria-hidden="true">(.*?)</span><span class="rw-sr">(.*?)</span></td>', row)

    assert cells(leerkracht) == [("E", "eindverantwoordelijk"), ("D", "doet mee"), ("–", "niet betrokken")]
    assert cells(ib) == [("I", "wordt geïnformeerd"), ("R", "regie"), ("–", "niet betrokken")]
    assert cells(directeur) == [("–", "niet betrokken")] * 3
    # The letter is for sighted readers only; the word is for everyone.
    assert '<span aria-hidden="true">E</span><span class="rw-sr">eindverantwoordelijk</span>' in leerkracht


def test_matrix_is_a_labelled_focusable_region_with_a_legend_of_used_letters() -> None:
    html = roles_html()
    region = re.search(r'<div class="rw-scroll" role="region" aria-labelledby="([^"]+)" tabindex="0">', html)
    assert region and f'<caption id="{region.group(1)}">' in html
    legend = html.split('class="rw-matrix-legend"', 1)[1].split("</dl>", 1)[0]
    words = re.findall(r"<dd>(.*?)</dd>", legend)
    assert words == ["eindverantwoordelijk", "regie", "doet mee", "wordt geïnformeerd", "niet betrokken bij deze stap"]


def test_every_role_has_an_anchor_description_source_and_tasks_per_step() -> None:
    html = roles_html()
    for role_id in ("leerkracht", "ib", "directeur"):
        assert re.search(rf'<h3 id="rol-{role_id}">', html), role_id
    ib = html.split('id="rol-ib"', 1)[1].split("<h3", 1)[0]
    text = visible_text(ib)
    assert "Coördineert." in text and "Uit de woordenlijst." in text and "IB" in text
    assert "Stap 2: Bespreken met IB — ★ regie" in text and "Plant het gesprek." in text
    assert "Ontwikkelingsperspectief: opstellen" in text
    directeur = visible_text(html.split('id="rol-directeur"', 1)[1])
    assert "bij geen enkele stap" in directeur


# --- Documenten -----------------------------------------------------------------------------


def test_every_document_has_an_anchor_and_its_steps() -> None:
    html = documents_html()
    opp = html.split('<h3 id="doc-opp">', 1)[1].split("<h3", 1)[0]
    text = visible_text(opp)
    for expected in ("Plan met doelen.", "OPP", "Vastgelegd in: ParnasSys", "Uit de wet.",
                     "Stap 2: Bespreken met IB — opstellen", "Intern begeleider", "binnen zes weken"):
        assert expected in text, expected
    assert 'href="../stappen/stap-2/"' in opp and 'href="../wie-doet-wat/#rol-ib"' in opp
    verslag = visible_text(html.split('<h3 id="doc-verslag">', 1)[1].split("<h2", 1)[0])
    assert "Beeld van de leerling" in verslag and "met ouders" in verslag


def test_checklist_has_labelled_boxes_per_step_and_no_tick_state_in_html() -> None:
    html = documents_html()
    checklist = html.split('<div class="rw-checklist" data-rw-checklist="test-route">', 1)[1]
    steps = re.findall(r'<fieldset class="rw-checklist__step" data-rw-step="([a-z0-9-]+)">', checklist)
    assert steps == ["stap-1", "stap-2"], "only steps with something to tick"
    boxes = re.findall(r'<input type="checkbox" id="([^"]+)" data-rw-item="([^"]+)">', checklist)
    labels = re.findall(r'<label for="([^"]+)">(.*?)</label>', checklist)
    assert len(boxes) == 3 and [b[0] for b in boxes] == [label[0] for label in labels]
    assert len({b[0] for b in boxes}) == 3, "ids are unique"
    assert [visible_text(label[1]) for label in labels] == [
        "Verslag: opstellen (termijn: binnen twee weken)",
        "Vastleggen: Het gesprek komt in het leerlingvolgsysteem.",
        "Ontwikkelingsperspectief: opstellen (termijn: binnen zes weken)",
    ]
    assert "checked" not in checklist
    assert checklist.count("data-rw-clear hidden") == 2, "buttons appear only with JavaScript"
    assert "alleen in deze browser" in visible_text(checklist)


def test_checklist_without_documents_says_so() -> None:
    data = route_data()
    for step in data["stappen"]:
        step.pop("documenten", None)
        step.pop("vastleggen", None)
    html = documents_html(data)
    assert "<fieldset" not in html and "bij geen enkele stap documenten" in html


# --- Voor ouders ----------------------------------------------------------------------------


def section(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def test_parents_page_uses_plain_text_else_the_summary() -> None:
    html = parents_html()
    one = visible_text(section(html, ">Stap 1: Signaleren</h3>", "<h3"))
    two = visible_text(section(html, ">Stap 2: Bespreken met IB</h3>", "<h3"))
    assert "De leerkracht vertelt u wat er extra gebeurt." in one
    assert "De leerkracht signaleert." not in one, "the plain text replaces the summary"
    assert "Leerkracht en IB bespreken de leerling." in two


def test_parents_page_says_what_parents_hear_are_asked_and_decide() -> None:
    html = parents_html()
    one = visible_text(section(html, ">Stap 1: Signaleren</h3>", "<h3"))
    assert one.index("Wat u te horen krijgt") < one.index("Ouders horen wat de leerkracht ziet.")
    assert one.index("Wat wij u vragen") < one.index("De leerkracht nodigt ouders uit voor een gesprek.")
    assert one.index("Waar u over beslist") < one.index("Ouders geven toestemming voor observatie.")
    assert "Leerkracht (heeft de leiding)" in one and "Intern begeleider" in one
    two = visible_text(section(html, ">Stap 2: Bespreken met IB</h3>", "<h3"))
    assert two.index("Waar u over beslist") < two.index("Ouders stemmen in met het handelingsdeel.")


def test_parents_page_shows_only_route_text_outside_the_general_part() -> None:
    html = parents_html()
    steps_part = visible_text(section(html, ">De stappen</h2>", '<h2 id="algemene-informatie">'))
    for professional_only in ("Eerste alinea van de omschrijving.", "Observeren in de klas.", "De zorgplicht geldt."):
        assert professional_only not in steps_part


def test_general_part_is_marked_sourced_and_the_same_for_every_route() -> None:
    html = parents_html()
    general = html.split('<h2 id="algemene-informatie">', 1)[1]
    text = visible_text(general)
    assert "dit deel komt niet uit de route" in text
    assert "Vraag dit na bij uw samenwerkingsverband" in text
    for fact in ("0800-5010", "1 augustus 2017", "6 weken", "twee onafhankelijke deskundigen",
                 "Geschillencommissie passend onderwijs", "Onderwijsconsulenten"):
        assert fact in text, fact
    blocks = re.findall(r'<div class="rw-general">(.*?)</div>', general, re.S)
    for block in blocks[1:]:
        assert "Bron:" in block, f"statement without source: {visible_text(block)[:80]}"
    other = route_data()
    other["organisatie"]["naam"] = "Een heel andere school"
    other_general = parents_html(other, "andere").split('<h2 id="algemene-informatie">', 1)[1]
    assert other_general == general
