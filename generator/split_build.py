"""The site built in parts — in parallel processes or as separate jobs — and merged into one.

Why (see BENCHMARKS.md): MkDocs builds one page at a time in one process, so a portal of
150 routes (2,600 pages) takes minutes however lean the plugin is. Routes do not depend on
each other's pages, only on each other's place in the navigation. So:

1. every route is loaded, validated and rendered once, in parallel, into a cache keyed on its
   file's content and the generator's version (generator/route_cache.py) — unchanged routes
   are not rendered again;
2. N ordinary MkDocs builds run side by side, each with the whole navigation but writing only
   its share of the routes (part 0 also the site-wide pages); see the plugin's `on_nav`;
3. the parts' folders are merged: files are copied (the same file from two parts must be
   identical) and the site-wide search index is composed from the routes' own indexes.

The parts are independent, so they can also run on different machines (a CI matrix):
`routewijzer build --deel 1/2 -d deel-1` there, `routewijzer merge deel-* -d site` after.
The result is the same site as one `mkdocs build` (tests/test_split_build.py checks that).
"""

from __future__ import annotations

import filecmp
import http.server
import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .layout import Layout
from .problems import Problem, RouteProblems
from .route_cache import cache_key, rendered_route
from .search_scope import INDEX, PART_MANIFEST, merged_root_index, read_index
from .site_settings import SettingsError, SiteSettings, read_settings, route_paths


class SplitBuildError(Exception):
    """A Dutch message for the reader of the command line; no traceback."""


def _settings(config_file: Path) -> SiteSettings:
    """The site's settings, with a settings problem as a SplitBuildError."""
    try:
        return read_settings(config_file)
    except SettingsError as exc:
        raise SplitBuildError(str(exc)) from None


def _render_one(args: tuple[Path, Layout, frozenset[str], Path]) -> list[Problem]:
    path, layout, pdfs, cache_dir = args
    try:
        rendered_route(path, layout, pdfs, cache_dir)
    except RouteProblems as exc:
        return list(exc.problems)
    return []


def prerender(settings: SiteSettings, cache_dir: Path, pool: ProcessPoolExecutor) -> None:
    """Render every route not yet in the cache in `pool` (whose processes build the parts
    next, without starting again); stop on bad routes."""
    from .pages.printable import available_pdfs

    pdfs = available_pdfs(settings.docs_dir, settings.layout)
    work = [(p, settings.layout, pdfs, cache_dir) for p in route_paths(settings)
            if not (cache_dir / f"{cache_key(p.read_bytes(), p.stem, settings.layout, p.stem in pdfs)}.pickle").is_file()]
    if not work:  # every route is cached
        return
    problems = [p for found in pool.map(_render_one, work) for p in found]
    if problems:
        raise SplitBuildError("De routes bevatten fouten; de site is niet gebouwd:\n" + "\n".join(map(str, problems)))


def build_part(config_file: Path, index: int, count: int, out: Path, cache_dir: Path | None) -> None:
    """One ordinary MkDocs build (strict) writing part `index` of `count` into `out`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file), site_dir=str(out), strict=True)
    plugin = config.plugins["routewijzer"]
    plugin.part = (index, count)
    plugin.cache_dir = cache_dir
    try:
        build(config)
    except (Abort, PluginError) as exc:
        raise SplitBuildError(f"Deel {index + 1} van {count}: {exc}") from None


def _build_part_job(args: tuple[Path, int, int, Path, Path | None]) -> int:
    build_part(*args)
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def merge(parts: list[Path], out: Path, *, move: bool = False) -> None:
    """Combine part folders into `out`; a file two parts both wrote must match.

    The site is put together in a folder beside `out` and takes its place only when
    complete, so a merge that fails leaves the site that was there. `move` (the split build's
    own, temporary parts) moves the files instead of copying them: 150 routes are some
    6,000 files, and copying them took seconds of the build."""
    manifests = []
    for part in parts:
        manifest = part / PART_MANIFEST
        if not manifest.is_file():
            raise SplitBuildError(f"{part}: geen deel van een routewijzer-build ({PART_MANIFEST} ontbreekt).")
        manifests.append(json.loads(manifest.read_text(encoding="utf-8")))
    count = manifests[0]["parts"]
    numbers = sorted(m["part"] for m in manifests)
    if numbers != list(range(count)) or any(m["parts"] != count or m["routes"] != manifests[0]["routes"] for m in manifests):
        found = ", ".join(f"{m['part'] + 1}/{m['parts']}" for m in manifests)
        raise SplitBuildError(f"De delen passen niet bij elkaar (gevonden: {found}); bouw alle {count} delen "
                              "van dezelfde routes en geef ze allemaal mee.")
    site_part = parts[[m["part"] for m in manifests].index(0)]
    site_index = read_index(site_part / INDEX) if (site_part / INDEX).is_file() else None
    staging = out.parent / f".{out.name}-samenvoegen"
    if staging.exists():
        shutil.rmtree(staging)
    out.parent.mkdir(parents=True, exist_ok=True)
    rest = parts
    if move:  # the first part becomes the site; the others' files join it
        os.replace(parts[0], staging)
        for name in (PART_MANIFEST, INDEX):
            (staging / name).unlink(missing_ok=True)
        rest = parts[1:]
    else:
        staging.mkdir()
    try:
        for part in rest:
            _merge_part(part, staging, move)
        if site_index is not None:
            (staging / INDEX).parent.mkdir(parents=True, exist_ok=True)
            (staging / INDEX).write_bytes(merged_root_index(staging, site_index, manifests[0]["routes"]))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _replace_folder(staging, out)


def _merge_part(part: Path, staging: Path, move: bool) -> None:
    for source in sorted(part.rglob("*")):
        rel = source.relative_to(part)
        if source.is_dir() or rel.as_posix() in (PART_MANIFEST, INDEX):
            continue
        target = staging / rel
        if target.exists():
            if not filecmp.cmp(source, target, shallow=False):
                raise SplitBuildError(f"{rel}: twee delen schreven dit bestand verschillend. Bouw alle delen met "
                                      "dezelfde bestanden en dezelfde SOURCE_DATE_EPOCH.")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if move:
            os.replace(source, target)
        else:
            shutil.copy2(source, target)


def _replace_folder(new: Path, out: Path) -> None:
    """`new` in the place of `out`, with the old folder gone only once the new one is there."""
    old = out.parent / f".{out.name}-oud"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(new, out)
    shutil.rmtree(old, ignore_errors=True)


def build_all(config_file: Path, site_dir: Path, jobs: int, cache_dir: Path) -> dict[str, float]:
    """Prerender (cached), build `jobs` parts side by side, merge into `site_dir`. Returns timings."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))  # the same dates in every part
    times: dict[str, float] = {}
    start = time.perf_counter()
    settings = _settings(config_file)
    work = site_dir.parent / f".{site_dir.name}-delen"
    if work.exists():
        shutil.rmtree(work)
    parts = [work / f"deel-{i + 1}" for i in range(jobs)]
    # One pool for both steps: each process starts (and imports MkDocs and Material) once,
    # not once for rendering the routes and again for building a part.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        prerender(settings, cache_dir, pool)
        times["routes"] = time.perf_counter() - start
        rss = list(pool.map(_build_part_job, [(settings.config_file, i, jobs, parts[i], cache_dir) for i in range(jobs)]))
    times["parts"] = time.perf_counter() - start - times["routes"]
    merge(parts, site_dir, move=True)
    shutil.rmtree(work)
    times["total"] = time.perf_counter() - start
    times["max_part_rss_mb"] = max(rss) / 1024
    return times


def rebuild_routes(config_file: Path, site_dir: Path, slugs: set[str], cache_dir: Path) -> float:
    """The edit loop: rebuild only the pages of the routes in `slugs` into a built site.

    Their folders in `site_dir` are replaced and the site-wide search index recomposed. The
    other pages keep their sidebar until the next full build (with navigation.prune another
    route shows there only by its name). Returns the seconds it took."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    start = time.perf_counter()
    settings = _settings(config_file)
    route_dirs = [settings.layout.route_dir(p.stem) for p in route_paths(settings)]
    work = site_dir.parent / f".{site_dir.name}-bijwerken"
    if work.exists():
        shutil.rmtree(work)
    config = load_config(str(config_file), site_dir=str(work), strict=True)
    plugin = config.plugins["routewijzer"]
    plugin.only = frozenset(slugs)
    plugin.cache_dir = cache_dir
    try:
        build(config)
    except (Abort, PluginError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise SplitBuildError(str(exc)) from None
    for slug in sorted(slugs):
        route_dir = settings.layout.route_dir(slug)
        target = site_dir / route_dir
        if target.exists():
            shutil.rmtree(target)
        if (work / route_dir).is_dir():
            shutil.copytree(work / route_dir, target)
    if (site_dir / INDEX).is_file():
        (site_dir / INDEX).write_bytes(merged_root_index(site_dir, read_index(site_dir / INDEX), route_dirs))
    shutil.rmtree(work)
    return time.perf_counter() - start


def route_stamps(config_file: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every route file, by slug: what the edit loop watches."""
    stamps = {}
    for path in route_paths(_settings(config_file)):
        stat = path.stat()
        stamps[path.stem] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def serve(config_file: Path, site_dir: Path, cache_dir: Path, port: int, jobs: int) -> None:
    """Build (split, cached), serve on 127.0.0.1 and rebuild only the route files that are saved.

    A new or removed route changes every page's navigation, so that rebuilds everything."""
    import functools
    import http.server
    import threading

    timings = build_all(config_file, site_dir, jobs, cache_dir)
    print(f"Site gebouwd in {timings['total']:.1f} s.", flush=True)
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"De site staat op http://127.0.0.1:{server.server_address[1]}/ — sla een route op en herlaad de pagina. "
          "Ctrl+C stopt.", flush=True)
    stamps = route_stamps(config_file)
    try:
        while True:
            time.sleep(0.3)
            now = route_stamps(config_file)
            if now == stamps:
                continue
            changed = {slug for slug in now if stamps.get(slug) != now[slug]}
            try:
                if set(now) != set(stamps):
                    seconds = build_all(config_file, site_dir, jobs, cache_dir)["total"]
                    print(f"Routes toegevoegd of verwijderd: alles opnieuw gebouwd in {seconds:.1f} s.", flush=True)
                else:
                    seconds = rebuild_routes(config_file, site_dir, changed, cache_dir)
                    print(f"Bijgewerkt: {', '.join(sorted(changed))} in {seconds:.1f} s.", flush=True)
            except SplitBuildError as exc:
                print(exc, file=sys.stderr)
            stamps = now
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


def parse_part(text: str) -> tuple[int, int]:
    """'1/2' → (0, 2): part numbers are 1-based on the command line."""
    try:
        number, count = (int(x) for x in text.split("/"))
    except ValueError:
        raise SplitBuildError(f"--deel {text}: schrijf het als NUMMER/AANTAL, bijvoorbeeld --deel 1/2.") from None
    if not 1 <= number <= count:
        raise SplitBuildError(f"--deel {text}: het nummer moet tussen 1 en {count} liggen.")
    return number - 1, count


def run(fn, *args: object) -> int:  # type: ignore[no-untyped-def]
    """Run a command; Dutch message and exit code 1 instead of a traceback."""
    try:
        result = fn(*args)
    except SplitBuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    if isinstance(result, dict):
        print(f"Site gebouwd in {result['total']:.1f} s (routes {result['routes']:.1f} s, "
              f"delen {result['parts']:.1f} s).")
    return 0
