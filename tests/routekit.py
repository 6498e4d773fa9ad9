"""Shared helpers for tests that build route files: the starter route and the real routes.

Tests that break routes on purpose start from text that is known to be valid, so a
failing assertion points at the checker, not at the example.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUTES = ROOT / "routes"
STARTER = ROOT / "generator" / "templates" / "starter.yaml"
STARTER_NAME = "De Regenboog"
STARTER_DATE = "2026-08-01"


def starter_text(name: str = STARTER_NAME, date: str = STARTER_DATE) -> str:
    """The starter route as `routewijzer new` writes it (same two placeholders)."""
    return (STARTER.read_text(encoding="utf-8")
            .replace("{{ naam }}", name.replace('"', "'"))
            .replace("{{ vandaag }}", date))


def real_route_files() -> list[Path]:
    """The route files in routes/ (not the temporary zz-* files helpers use while working)."""
    return sorted(p for p in ROUTES.glob("*.yaml") if not p.name.startswith("zz-"))


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after `start` that contains `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} staat niet in de tekst")
