"""Transition shim: import from `support.browser` and `support.site` instead. Delete once no
test imports it."""

from __future__ import annotations

from support.browser import problems_by_page, walker
from support.site import page_urls

__all__ = ["page_urls", "problems_by_page", "walker"]
