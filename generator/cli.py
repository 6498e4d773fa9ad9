"""The `routewijzer` command: check, list, schema and new, with Dutch help and messages."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import TextIO

from .citations import SourceTextError, check_route_quotes, coverage_line
from .load import load_routes, route_files
from .build_cli import add_build_commands
from .model import LoadedRoute
from .problems import Problem, RouteProblems, os_error_text, terminal_safe
from .publish_cli import add_publish_commands, route_paths
from .readability import report_lines as readability_lines
from .schema import route_schema

STARTER = Path(__file__).parent / "templates" / "starter.yaml"


_ARGPARSE_DUTCH: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required", "deze argumenten ontbreken"),
    (r"invalid choice", "onbekende keuze"),
    (r"choose from", "kies uit"),
    (r"unrecognized arguments", "onbekende argumenten"),
    (r"expected one argument", "hier hoort één waarde achter"),
    (r"expected at most one argument", "hier hoort hooguit één waarde achter"),
    (r"expected at least one argument", "hier hoort minstens één waarde achter"),
    (r"expected (\d+) arguments?", r"hier horen \1 waarden achter"),
    (r"ambiguous option: (.*) could match (.*)", r"onduidelijke optie \1; bedoelt u één van: \2"),
    (r"ignored explicit argument", "genegeerde waarde"),
    (r"not allowed with argument", "mag niet samen met"),
    (r"invalid (\w+) value", r"ongeldige waarde"),
)
"""argparse's English error texts (Python 3.11–3.13) and their Dutch versions."""


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
        for english, dutch in _ARGPARSE_DUTCH:
            message = re.sub(english, dutch, message)
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
    return report_citations(routes, Path(args.bron) if args.bron else None)


def report_citations(routes: list[LoadedRoute], bron: Path | None) -> int:
    """Per route: how many claims cite the source, the readability for parents, and with
    --bron every fragment that is not in the source text. 1 when a fragment is missing."""
    missing: list[Problem] = []
    checked = 0
    for loaded in routes:
        print(coverage_line(loaded))
        for line in readability_lines(loaded):
            print(line)
        if bron is not None:
            try:
                problems, count = check_route_quotes(loaded, bron)
            except SourceTextError as exc:
                print(exc, file=sys.stderr)
                return 1
            missing.extend(problems)
            checked += count
    if bron is None:
        return 0
    for problem in missing:
        print(problem, file=sys.stderr)
    if missing:
        print(f"\n{len(missing)} van {checked} bronfragment(en) niet gevonden in de bron.", file=sys.stderr)
        return 1
    print(f"Alle {checked} bronfragmenten staan in de bron.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    paths = route_paths(args)
    if paths is None:
        return 1
    routes, problems = load_routes(paths)
    for loaded in routes:
        r = loaded.route
        print(terminal_safe(f"{loaded.slug:<24} {len(r.steps):>2} stappen  {r.organisation.name} — {r.title}"))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(route_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.uitvoer:
        target = Path(args.uitvoer)
        if target.is_dir():
            print(f"{target}: dit is een map; geef een bestandsnaam, bijvoorbeeld {target / 'route.schema.json'}.",
                  file=sys.stderr)
            return 1
        if not target.parent.is_dir():
            print(f"{target}: de map {target.parent} bestaat niet; maak hem eerst of kies een andere plek.",
                  file=sys.stderr)
            return 1
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"{target}: het schema kan hier niet geschreven worden: {os_error_text(exc)}.", file=sys.stderr)
            return 1
        print(f"Schema geschreven naar {target}.")
    else:
        sys.stdout.write(text)
    return 0


MAX_SLUG = 60
"""Longest file name (without .yaml) `new` makes: the id limit of the model, far below
what any file system allows (255 bytes)."""

_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn"}
"""Unicode categories dropped from a name: controls, format marks (bidi overrides), lone
surrogates (undecodable bytes on the command line), private and unassigned code points."""


def clean_name(raw: str) -> str:
    """The name as it will stand in the route: visible characters, white space as single spaces."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _HIDDEN)
    return " ".join(text.split())


def slug_for(name: str) -> str:
    """'Één Ëfje' → 'een-efje': accents dropped, anything else a hyphen, at most MAX_SLUG long."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG + 1]
        slug = cut[:cut.rfind("-")] if "-" in cut[MAX_SLUG // 2:] else slug[:MAX_SLUG]
    return slug.strip("-")


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `value` (':', '#', quotes and all)."""
    return json.dumps(value, ensure_ascii=False)


def cmd_new(args: argparse.Namespace) -> int:
    name = clean_name(args.naam)
    slug = slug_for(name)
    if not slug:
        print("Geef een naam met letters of cijfers, bijvoorbeeld: routewijzer new \"De Regenboog\"", file=sys.stderr)
        return 2
    folder = Path(args.map)
    if folder.exists() and not folder.is_dir():
        print(f"{folder}: dit is een bestand, geen map. Geef met --map een map voor de nieuwe route.", file=sys.stderr)
        return 1
    target = folder / f"{slug}.yaml"
    if target.exists():
        print(f"{target} bestaat al; kies een andere naam of verwijder het bestaande bestand.", file=sys.stderr)
        return 1
    text = (STARTER.read_text(encoding="utf-8")
            .replace("Ondersteuningsroute {{ naam }}", yaml_text(f"Ondersteuningsroute {name}"))
            .replace("{{ naam }}", yaml_text(name))
            .replace("{{ vandaag }}", dt.date.today().isoformat()))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
            out.write(text)
    except FileExistsError:
        print(f"{target} bestaat al; kies een andere naam of verwijder het bestaande bestand.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{target}: de route kan hier niet geschreven worden: {os_error_text(exc)}.", file=sys.stderr)
        return 1
    print(f"Nieuwe route geschreven: {target}\nPas hem aan en controleer met: routewijzer check {target}")
    return 0


def build_parser() -> DutchParser:
    parser = DutchParser(prog="routewijzer",
                         description="Routewijzer: ondersteuningsroutes in YAML controleren en publiceren.")
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", title="opdrachten", parser_class=DutchParser)
    sub.required = True

    p = sub.add_parser("check", help="controleer routebestanden en toon alle fouten")
    p.add_argument("paden", nargs="*", metavar="PADEN", help="routebestanden of mappen (standaard: routes/)")
    p.add_argument("--bron", metavar="PAD",
                   help="tekst van het brondocument (.txt, of .pdf via pdftotext), of een map met de bronnen "
                        "(gevonden via 'bestand:' onder 'bron:'); controleert of elk 'bron:'-fragment erin staat")
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




class _SafeStream:
    """A text stream that shows control characters as codes (see `terminal_safe`).

    Everything the command prints passes through it: file names and arguments a person
    typed are echoed in messages, and an escape sequence among them must not reach the
    terminal as one.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; never shows a traceback, never prints raw control characters."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeStream(out), _SafeStream(err)  # type: ignore[assignment]
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    if any("\0" in arg for arg in (sys.argv[1:] if argv is None else argv)):
        # No file name can hold one; Python's file functions would stop with a ValueError.
        print("routewijzer: een argument bevat een nul-teken (\\0). Geef gewone bestands- en mapnamen op.",
              file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `routewijzer schema | head`: the reader stopped early
        return 0
    except RouteProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(terminal_safe(f"routewijzer: {where}{os_error_text(exc)}."), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a Dutch message, never a traceback
        print(f"routewijzer: onverwachte fout ({type(exc).__name__}). Dit is een fout in Routewijzer zelf; "
              f"meld hem met de opdracht die u gaf.", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
