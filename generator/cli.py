"""The `routewijzer` command: check, list, schema and new, with Dutch help and messages."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Callable

from .load import load_routes, route_files
from .build_cli import add_build_commands
from .publish_cli import add_publish_commands, route_paths
from .schema import route_schema

STARTER = Path(__file__).parent / "templates" / "starter.yaml"


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch headings and error text."""

    def format_help(self) -> str:
        text = super().format_help()
        return (text.replace("usage:", "gebruik:")
                .replace("positional arguments:", "argumenten:")
                .replace("options:", "opties:")
                .replace("show this help message and exit", "toon deze hulp en stop"))

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:")

    def error(self, message: str) -> None:  # type: ignore[override]
        message = (message.replace("the following arguments are required", "deze argumenten ontbreken")
                   .replace("invalid choice", "onbekende keuze")
                   .replace("choose from", "kies uit")
                   .replace("unrecognized arguments", "onbekende argumenten"))
        self.print_usage(sys.stderr)
        sys.stderr.write(f"routewijzer: fout: {message}\n")
        sys.exit(2)


def cmd_check(args: argparse.Namespace) -> int:
    paths = route_paths(args)
    if paths is None:
        return 1
    files = route_files(paths)
    if not files:
        print("Geen routebestanden (.yaml) gevonden.", file=sys.stderr)
        return 1
    routes, problems = load_routes(paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    bad = len(files) - len(routes)
    if problems:
        print(f"\n{len(problems)} fout(en) in {bad} van {len(files)} route(s).", file=sys.stderr)
        return 1
    print(f"In orde: {len(routes)} route(s) gecontroleerd.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paden] or [Path("routes")]
    routes, problems = load_routes(paths)
    for loaded in routes:
        r = loaded.route
        print(f"{loaded.slug:<24} {len(r.steps):>2} stappen  {r.organisation.name} — {r.title}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(route_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.uitvoer:
        Path(args.uitvoer).write_text(text, encoding="utf-8")
        print(f"Schema geschreven naar {args.uitvoer}.")
    else:
        sys.stdout.write(text)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    name: str = args.naam
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not slug:
        print("Geef een naam met letters of cijfers, bijvoorbeeld: routewijzer new \"De Regenboog\"", file=sys.stderr)
        return 2
    target = Path(args.map) / f"{slug}.yaml"
    if target.exists():
        print(f"{target} bestaat al; kies een andere naam of verwijder het bestaande bestand.", file=sys.stderr)
        return 1
    text = (STARTER.read_text(encoding="utf-8")
            .replace("{{ naam }}", name.replace('"', "'"))
            .replace("{{ vandaag }}", dt.date.today().isoformat()))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Nieuwe route geschreven: {target}\nPas hem aan en controleer met: routewijzer check {target}")
    return 0


def build_parser() -> DutchParser:
    parser = DutchParser(prog="routewijzer",
                         description="Routewijzer: ondersteuningsroutes in YAML controleren en publiceren.")
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", title="opdrachten", parser_class=DutchParser)
    sub.required = True

    p = sub.add_parser("check", help="controleer routebestanden en toon alle fouten")
    p.add_argument("paden", nargs="*", metavar="PADEN", help="routebestanden of mappen (standaard: routes/)")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("list", help="toon de routes met hun aantal stappen")
    p.add_argument("paden", nargs="*", metavar="PADEN", help="routebestanden of mappen (standaard: routes/)")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("schema", help="toon het JSON-schema van een routebestand")
    p.add_argument("-o", "--uitvoer", metavar="BESTAND", help="schrijf het schema naar dit bestand")
    p.set_defaults(run=cmd_schema)

    p = sub.add_parser("new", help="maak een nieuwe voorbeeldroute om aan te passen")
    p.add_argument("naam", metavar="NAAM", help="naam van de school of het samenwerkingsverband")
    p.add_argument("--map", default="routes", help="map waarin de route komt (standaard: routes/)")
    p.set_defaults(run=cmd_new)

    add_publish_commands(sub)  # export, diff, pdf: see publish_cli.py
    add_build_commands(sub)  # build, merge: see build_cli.py
    return parser




def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; never shows a traceback for a route error."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
