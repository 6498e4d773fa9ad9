"""Loading route files: bytes → positioned data → typed model → semantic checks.

This is the one entry point the CLI, the MkDocs plugin and the tests share, so a route
that passes `routewijzer check` is exactly a route the handbook can build.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pydantic import ValidationError

from .messages import translate
from .model import LoadedRoute, Route
from .problems import Problem, RouteProblems
from .validate import check_references, check_route
from .yamlsource import read_file_bytes, read_source

ROUTE_SUFFIXES = (".yaml", ".yml")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(text: str) -> bool:
    """Lower-case letters and digits in groups joined by single dashes: safe in any URL."""
    return bool(_SLUG.fullmatch(text))


def display_path(path: Path) -> str:
    """A path as the author typed it: relative to the working directory when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def parse_route(raw: bytes, file: str, slug: str) -> LoadedRoute:
    """Validate route-file bytes; raise RouteProblems with every problem found."""
    source = read_source(raw, file)
    problems: list[Problem] = list(source.problems)
    try:
        route = Route.model_validate(source.data)
    except ValidationError as exc:
        # Reference checks run on what can be salvaged of the file, so they still add their findings here.
        raise RouteProblems(problems + translate(exc, source) + check_references(source)) from None
    problems.extend(check_route(route, source))
    if problems:
        raise RouteProblems(problems)
    return LoadedRoute(slug=slug, path=file, route=route)


def load_route(path: Path) -> LoadedRoute:
    """Read and validate one route file; its file name (without .yaml) becomes its URL slug."""
    file = display_path(path)
    slug = path.stem
    if path.suffix not in ROUTE_SUFFIXES and path.suffix.lower() in ROUTE_SUFFIXES:
        raise RouteProblems([Problem(file, 1, 1,
                                     f"de bestandsnaam eindigt op '{path.suffix}'; Routewijzer leest alleen routebestanden "
                                     f"die eindigen op '.yaml' of '.yml' in kleine letters. Hernoem het bestand naar "
                                     f"'{slug}{path.suffix.lower()}'.")])
    if not is_slug(slug):
        raise RouteProblems([Problem(file, 1, 1,
                                     f"de bestandsnaam '{path.name}' wordt het webadres van de route; gebruik alleen "
                                     "kleine letters, cijfers en streepjes, bijvoorbeeld 'de-kempen.yaml'.")])
    return parse_route(read_file_bytes(path, file), file, slug)


def route_files(paths: list[Path]) -> list[Path]:
    """Route files in the given files and folders, sorted, so builds are reproducible.

    A folder's `.YAML` or `.Yml` files are listed too, so that load_route can say they
    need a lower-case suffix instead of leaving them out without a word.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in ROUTE_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def duplicate_slugs(files: list[Path]) -> dict[Path, Problem]:
    """Files of one folder that would get one URL (`zelfde.yaml` and `zelfde.yml`).

    The first file (in route_files order) keeps the URL; every later one gets a problem that
    names both. Files in different folders are not compared: a site is built from one
    folder, and `check oud/ nieuw/` of two versions of a route is fine.
    """
    first: dict[tuple[Path, str], Path] = {}
    problems: dict[Path, Problem] = {}
    for file in files:
        key = (file.resolve().parent, file.stem.lower())
        if key not in first:
            first[key] = file
            continue
        owner = first[key]
        problems[file] = Problem(display_path(file), 1, 1,
                                 f"'{display_path(owner)}' en '{display_path(file)}' krijgen allebei het webadres "
                                 f"'{file.stem}/', zodat de ene route de andere zou overschrijven. Verwijder of hernoem "
                                 "één van beide bestanden.")
    return problems


def load_routes(paths: list[Path]) -> tuple[list[LoadedRoute], list[Problem]]:
    """Load every route; returns the good ones and all problems of the bad ones."""
    routes: list[LoadedRoute] = []
    problems: list[Problem] = []
    files = route_files(paths)
    duplicates = duplicate_slugs(files)
    for file in files:
        if file in duplicates:
            problems.append(duplicates[file])
            continue
        try:
            routes.append(load_route(file))
        except RouteProblems as exc:
            problems.extend(exc.problems)
    return routes, problems
