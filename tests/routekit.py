"""Transition shim: import from `support.routes` instead. Delete once no test imports it."""

from __future__ import annotations

from support.paths import ROOT, ROUTES, STARTER
from support.routes import STARTER_DATE, STARTER_NAME, line_of, real_route_files, starter_text

__all__ = ["ROOT", "ROUTES", "STARTER", "STARTER_DATE", "STARTER_NAME", "line_of", "real_route_files", "starter_text"]
