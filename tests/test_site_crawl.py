"""Every built page in Chromium: offline, no broken links or anchors, no console errors.

The handbook is used by schools with strict privacy rules and is often opened from a
file share or intranet, so a single request to another host, a dead link or a script
error on any page counts as a failure. Each page is its own test (`site_page`, see conftest),
so xdist workers share the crawl.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlparse

import pytest

from support.browser import Walk, open_walk, problems_by_page
from support.site import html_pages, page_url

pytestmark = pytest.mark.browser


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")


@functools.lru_cache(maxsize=None)
def _ids_in(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return frozenset(parser.ids)


def _target_file(site: Path, url_path: str) -> Path | None:
    """The file a same-host URL path is served from, as the static server would find it."""
    local = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/"):
        local = local / "index.html"
    if local.is_file():
        return local
    if (local / "index.html").is_file():
        return local / "index.html"
    return None


_STATE = re.compile(r"^[\w-]+=")


def _link_problems(site: Path, base: str, page_url: str, hrefs: list[str]) -> list[str]:
    problems = []
    host = urlparse(base).netloc
    for href in hrefs:
        parsed = urlparse(href)
        if parsed.scheme in ("mailto", "tel", "data", "blob"):
            continue
        if parsed.scheme not in ("http", "https") or parsed.netloc != host:
            if parsed.scheme in ("http", "https"):
                continue  # external links are allowed as links; requests to them are not
            problems.append(f"vreemde link: {href}")
            continue
        target_url, fragment = urldefrag(href)
        target = _target_file(site, urlparse(target_url).path)
        if target is None:
            problems.append(f"kapotte link: {href}")
            continue
        if _STATE.match(fragment):
            continue  # '#pad=1.0' is page state read by a script (the wegwijzer), not an anchor
        if fragment and target.suffix == ".html" and unquote(fragment) not in _ids_in(target):
            problems.append(f"onbekend anker: {href}")
    return problems


@pytest.fixture(scope="session")
def crawl_walk(browser: Any) -> Iterator[Walk]:
    """One desktop page reused by every crawl test of this worker (a context per page is slow)."""
    walk = open_walk(browser)
    yield walk
    walk.page.context.close()


def test_every_page_is_offline_has_working_links_and_no_errors(built_site: Path, site_url: str, site_page: str,
                                                               crawl_walk: Walk) -> None:
    """Every page (one test each): no request leaves 127.0.0.1, every link and anchor resolves,
    nothing 404s, no console or script error."""
    crawl_walk.reset()
    page = crawl_walk.page
    url = page_url(site_url, site_page)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(50)
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
    found = _link_problems(built_site, site_url, url, hrefs)
    found += [f"verzoek naar andere host: {u}" for u in crawl_walk.recorder.external_requests]
    found += [f"consolefout: {m}" for m in crawl_walk.recorder.console_errors]
    found += [f"scriptfout: {m}" for m in crawl_walk.recorder.page_errors]
    found += [f"niet gevonden: {f}" for f in crawl_walk.failed]
    assert hrefs, f"{site_page}: geen enkele link om te volgen"
    assert not found, "\n" + problems_by_page({site_page: sorted(set(found))})


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += tag == "a" and any(name == "href" for name, _ in attrs)


def test_the_crawl_has_pages_and_links_to_check(built_site: Path) -> None:
    """The per-page crawl above is not vacuous: enough pages, and on average more than five
    links a page (the bound the single crawl test asserted before it was split per page)."""
    pages = html_pages(built_site)
    assert len(pages) >= 5
    links = 0
    for html in pages:
        parser = _Hrefs()
        parser.feed(html.read_text(encoding="utf-8", errors="replace"))
        links += parser.count
    assert links > 10 * len(pages) / 2


def test_no_page_refers_to_another_host_for_resources(built_site: Path) -> None:
    """Static check over the files too (covers what a browser might only load later)."""
    pattern = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1|localhost)[^"']+["']""", re.I)
    problems: dict[str, list[str]] = {}
    for html in sorted(built_site.rglob("*.html")):
        text = html.read_text(encoding="utf-8", errors="replace")
        # Links (<a href>) to other sites are fine; resources (<script>, <link>, <img>, <iframe>) are not.
        for match in pattern.finditer(text):
            tag_start = text.rfind("<", 0, match.start())
            tag = text[tag_start + 1: tag_start + 8].split()[0].lower() if tag_start >= 0 else ""
            if tag not in ("a",):
                problems.setdefault(html.relative_to(built_site).as_posix(), []).append(f"<{tag}> {match.group(0)[:100]}")
    assert not problems, "\n" + problems_by_page(problems)
