"""One site builder for every test that needs a built handbook.

A test that builds from other routes (or another docs folder) gets a copy of mkdocs.yml in
a temporary folder, with every relative path in it made absolute, so nothing is written
into the repository. The site of the real routes is built once per test run and shared by
all xdist workers: the first worker to ask builds it under a file lock, the others wait
and reuse it. Its folder is keyed on the inputs, so a variant (another environment) never
reuses a build that does not match.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import typing
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from .paths import MKDOCS_YML, ROOT, ROUTES

# What a build reads: a change below any of these is a different site.
BUILD_INPUTS = ("mkdocs.yml", "routes", "content", "overrides", "generator")
BUILD_TIMEOUT = 600


class SiteBuildFailed(RuntimeError):
    """`mkdocs build --strict` failed; the message holds its output."""


def _absolute(match: re.Match[str], base: Path) -> str:
    value = match.group(2).strip().strip("'\"")
    return f"{match.group(1)}{(base / value).resolve()}"


def write_config(folder: Path, routes_dir: Path | None = None, docs_dir: Path | None = None) -> Path:
    """A copy of mkdocs.yml in `folder` that reads `routes_dir` and `docs_dir`.

    Every relative path of mkdocs.yml (docs_dir, the theme's custom_dir, the plugin's routes)
    becomes absolute, and `watch:` is dropped: the copy builds the same site from anywhere.
    """
    text = MKDOCS_YML.read_text(encoding="utf-8")
    text, docs = re.subn(r"(?m)^(docs_dir:\s*)(.+)$", lambda m: _absolute(m, ROOT), text)
    if docs == 0:
        text = f"docs_dir: {ROOT / 'docs'}\n" + text
    text = re.sub(r"(?m)^(\s+custom_dir:\s*)(.+)$", lambda m: _absolute(m, ROOT), text)
    text, count = re.subn(r"(?m)(^\s*-\s*routewijzer:\s*\n(?:\s+\w+:.*\n)*?\s+routes:\s*)(\S+)",
                          lambda m: _absolute(m, ROOT), text)
    assert count == 1, "mkdocs.yml heeft geen 'routes:' bij de routewijzer-plugin"
    if routes_dir is not None:
        text = re.sub(r"(?m)(^\s*-\s*routewijzer:\s*\n(?:\s+\w+:.*\n)*?\s+routes:\s*)(\S+)",
                      lambda m: f"{m.group(1)}{routes_dir.resolve()}", text)
    if docs_dir is not None:
        text = re.sub(r"(?m)^(docs_dir:\s*)(.+)$", lambda m: f"{m.group(1)}{docs_dir.resolve()}", text)
    text = re.sub(r"(?m)^watch:\n(\s+-.*\n?)+", "", text)
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(target: Path, config: Path | None = None, extra: list[str] | None = None,
               env: Mapping[str, str] | None = None, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run `<engine> build --strict` into `target`; returns the finished process.

    `engine` is the Python module that builds: `mkdocs`, or `properdocs` for the fork.
    """
    cmd = [sys.executable, "-m", engine, "build", "--strict", "-q", "-d", str(target),
           "-f", str(config or MKDOCS_YML)] + (extra or [])
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT, env=full_env)


def build_routes(folder: Path, routes_dir: Path, docs_dir: Path | None = None,
                 env: Mapping[str, str] | None = None) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Build the site of `routes_dir` into `folder/site`, its config in `folder/config`."""
    config = write_config(folder / "config", routes_dir, docs_dir)
    site = folder / "site"
    return site, build_site(site, config, env=env)


def inputs_key(env: Mapping[str, str] | None = None) -> str:
    """A short hash of everything the site of the real routes is built from (and of `env`)."""
    return _inputs_key(tuple(sorted((env or {}).items())))


@lru_cache(maxsize=None)
def _inputs_key(env: tuple[tuple[str, str], ...]) -> str:
    """Computed once per process: a file touched later in the run must not start a second build."""
    digest = hashlib.sha256()
    for name in BUILD_INPUTS:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for key, value in env:
        digest.update(f"{key}={value}\0".encode())
    return digest.hexdigest()[:16]


def shared_site(base: Path, name: str = "site", env: Mapping[str, str] | None = None) -> Path:
    """The site of the real routes in `base`, built at most once for every process that asks.

    `base` is a folder all workers of the run share. The first caller builds under an
    exclusive lock; the others wait, then reuse the finished folder (or get the same failure,
    without building again).
    """
    return _shared(base, f"{name}-{inputs_key(env)}", lambda target: build_site(target, env=env))


def shared_routes_site(base: Path, name: str, files: Mapping[str, str]) -> Path:
    """The site of the routes `files` (file name → YAML text), built at most once per run.

    For the hostile and other made-up sites: tests of one module may run on several xdist
    workers, and each would otherwise build the same site again in its own module fixture.
    """
    digest = hashlib.sha256(inputs_key().encode())
    for file_name, text in sorted(files.items()):
        digest.update(f"{file_name}\0{text}\0".encode())
    key = f"{name}-{digest.hexdigest()[:16]}"

    def build(target: Path) -> subprocess.CompletedProcess[str]:
        inputs = base / f"{key}.inputs"
        shutil.rmtree(inputs, ignore_errors=True)
        routes = routes_folder(inputs, files)
        return build_site(target, write_config(inputs / "config", routes))

    return _shared(base, key, build)


def _shared(base: Path, key: str, build: typing.Callable[[Path], subprocess.CompletedProcess[str]]) -> Path:
    """`base/key`, made by `build` under an exclusive lock unless a finished one is there."""
    target = base / key
    done = base / f"{key}.done"
    failed = base / f"{key}.failed"
    base.mkdir(parents=True, exist_ok=True)
    with open(base / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return target
        if failed.exists():
            raise SiteBuildFailed(failed.read_text(encoding="utf-8"))
        partial = base / f"{key}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        result = build(partial)
        if result.returncode != 0 or "Traceback" in result.stderr:
            message = f"mkdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"
            failed.write_text(message, encoding="utf-8")
            raise SiteBuildFailed(message)
        hashes = tree_hashes(partial)
        partial.rename(target)
        _manifest(target).write_text(json.dumps(hashes, sort_keys=True), encoding="utf-8")
        done.touch()
        return target


def _manifest(site: Path) -> Path:
    return site.parent / f"{site.name}.hashes.json"


def built_hashes(site: Path) -> dict[str, str]:
    """The tree hashes of a shared site as the build left it.

    Browser tests put host pages (an iframe of the embed) into the shared site while other
    workers run; comparing the build itself must not see those.
    """
    return typing.cast(dict[str, str], json.loads(_manifest(site).read_text(encoding="utf-8")))


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site (Material's 404 page included)."""
    return sorted(site.rglob("*.html"))


def page_urls(site: Path, base: str) -> list[tuple[str, str]]:
    """(relative file, URL) of every HTML page; directory URLs as the server shows them."""
    return [(rel, page_url(base, rel)) for rel in (p.relative_to(site).as_posix() for p in html_pages(site))]


def page_url(base: str, rel: str) -> str:
    """The URL a static server gives the page file `rel` (…/index.html is shown as …/)."""
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def tree_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file below `folder`, by relative path."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def routes_folder(folder: Path, files: Mapping[str, str]) -> Path:
    """A routes folder in `folder` holding `files` (name → YAML text)."""
    routes = folder / "routes"
    routes.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (routes / name).write_text(text, encoding="utf-8")
    return routes


__all__ = ["ROUTES", "SiteBuildFailed", "build_routes", "build_site", "built_hashes", "html_pages", "inputs_key",
           "page_url", "page_urls", "routes_folder", "shared_routes_site", "shared_site", "tree_hashes", "write_config"]


@contextmanager
def config_for_routes(routes_dir: Path) -> Iterator[Path]:
    """A copy of mkdocs.yml (in a temporary folder, not the repository) that reads `routes_dir`."""
    with tempfile.TemporaryDirectory(prefix="routewijzer-config-") as folder:
        yield write_config(Path(folder), routes_dir)
