"""One stylesheet instead of several: the site's own `extra_css` files served as one file.

Every stylesheet in <head> blocks the first paint, and a phone on a slow network pays a round
trip for each once the browser's six connections are busy (Lighthouse, mobile: Material's
main and palette CSS, Material's bundle, rw-search.js and seven small files of ours). The
sources stay separate files in overrides/assets/ (one subject each, easy to edit); the build
writes their concatenation, in the order mkdocs.yml lists them, as one generated file and
lets the templates link that one instead. Entries that are not files of this build (another
host, a file the build does not have) stay in the list as they are, after the bundle.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.structure.files import Files

BUNDLE = "assets/routewijzer-styles.css"
"""Site path of the generated stylesheet (beside the sources, so relative url()s keep working)."""


def local_stylesheets(extra_css: Sequence[str], files: Files) -> list[str]:
    """The entries of `extra_css` that are CSS files of this build, in their order."""
    return [path for path in extra_css
            if path.endswith(".css") and path != BUNDLE and files.get_file_from_path(path) is not None]


def bundle_text(sources: Sequence[str], files: Files) -> str:
    """The sources one after another, each headed by its name (so a rule can be traced back)."""
    parts = []
    for path in sources:
        file = files.get_file_from_path(path)
        assert file is not None, path
        parts.append(f"/* --- {path} --- */\n{file.content_string.rstrip()}\n")
    return "\n".join(parts)


def bundled_extra_css(extra_css: Sequence[str], sources: Sequence[str]) -> list[str]:
    """`extra_css` with the bundled sources replaced by the bundle, at the first one's place."""
    if not sources:
        return list(extra_css)
    out: list[str] = []
    for path in extra_css:
        if path in sources or path == BUNDLE:
            if BUNDLE not in out:
                out.append(BUNDLE)
        else:
            out.append(path)
    return out
