"""Routes for the handbook-page tests: a test route with every transition kind and hostile
text, and the starter route; both loaded through the real loader."""

from __future__ import annotations

from pathlib import Path

from generator.load import parse_route
from generator.model import LoadedRoute
from generator.pages.base import SiteContext

from routekit import starter_text

DATA = Path(__file__).resolve().parent / "data"


def handbook_route() -> LoadedRoute:
    """tests/data/handbook_route.yaml, slug 'testroute'."""
    raw = (DATA / "handbook_route.yaml").read_bytes()
    return parse_route(raw, "tests/data/handbook_route.yaml", "testroute")


def starter_route() -> LoadedRoute:
    """The starter route as `routewijzer new` writes it, slug 'regenboog'."""
    return parse_route(starter_text().encode("utf-8"), "routes/regenboog.yaml", "regenboog")


def context(*routes: LoadedRoute, prefix: str = "") -> SiteContext:
    return SiteContext(routes=tuple(routes) or (handbook_route(), starter_route()), prefix=prefix)
