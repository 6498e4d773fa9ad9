"""The search sections of generator/search_parse.py are the sections Material's own Parser
makes — on every page of the built site and on the odd
HTML a content page may hold; where the scan is unsure, the page goes to HTMLParser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material
from material.plugins.search.plugin import Parser

from generator.search_parse import Sections

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


def _sections(parser: Parser | Sections) -> list[tuple]:
    return [(s.el.tag, s.id, s.depth, s.title, s.text, s.is_excluded()) for s in parser.data]


def _material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return _sections(parser)


def _fast(html: str) -> list[tuple] | None:
    parser = Sections(material.Element, material.Section)
    if not parser.feed(html):
        return None
    return _sections(parser)


def test_every_built_page_gets_the_sections_material_makes(built_site: Path) -> None:
    articles = [m.group(1) for p in sorted(built_site.rglob("*.html"))
                for m in [_ARTICLE.search(p.read_text(encoding="utf-8"))] if m]
    assert len(articles) > 80
    fast = [_fast(a) for a in articles]
    assert sum(f is not None for f in fast) == len(articles), "the scan gave up on a page the site itself made"
    for article, sections in zip(articles, fast):
        assert sections == _material(article)


@pytest.mark.parametrize("html", [
    '<h1 id="t">Titel <a class="headerlink" href="#t">&para;</a></h1><p>Tekst &amp; meer &lt;b&gt;</p>',
    '<h2 ID="a" Data-Search-Exclude>Weg</h2><p>weg</p><h2 id="b">Blijft</h2><p>ja</p>',
    '<p title="a &gt; b" class=\'x\' data-x=1 hidden>t</p><br/><div/><p>na</p>',
    '<pre><code>regel 1\n  regel 2\n</code></pre><p> \n </p><ul><li> </li><li>x</li></ul>',
    '<pre>x<span>\n</span> <em>  </em></pre><p>x<span> </span> <em> </em>y</p>',
    '<div class="linenodiv"><pre>1\n2</pre></div><script>if (a<b) {}</script><style>p>a{}</style><p>x</p>',
    '<h3 id="diep">Diep</h3><div><h2 id="in">In een div</h2><p>a</p></div><p>b</p>',
    '<P>Hoofdletters</P><sup>2</sup><sub> </sub>',
    '<div class="&#108;inenodiv"><p>weg</p></div><span DATA-SEARCH-EXCLUDE=""><p>weg</p></span><p>x</p>',
    '<div data-search-exclude><div>binnen</div>na de binnenste div: Material telt dit weer mee</div><p>x</p>',
    '<p><code>a</code> <code> </code></p><h2 id="k">Kop <code>c</code><a class="headerlink" href="#k">#</a></h2>',
])
def test_odd_but_valid_html_gets_material_s_sections(html: str) -> None:
    assert _fast(html) == _material(html)


@pytest.mark.parametrize("html", [
    '<!DOCTYPE html><!-- opmerking --><p>x</p><?pi x?>',
    '<svg><title id="t">Stroomschema &amp; meer</title><desc>d</desc></svg><p>na</p>',
    '<a href=x/>link</a><p/>',
    '<p>x</p> tekst &amp na de laatste tag',
    '<textarea><p>x</p></textarea><svg><title><b>x</b></title></svg><!----><p>y</p>',
    '<script>a = "<p>";</ SCRIPT ><p>na</p><style/>', 
])
def test_comments_svg_titles_and_slashes_are_read_as_html_parser_reads_them(html: str) -> None:
    fast = _fast(html)
    assert fast is not None and fast == _material(html)


@pytest.mark.parametrize("html", [
    "<p>a < b</p>",                    # a '<' that starts no tag
    "<!-- a -- b --><p>x</p>",         # HTMLParser ends a comment at '-- >' too
    "<![CDATA[x>y]]><p>x</p>",
    "<!---><p>x</p>",                 # HTMLParser waits for a "-->" that never comes
    "<script>nooit gesloten",
])
def test_unsure_pages_are_left_to_html_parser(html: str) -> None:
    assert _fast(html) is None


_PIECES = st.sampled_from([
    "<h1 id='a'>", "</h1>", "<h2 id=\"b\">", "</h2>", "<h3>", "</h3>", "<p>", "</p>", "<div>", "</div>",
    "<pre>", "</pre>", "<code>", "</code>", "<ul>", "<li>", "</li>", "</ul>", "<br>", "<img src=x>",
    "<a class=\"headerlink\" href=\"#a\">", "</a>", "<span data-search-exclude>", "</span>",
    "tekst", " ", "\n", "&amp;", "&#39;", "&eacute;", "<script>x</script>", "<em>", "</em>",
    "<!-- c -->", "<svg>", "<title>", "</title>", "</svg>", "<a href=x/>", "<p/>", "<", ">", "&", "-->",
    "<div data-search-exclude>", "<div class=\"linenodiv\">", "<h1>", "<h4 id=x>", "</h4>", "<sup>", "</sup>",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_any_mix_of_tags_either_matches_material_or_goes_to_html_parser(parts: list[str]) -> None:
    html = "".join(parts)
    fast = _fast(html)
    if fast is not None:
        assert fast == _material(html)
