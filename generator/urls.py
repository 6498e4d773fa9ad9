"""URLs of generated pages, as MkDocs will publish them (use_directory_urls: true).

Links inside raw HTML blocks are not rewritten by MkDocs, so renderers compute relative
URLs themselves; relative URLs keep the site working under any sub-path.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def page_url(src_uri: str) -> str:
    """Site-relative URL of a source file: 'a/b.md' → 'a/b/', 'a/index.md' → 'a/', 'x.json' → 'x.json'."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """Relative URL from the page built from `from_src` to the file `to_src` (plus #anchor)."""
    return _relative(from_src, to_src) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65_536)  # pure; a route's pages link to the same few pages thousands of times
def _relative(from_src: str, to_src: str) -> str:
    here = page_url(from_src)
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
    target = page_url(to_src)
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
