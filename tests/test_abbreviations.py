"""Abbreviation tooltips: only ordinary text is touched, titles are escaped, the rest of the
HTML stays byte for byte the same."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.abbreviations import PageAbbreviations, add_abbreviations, route_abbreviations, shared_abbreviations
from generator.context import SiteContext

from support.routes import handbook_route, starter_route

ABBR = {"OPP": "Ontwikkelingsperspectief", "SO": "speciaal onderwijs", "SBO": "speciaal basisonderwijs",
        "IB": 'Intern <b>"begeleider"</b> & co'}


def _strip_abbr(html: str) -> str:
    return re.sub(r'<abbr title="[^"]*">(.*?)</abbr>', r"\1", html)


def test_wraps_whole_words_in_text() -> None:
    out = add_abbreviations("<p>Het OPP is klaar. OPPS en xOPP niet.</p>", ABBR)
    assert out == '<p>Het <abbr title="Ontwikkelingsperspectief">OPP</abbr> is klaar. OPPS en xOPP niet.</p>'


def test_wraps_the_word_not_the_punctuation_and_keeps_the_text() -> None:
    source = ("<li>Ontwikkelingsperspectief (OPP), SO/SBO, OPP-gesprek, Leerkracht/IB: "
              "&quot;OPP&quot; en &#39;IB&#39;</li>")
    out = add_abbreviations(source, ABBR)
    assert '(<abbr title="Ontwikkelingsperspectief">OPP</abbr>),' in out
    assert '<abbr title="SO: speciaal onderwijs; SBO: speciaal basisonderwijs">SO/SBO</abbr>,' in out
    assert '<abbr title="Ontwikkelingsperspectief">OPP-gesprek</abbr>,' in out
    assert 'Leerkracht/<abbr title="Intern' in out and "</abbr>: " in out
    assert '&quot;<abbr title="Ontwikkelingsperspectief">OPP</abbr>&quot;' in out
    assert "&#39;<abbr" in out and "</abbr>&#39;" in out
    assert _strip_abbr(out) == source


def test_titles_are_escaped() -> None:
    out = add_abbreviations("<p>De IB belt.</p>", ABBR)
    assert '<abbr title="Intern &lt;b&gt;&#34;begeleider&#34;&lt;/b&gt; &amp; co">IB</abbr>' in out
    assert "<b>" not in out


def test_attributes_scripts_and_skipped_elements_are_untouched() -> None:
    html = ('<div title="OPP" data-x="SO"><a href="/OPP">OPP</a><code>OPP</code><pre>OPP</pre>'
            '<script>var OPP = "SO";</script><style>.OPP{}</style><h2 id="opp">Het OPP</h2>'
            '<svg><text>OPP</text><a><text>SO</text></a></svg><abbr title="x">OPP</abbr>'
            '<textarea>OPP</textarea></div>')
    assert add_abbreviations(html, ABBR) == html


def test_text_after_skipped_elements_and_entities_is_wrapped() -> None:
    html = "<p><code>x</code> OPP &amp; SO<br>IB&nbsp;</p><!-- OPP --><p>a OPP</p>"
    out = add_abbreviations(html, ABBR)
    assert out.count("<abbr") == 4
    assert "<!-- OPP -->" in out
    assert _strip_abbr(out) == html


def test_nothing_to_do_returns_the_same_string() -> None:
    html = "<p>Geen afkortingen hier.</p>"
    assert add_abbreviations(html, ABBR) is html
    assert add_abbreviations(html, {}) is html


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["OPP", "SO", " ", "<b>", "</b>", "&amp;", "(", ")", "tekst", "<br>",
                                 '<a href="OPP">', "</a>", "\n", "é", "<code>", "</code>"]), max_size=30))
def test_only_abbr_tags_are_ever_added(parts: list[str]) -> None:
    html = "<p>" + "".join(parts) + "</p>"
    assert _strip_abbr(add_abbreviations(html, ABBR)) == html


def test_maps_come_from_terms_roles_and_documents() -> None:
    loaded = handbook_route()
    found = route_abbreviations(loaded)
    assert found["TLV"] == "Toelaatbaarheidsverklaring"
    assert found["IB"] == "Intern begeleider"  # '(IB)' is not repeated in the tooltip
    assert found["OPP"] == "Ontwikkelingsperspectief"
    assert found["MDO"] == "Multidisciplinair overleg"


def test_a_route_page_uses_its_own_route_only() -> None:
    # Since issue 16 a route page no longer gets other routes' abbreviations (see test_hostile_abbreviations).
    test, starter = handbook_route(), starter_route()
    shared = shared_abbreviations([starter, test])
    assert set(shared) <= set(route_abbreviations(test)) & set(route_abbreviations(starter))
    page = PageAbbreviations(SiteContext(routes=(starter, test))).for_page("testroute/index.md")
    assert page["OT"] == "Ondersteuningsteam"
    assert page == route_abbreviations(test)


class _Count(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_result_is_well_formed() -> None:
    out = add_abbreviations("<ul><li>OPP</li><li>SO en SBO</li></ul>", ABBR)
    parser = _Count()
    parser.feed(out)
    assert parser.tags.count("abbr") == 3


def test_long_slash_words_get_a_break_after_each_slash() -> None:
    html = '<p>Twee deskundigen (orthopedagogen/psychologen/maatschappelijk werk) en SO/SBO.</p>'
    out = add_abbreviations(html, {})
    assert "(orthopedagogen/<wbr>psychologen/<wbr>maatschappelijk werk)" in out
    assert "SO/SBO" in out  # short: fits a phone line as it is
    assert out.replace("<wbr>", "") == html


def test_slash_breaks_stay_out_of_attributes_links_code_and_titles() -> None:
    html = ('<p title="orthopedagogen/psychologen"><a href="/a/b">orthopedagogen/psychologen</a> '
            '<code>orthopedagogen/psychologen</code> 12/2026 https://example.org/pad/verder</p>')
    assert add_abbreviations(html, {}) == html
    out = add_abbreviations("<p>Het OPP-overleg/leerlingbespreking</p>", {"OPP": "ontwikkelingsperspectief/plan"})
    assert out == ('<p>Het <abbr title="ontwikkelingsperspectief/plan">OPP-overleg</abbr>'
                   '/<wbr>leerlingbespreking</p>')
