"""Generated pages through Markdown without their HTML blocks (generator/html_blocks.py),
and the tag scan both that and the abbreviation pass use (generator/html_scan.py)."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.html_blocks import fill, skeleton
from generator.html_scan import tags
from generator.pages import render_site
from support.routes import context, handbook_route, real_routes


def real_site_pages() -> list[str]:
    """The Markdown of every generated page of the real routes and the hostile test route."""
    pages = render_site(context(*real_routes(), handbook_route()))
    return [p.content.split("---\n", 2)[2] if p.content.startswith("---\n") else p.content
            for p in pages if p.src_uri.endswith(".md")]


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"],
                             extension_configs={"toc": {"permalink": True}})


def _between_tags(html: str) -> str:
    """Whitespace between two tags does not render between block elements: ignore it."""
    return re.sub(r">\s+<", "><", html).strip()


def _both_ways(text: str) -> tuple[str, str, list, list]:
    whole_md, part_md = _markdown(), _markdown()
    whole = whole_md.convert(text)
    bare = skeleton(text)
    assert bare is not None
    part = fill(part_md.convert(bare.markdown), bare.blocks)
    return whole, part, whole_md.toc_tokens, part_md.toc_tokens  # type: ignore[attr-defined]


def test_every_real_generated_page_comes_out_as_markdown_made_it() -> None:
    pages = real_site_pages()
    assert len(pages) > 50
    for page in pages:
        whole, part, whole_toc, part_toc = _both_ways(page)
        assert _between_tags(part) == _between_tags(whole)
        assert part_toc == whole_toc


def test_headings_stay_markdown_and_blocks_are_not_parsed() -> None:
    text = ('# Titel\n\n<div class="a">\n<p>Tekst met # en *sterren* en [link](x.md)</p>\n\n<p>nog</p>\n</div>\n'
            '## Kop {: #kop }\n\n<ul>\n<li>een</li>\n</ul>\n')
    bare = skeleton(text)
    assert bare is not None
    assert "*sterren*" not in bare.markdown and "## Kop {: #kop }" in bare.markdown
    assert len(bare.blocks) == 2 and "\n\n<p>nog</p>" in bare.blocks[0]
    whole, part, whole_toc, part_toc = _both_ways(text)
    assert _between_tags(part) == _between_tags(whole)
    assert [t["id"] for t in part_toc[0]["children"]] == ["kop"]


@pytest.mark.parametrize("text", [
    "<div>\n<p>open\n",                      # never closed
    "<div></div></div>\n",                   # closed once too often
    "<div>a</div> en tekst erachter\n",      # text after the block on its line
    "<span>inline</span> aan het begin\n",   # an inline tag starts a paragraph, not a block
    "Tekst\n\n    <div>code</div>\n",        # indented: Markdown makes it a code block
])
def test_pages_it_cannot_read_safely_go_to_markdown_whole(text: str) -> None:
    assert skeleton(text) is None


def test_a_changed_placeholder_stops_the_build_instead_of_losing_a_block() -> None:
    bare = skeleton("# T\n\n<div>a</div>\n")
    assert bare is not None
    with pytest.raises(ValueError, match="HTML-blokken"):
        fill("<h1>T</h1>\n<p>iets anders</p>", bare.blocks)


def test_scan_reads_quoted_brackets_raw_text_and_comments() -> None:
    html = ('<p title="a > b" data-x=\'<c>\'>x</p><!-- <div> --><script>if (a<b) {"</p>"}</script>'
            '<br><img src="i.png"/><svg><path d="M0"/></svg>')
    found = [(t.name, t.closing, t.empty) for t in tags(html)]
    assert found == [("p", False, False), ("p", True, False), ("", False, True), ("script", False, False),
                     ("script", True, False), ("br", False, True), ("img", False, True), ("svg", False, False),
                     ("path", False, True), ("svg", True, False)]


_PIECES = st.sampled_from([
    "# Kop\n", "## Kop {: #k }\n", "\n", "<div>\n", "</div>\n", "<p>tekst *niet* _md_</p>\n", "<ul>\n<li>a</li>\n</ul>\n",
    '<p class="x" title="a&gt;b">t</p>\n', "<!-- opmerking -->\n", "<details>\n<summary>s</summary>\n", "</details>\n",
    "<table><tr><td>1</td></tr></table>\n", "<p>&lt;script&gt;</p>\n",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_any_template_like_page_either_matches_markdown_or_goes_whole(parts: list[str]) -> None:
    text = "".join(parts)
    bare = skeleton(text)
    if bare is None:
        return
    whole_md, part_md = _markdown(), _markdown()
    whole = whole_md.convert(text)
    part = fill(part_md.convert(bare.markdown), bare.blocks)
    assert _between_tags(part) == _between_tags(whole)
    assert part_md.toc_tokens == whole_md.toc_tokens  # type: ignore[attr-defined]
