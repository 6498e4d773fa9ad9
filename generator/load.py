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
        # Reference checks work on the raw data, so they still add their findings here.
        raise RouteProblems(problems + translate(exc, source) + check_references(source)) from None
    problems.extend(check_route(route, source))
    if problems:
        raise RouteProblems(problems)
    return LoadedRoute(slug=slug, path=file, route=route)


def load_route(path: Path) -> LoadedRoute:
    """Read and validate one route file; its file name (without .yaml) becomes its URL slug."""
    file = display_path(path)
    slug = path.stem
    if not _SLUG.match(slug):
        raise RouteProblems([Problem(file, 1, 1,
                                     f"de bestandsnaam '{path.name}' wordt het webadres van de route; gebruik alleen "
                                     "kleine letters, cijfers en streepjes, bijvoorbeeld 'de-kempen.yaml'.")])
    return parse_route(read_file_bytes(path, file), file, slug)


def route_files(paths: list[Path]) -> list[Path]:
    """Route files in the given files and folders, sorted, so builds are reproducible."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in ROUTE_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def load_routes(paths: list[Path]) -> tuple[list[LoadedRoute], list[Problem]]:
    """Load every route; returns the good ones and all problems of the bad ones."""
    routes: list[LoadedRoute] = []
    problems: list[Problem] = []
    for file in route_files(paths):
        try:
            routes.append(load_route(file))
        except RouteProblems as exc:
            problems.extend(exc.problems)
    return routes, problems
