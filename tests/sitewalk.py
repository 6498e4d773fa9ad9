"""Walking every page of a built site in one browser context (shared by crawl and a11y tests).

One context per walk (not one per page) keeps a walk over ~100 pages to seconds; each page
is still loaded fresh with `goto`, and the request guard of conftest records anything that
tries to leave 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from buildkit import html_pages
from conftest import PageRecorder, _new_page


def page_urls(site: Path, base: str) -> list[tuple[str, str]]:
    """(relative file, URL) of every HTML page; directory URLs as the server shows them."""
    out = []
    for html in html_pages(site):
        rel = html.relative_to(site).as_posix()
        url = base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        out.append((rel, url))
    return out


@contextmanager
def walker(browser: Any, **context_args: Any) -> Iterator[tuple[Any, PageRecorder, list[str]]]:
    """A guarded page, its recorder, and a list of same-host responses with status >= 400."""
    recorder = PageRecorder()
    args = {"viewport": {"width": 1280, "height": 900}, "locale": "nl-NL", **context_args}
    context, page = _new_page(browser, recorder, **args)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        yield page, recorder, failed
    finally:
        context.close()


def problems_by_page(problems: dict[str, list[str]]) -> str:
    """A readable failure report: page, then its problems."""
    lines = []
    for page, found in sorted(problems.items()):
        lines.append(f"{page}:")
        lines.extend(f"    {p}" for p in found)
    return "\n".join(lines)
