"""The copy-paste embed code on the publisher page (`<route>/publiceren/`) is correct HTML for
any organisation name.

A school copies that text into its own website. The organisation name goes into the
iframe's `title`, so a name like `X" onload="…` used to add an attribute that runs code in
the school's site, and `Basisschool "De Linde"` broke the snippet. The tests take the text
as a person copies it (before and after the page script puts in the absolute address) and
load it as a page in Chromium.
"""

from __future__ import annotations

import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import serve
from support.routes import starter_text

NAMES = {
    "aanhalingsteken": 'X" onload="window.__pwned=1" data-x="',
    "de-linde": 'Basisschool "De Linde"',
    "tekens": "<script>window.__pwned=2</script> & Co <b>vet</b> < 3 &amp;",
    "apostrof": "O'Brien' onmouseover='window.__pwned=3 $& $' $`",
}
SITE_FOLDER = "sub $&'map"
"""The site lives below a folder whose name has '$&' and "'" in it: the page script puts the
address into the snippet, and in String.replace '$&' would otherwise be a pattern."""
ATTRIBUTES = ["data-routewijzer", "height", "src", "style", "title"]


def _route(name: str) -> str:
    data = typing.cast(dict[str, Any], yaml.safe_load(starter_text()))
    data["organisatie"]["naam"] = name
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


@pytest.fixture(scope="module")
def embed_site(routes_site: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, reached through a folder whose name needs escaping (a link to the shared build)."""
    built = routes_site("hostile-embed", {f"{slug}.yaml": _route(name) for slug, name in NAMES.items()})
    www = tmp_path_factory.mktemp("hostile-embed") / "www"
    www.mkdir()
    (www / SITE_FOLDER).symlink_to(built, target_is_directory=True)
    return www / SITE_FOLDER


class _Snippet(HTMLParser):
    """The text of the page's [data-rw-embed-code] element, as a browser shows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or any(name == "data-rw-embed-code" for name, _ in attrs):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("slug", sorted(NAMES))
def test_snippet_without_javascript_is_one_iframe_with_the_name_as_title(embed_site: Path, slug: str) -> None:
    html = (embed_site / slug / "publiceren" / "index.html").read_text(encoding="utf-8")
    snippet = _Snippet()
    snippet.feed(html)
    code = "".join(snippet.text)
    assert code.startswith("<iframe ")
    tags = _Tags()
    tags.feed(code)
    assert [t for t, _ in tags.tags] == ["iframe", "script"]
    attrs = tags.tags[0][1]
    assert sorted(attrs) == ATTRIBUTES
    assert attrs["title"] == f"Wegwijzer {NAMES[slug]}"
    assert attrs["src"] == "../wegwijzer/embed/"


@pytest.mark.browser
def test_pasted_snippet_loads_one_iframe_and_runs_nothing_else(embed_site: Path, browser: Any) -> None:
    with serve(embed_site.parent) as root:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(root)
                      or r.request.url.startswith(("data:", "about:")) else r.abort())
        dialogs: list[str] = []
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        try:
            for slug, name in sorted(NAMES.items()):
                site = page.evaluate("(p) => new URL(p, location.href).href", f"{root}/{SITE_FOLDER}/")
                page.goto(f"{site}{slug}/publiceren/", wait_until="load")
                expected_src = f"{site}{slug}/wegwijzer/embed/"
                code = page.text_content("[data-rw-embed-code]")
                # In the code the address is attribute-escaped ('&' as '&amp;'), like the title.
                assert code is not None and f'src="{expected_src.replace("&", "&amp;")}"' in code, code
                # A school's page with the pasted code, served from the same host.
                page.goto(f"{root}/", wait_until="load")
                page.set_content(f"<!doctype html><html lang=nl><head><title>School</title></head>"
                                 f"<body>{code}</body></html>", wait_until="load")
                found = page.evaluate("""() => ({
                    body: [...document.body.children].map((e) => e.tagName),
                    iframes: [...document.querySelectorAll('iframe')].map((f) => ({
                        names: f.getAttributeNames().sort(), title: f.title, src: f.getAttribute('src')})),
                    pwned: typeof window.__pwned,
                    elements: document.body.querySelectorAll('*').length,
                })""")
                assert found["body"] == ["IFRAME", "SCRIPT"], (slug, found)
                assert found["elements"] == 2, (slug, found)
                assert found["iframes"] == [{"names": ATTRIBUTES, "title": f"Wegwijzer {name}", "src": expected_src}]
                assert found["pwned"] == "undefined", slug
                frame = page.frame_locator("iframe[data-routewijzer]")
                assert "Wegwijzer" in frame.locator("h1").inner_text(), slug
        finally:
            context.close()
    assert dialogs == []
