"""Transition shim: import from `support.wegwijzer` and `support.routes` instead. Delete once
no test imports it."""

from __future__ import annotations

from support.paths import ROOT
from support.routes import site_routes as real_routes
from support.wegwijzer import JS, SITUATIONS, routes_with_wegwijzer, run_node, situations

__all__ = ["JS", "ROOT", "SITUATIONS", "real_routes", "routes_with_wegwijzer", "run_node", "situations"]
