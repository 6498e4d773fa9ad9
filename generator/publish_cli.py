"""The publishing subcommands of `routewijzer`: export, diff and pdf.

Kept apart from cli.py so the core commands (check, list, schema, new) and publishing can
change independently; cli.py only calls `add_publish_commands`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .diff import diff_routes, render_changes
from .load import display_path, load_routes, parse_route, route_files
from .model import LoadedRoute
from .context import SiteContext
from .pages.open_data import export_files
from .pdf import PdfError, build_site, check_site, find_chromium, make_pdfs, prepare_output, select_routes
from .problems import RouteProblems, os_error_text, terminal_safe
from .site_settings import SettingsError, SiteSettings, read_settings
from .site_settings import route_paths as site_route_paths
from .yamlsource import read_file_bytes


def _print_problems(problems: list[object]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def route_paths(args: argparse.Namespace) -> list[Path] | None:
    """The paths a command was given (default routes/); None, after saying so, if one is missing."""
    paths = [Path(p) for p in args.paden] or [Path("routes")]
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"{p}: bestaat niet. Geef een routebestand of een map met routes.", file=sys.stderr)
    return None if missing else paths


def cmd_export(args: argparse.Namespace) -> int:
    """Write each route's JSON, the index and the schema, exactly as the site publishes them."""
    paths = route_paths(args)
    if paths is None:
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
    if target.exists() and not target.is_dir():
        print(f"{target}: dit is geen map (maar een bestand of apparaat). Geef met --map een map voor de "
              "JSON-bestanden.", file=sys.stderr)
        return 1
    context = SiteContext(routes=tuple(routes))
    files = export_files(context)
    try:
        for relative, text in files.items():
            out = target / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
    except OSError as exc:
        where = exc.filename or target
        print(f"{where}: de open data kan hier niet geschreven worden: {os_error_text(exc)}.", file=sys.stderr)
        return 1
    print(f"{len(routes)} route(s) geëxporteerd naar {target}/ ({len(files)} bestanden, index: {target / 'routes.json'}).")
    return 0


def _read_for_diff(name: str) -> LoadedRoute:
    """Load a route version for comparing; any file name will do (old versions are often renamed)."""
    path = Path(name)
    file = display_path(path)
    return parse_route(read_file_bytes(path, file), file, slug="route")


def cmd_diff(args: argparse.Namespace) -> int:
    """Print what changed between two versions of a route, in Dutch."""
    loaded: list[LoadedRoute] = []
    failed = False
    for name in (args.oud, args.nieuw):
        try:
            loaded.append(_read_for_diff(name))
        except RouteProblems as exc:
            _print_problems(list(exc.problems))
            failed = True
    if failed:
        print("\nNiet vergeleken: los eerst de fouten op.", file=sys.stderr)
        return 1
    sys.stdout.write(terminal_safe(render_changes(diff_routes(loaded[0].route, loaded[1].route))))
    return 0


def _site_routes(config: Path) -> tuple[SiteSettings, list[LoadedRoute]]:
    """The site's settings and its routes, loaded and checked as the build loads them."""
    try:
        settings = read_settings(config)
    except SettingsError as exc:
        raise PdfError(f"{exc} Geef zo nodig het instellingenbestand met --config.") from None
    routes, problems = load_routes(site_route_paths(settings))
    if problems:
        raise PdfError("De routes bevatten fouten; er is geen PDF gemaakt:\n" + "\n".join(str(p) for p in problems))
    return settings, routes


def cmd_pdf(args: argparse.Namespace) -> int:
    """Print each route's print version to a PDF; see PUBLICEREN.md for how they get on the site."""
    config = Path(args.config)
    try:
        chromium = find_chromium(args.chromium)
        settings, available = _site_routes(config)
        layout = settings.layout
        out_dir = Path(args.uitvoer) if args.uitvoer else settings.docs_dir / layout.pdf_dir
        prepare_output(out_dir)
        routes = select_routes(available, args.routes)
        with tempfile.TemporaryDirectory(prefix="routewijzer-site-") as tmp:
            if args.site:
                site = Path(args.site)
                check_site(site, layout)
            else:
                print("De site wordt gebouwd…")
                site = Path(tmp)
                build_site(config, site)
            written = make_pdfs(site, routes, layout, out_dir, chromium,
                                on_route=lambda r: print(f"PDF maken: {r.slug} ({r.route.title})…", flush=True))
    except PdfError as exc:
        print(f"routewijzer pdf: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Geschreven: {path}")
    if not args.uitvoer:
        print("Bouw de site opnieuw (mkdocs build) om de PDF's te publiceren; de pagina "
              "'Afdrukken en PDF' van elke route linkt dan naar zijn PDF.")
    return 0


def add_publish_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register export, diff and pdf on the `routewijzer` subcommand parser."""
    p = sub.add_parser("export", help="schrijf de routes als open data (JSON) met index en schema")
    p.add_argument("paden", nargs="*", metavar="PADEN", help="routebestanden of mappen (standaard: routes/)")
    p.add_argument("--map", default="open-data", metavar="UITVOER",
                   help="map voor de JSON-bestanden (standaard: open-data/)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("diff", help="toon wat er veranderde tussen twee versies van een route")
    p.add_argument("oud", metavar="OUD", help="de oude versie van het routebestand")
    p.add_argument("nieuw", metavar="NIEUW", help="de nieuwe versie van het routebestand")
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser("pdf", help="maak een PDF van de afdrukversie van elke route (met Chromium)")
    p.add_argument("routes", nargs="*", metavar="ROUTE", help="slugs van de routes, bijvoorbeeld de-kempen "
                   "(standaard: alle)")
    p.add_argument("--site", metavar="MAP", help="gebruik deze al gebouwde site in plaats van opnieuw te bouwen")
    p.add_argument("--uitvoer", metavar="MAP", help="map voor de PDF's (standaard: pdf/ in de docs-map, "
                   "zodat de site ze publiceert)")
    p.add_argument("--config", default="mkdocs.yml", metavar="BESTAND",
                   help="MkDocs-instellingen (standaard: mkdocs.yml)")
    p.add_argument("--chromium", metavar="PAD", help="het Chromium-programma (standaard: chromium op het PATH)")
    p.set_defaults(run=cmd_pdf)
