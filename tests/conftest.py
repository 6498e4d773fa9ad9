"""Shared fixtures: the built site, a local web server for it, and headless Chromium.

The site of the real routes in `routes/` is built once per test run, shared by every
xdist worker (see `support.site.shared_site`), served on 127.0.0.1, and every browser page
records (and blocks) requests to other hosts, so any test can assert the site stays offline.

Tests that take a `site_page` argument run once per built HTML page (ids are the page
files), so xdist spreads a walk over all pages across its workers. The page list comes
from the shared build, made when such a test is first collected.

The helpers themselves live in the `support` package; the names below that other test
files import from `conftest` (ROOT, build_site, serve, PageRecorder, ...) stay available.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.browser import CHROMIUM_ARGS, PageRecorder, QuietHandler, chromium_path, is_local, serve
from support.browser import new_page as _new_page
from support.paths import ROOT
from support.site import SiteBuildFailed, build_site, page_urls, shared_routes_site, shared_site

# Old names, kept for test files written against the conftest of before `support`.
_QuietHandler = QuietHandler
_is_local = is_local
BUILD_FAILED_ID = "bouw-mislukt"

__all__ = ["CHROMIUM_ARGS", "PageRecorder", "ROOT", "build_site", "chromium_path", "serve"]


def shared_base(config: pytest.Config) -> Path:
    """A folder every process of this run sees: the run's base temp (the controller's under xdist)."""
    factory: pytest.TempPathFactory = config._tmp_path_factory  # type: ignore[attr-defined]
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _site(config: pytest.Config) -> Path:
    try:
        return shared_site(shared_base(config) / "shared-sites")
    except SiteBuildFailed as failure:
        pytest.fail(str(failure), pytrace=False)


def _deselected_by_markers(metafunc: pytest.Metafunc) -> bool:
    """True when `-m` keeps this test's markers out of the run (then it needs no page list)."""
    expression = metafunc.config.getoption("markexpr", "") or ""
    if not expression:
        return False
    from _pytest.mark.expression import Expression

    names = {mark.name for mark in metafunc.definition.iter_markers()}
    compiled = Expression.compile(expression)
    return not compiled.evaluate(lambda name, **_: name in names)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per built page for every test that asks for `site_page`."""
    if "site_page" not in metafunc.fixturenames:
        return
    if _deselected_by_markers(metafunc):
        metafunc.parametrize("site_page", ["niet-geselecteerd"])  # deselected anyway: do not build for it
        return
    try:
        site = shared_site(shared_base(metafunc.config) / "shared-sites")
    except SiteBuildFailed:
        metafunc.parametrize("site_page", [BUILD_FAILED_ID])  # the test's built_site reports the failure
        return
    pages = [rel for rel, _ in page_urls(site, "")]
    metafunc.parametrize("site_page", pages, ids=pages)


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Path:
    """The handbook of all routes, built once for the whole test run (all workers)."""
    return _site(request.config)


@pytest.fixture(scope="session")
def routes_site(request: pytest.FixtureRequest) -> Any:
    """Factory: the site of made-up routes (name, file name → YAML text), built once per run.

    Every worker that asks for the same routes gets the same folder, so a module whose tests
    xdist spreads over workers does not build its site once per worker.
    """
    def make(name: str, files: dict[str, str]) -> Path:
        try:
            return shared_routes_site(shared_base(request.config) / "shared-sites", name, files)
        except SiteBuildFailed as failure:
            pytest.fail(str(failure), pytrace=False)

    return make


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (with trailing slash) of the built site on a local server."""
    with serve(built_site) as base:
        yield base + "/"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless system Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def recorder() -> PageRecorder:
    return PageRecorder()


@pytest.fixture
def page(browser: Any, recorder: PageRecorder) -> Iterator[Any]:
    """A desktop-sized browser page that blocks and records requests to other hosts."""
    context, page = _new_page(browser, recorder, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield page
    context.close()


@pytest.fixture
def phone_page(browser: Any, recorder: PageRecorder) -> Iterator[Any]:
    """A phone-sized page (360 × 740, touch), same request guard."""
    context, page = _new_page(browser, recorder, viewport={"width": 360, "height": 740}, is_mobile=True,
                             has_touch=True, device_scale_factor=2, locale="nl-NL")
    yield page
    context.close()


@pytest.fixture
def new_page(browser: Any, recorder: PageRecorder) -> Iterator[Any]:
    """Factory for pages with custom context options (dark mode, no JavaScript, viewport)."""
    contexts: list[Any] = []

    def make(**context_args: Any) -> Any:
        context, page = _new_page(browser, recorder, **context_args)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()
