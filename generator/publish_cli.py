"""The publishing subcommands of `routewijzer`: export, diff and pdf.

Kept apart from cli.py so the core commands (check, list, schema, new) and publishing can
change independently; cli.py only calls `add_publish_commands`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .load import load_route, load_routes, route_files
from .pages.base import SiteContext
from .pages.open_data import export_files
from .problems import RouteProblems


def _print_problems(problems: list[object]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    """Write route.json per route, routes.json and the schema, exactly as the site publishes them."""
    paths = [Path(p) for p in args.paden] or [Path("routes")]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for p in missing:
            print(f"{p}: bestaat niet. Geef een routebestand of een map met routes.", file=sys.stderr)
        return 1
    if not route_files(paths):
        print("Geen routebestanden (.yaml) gevonden.", file=sys.stderr)
        return 1
    routes, problems = load_routes(paths)
    if problems:
        _print_problems(problems)
        print("\nNiets geëxporteerd: los eerst de fouten op.", file=sys.stderr)
        return 1
    target = Path(args.map)
    files = export_files(SiteContext(routes=tuple(routes)))
    for relative, text in files.items():
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    print(f"{len(routes)} route(s) geëxporteerd naar {target}/ ({len(files)} bestanden, index: {target / 'routes.json'}).")
    return 0


def add_publish_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register export, diff and pdf on the `routewijzer` subcommand parser."""
    p = sub.add_parser("export", help="schrijf de routes als open data (JSON) met index en schema")
    p.add_argument("paden", nargs="*", metavar="PADEN", help="routebestanden of mappen (standaard: routes/)")
    p.add_argument("--map", default="open-data", metavar="UITVOER",
                   help="map voor de JSON-bestanden (standaard: open-data/)")
    p.set_defaults(run=cmd_export)
