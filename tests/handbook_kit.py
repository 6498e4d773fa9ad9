"""Transition shim: import from `support.routes` instead. Delete once no test imports it."""

from __future__ import annotations

from support.paths import DATA
from support.routes import context, handbook_route, starter_route

__all__ = ["DATA", "context", "handbook_route", "starter_route"]
