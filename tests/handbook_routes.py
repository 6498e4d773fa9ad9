"""Transition shim: import from `support.routes` and `support.text` instead. Delete once no
test imports it."""

from __future__ import annotations

from support.routes import context, loaded, route_data
from support.text import EXTENSIONS, texts, to_html, visible_text

__all__ = ["EXTENSIONS", "context", "loaded", "route_data", "texts", "to_html", "visible_text"]
