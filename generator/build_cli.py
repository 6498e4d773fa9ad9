"""`routewijzer build` and `routewijzer merge`: the portal built in parallel parts (split_build.py)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .split_build import SplitBuildError, build_all, build_part, merge, parse_part, run, serve

DEFAULT_CACHE = ".cache/routewijzer"


def cmd_build(args: argparse.Namespace) -> int:
    config = Path(args.config)
    if not config.is_file():
        print(f"{config}: dit instellingenbestand bestaat niet; geef het mee met -f.")
        return 1
    cache = Path(args.cache) if args.cache else config.resolve().parent / DEFAULT_CACHE
    if args.deel:
        def one_part() -> None:
            index, count = parse_part(args.deel)
            build_part(config, index, count, Path(args.site_dir), cache)
            print(f"Deel {index + 1} van {count} gebouwd in {args.site_dir}; voeg de delen samen met "
                  "'routewijzer merge'.")
        return run(one_part)
    jobs = args.taken or os.cpu_count() or 1
    return run(build_all, config, Path(args.site_dir), jobs, cache)


def cmd_merge(args: argparse.Namespace) -> int:
    def go() -> None:
        missing = [d for d in args.delen if not Path(d).is_dir()]
        if missing:
            raise SplitBuildError(f"Deze map(pen) bestaan niet: {', '.join(missing)}.")
        merge([Path(d) for d in args.delen], Path(args.site_dir))
        print(f"{len(args.delen)} delen samengevoegd in {args.site_dir}.")
    return run(go)


def cmd_serve(args: argparse.Namespace) -> int:
    config = Path(args.config)
    cache = Path(args.cache) if args.cache else config.resolve().parent / DEFAULT_CACHE
    return run(serve, config, Path(args.site_dir), cache, args.poort, args.taken or os.cpu_count() or 1)


def add_build_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register build and merge on the `routewijzer` subcommand parser."""
    p = sub.add_parser("build", help="bouw de site in delen naast elkaar (snel bij veel routes)")
    p.add_argument("-f", "--config", default="mkdocs.yml", metavar="BESTAND",
                   help="MkDocs-instellingen (standaard: mkdocs.yml)")
    p.add_argument("-d", "--site-dir", default="site", metavar="MAP", help="uitvoermap (standaard: site/)")
    p.add_argument("--taken", type=int, metavar="N", help="aantal delen naast elkaar (standaard: aantal processorkernen)")
    p.add_argument("--cache", metavar="MAP", help=f"map voor gerenderde routes (standaard: {DEFAULT_CACHE} naast "
                   "mkdocs.yml); alleen gewijzigde routes worden opnieuw gemaakt")
    p.add_argument("--deel", metavar="NUMMER/AANTAL", help="bouw alleen dit deel, bijvoorbeeld 1/2 (voor aparte "
                   "machines; voeg daarna samen met 'routewijzer merge')")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", help="bouw in delen, toon de site en werk alleen opgeslagen routes bij (voor "
                       "een portaal met veel routes; mkdocs serve bouwt bij elke wijziging alles)")
    p.add_argument("-f", "--config", default="mkdocs.yml", metavar="BESTAND",
                   help="MkDocs-instellingen (standaard: mkdocs.yml)")
    p.add_argument("-d", "--site-dir", default="site", metavar="MAP", help="uitvoermap (standaard: site/)")
    p.add_argument("--poort", type=int, default=8000, help="poort op 127.0.0.1 (standaard: 8000)")
    p.add_argument("--taken", type=int, metavar="N", help="aantal delen naast elkaar (standaard: aantal processorkernen)")
    p.add_argument("--cache", metavar="MAP", help=f"map voor gerenderde routes (standaard: {DEFAULT_CACHE})")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("merge", help="voeg apart gebouwde delen samen tot één site")
    p.add_argument("delen", nargs="+", metavar="DEEL", help="de mappen van alle delen")
    p.add_argument("-d", "--site-dir", default="site", metavar="MAP", help="uitvoermap (standaard: site/)")
    p.set_defaults(run=cmd_merge)
