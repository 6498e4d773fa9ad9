"""The Jinja environment every page renderer uses, with every filter its templates need.

Templates hold all markup; values are HTML-escaped automatically, so text from a route
file (which may contain '<script>' or '{{ }}') is always shown as text. Generated pages
are Markdown files whose body is raw HTML blocks: Markdown never re-interprets route text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .dates import dutch_date

TEMPLATES = Path(__file__).parent / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def dot_string(value: object) -> Markup:
    """A value as a quoted DOT string: backslashes, quotes, newlines and '&' made literal.

    Graphviz decodes HTML entities in labels, so '&' is written as '&amp;'; a backslash
    would start an escape such as '\\N' (node name), so it is doubled.
    """
    text = str(value)
    text = text.replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return Markup(f'"{text}"')


def md_inline(text: str) -> Markup:
    """Text made safe for a Markdown heading or nav title: HTML-escaped, Markdown-escaped.

    Quotes stay as they are: they are harmless in element text, and the toc extension
    escapes a heading's text once more for the table of contents, so an entity such as
    '&#39;' would show there literally ("Collega&#39;s").
    """
    html = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(_MD_SPECIAL.sub(r"\\\1", html))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One shared environment; templates are cached across pages and routes."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "md"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # tojson writes front-matter strings (YAML reads JSON strings); with ASCII escapes an emoji
    # became a surrogate pair ("\ud83d\ude00") that YAML decodes to two broken characters.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["md_inline"] = md_inline
    env.filters["dot"] = dot_string  # flowchart.dot.j2
    env.filters["dutch_date"] = dutch_date
    return env


def render(template: str, **context: Any) -> str:
    """Render a template from generator/templates with the given values."""
    return environment().get_template(template).render(**context)
