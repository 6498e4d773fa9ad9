"""The MkDocs plugin: thin glue between MkDocs events and the MkDocs-free generator.

Routes are loaded and every page is rendered in `on_config`, before MkDocs cleans the
site directory, so a bad route stops the build with a Dutch `file:line` message and the
previously built site stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .abbreviations import PageAbbreviations, add_abbreviations
from .load import is_slug, load_routes, route_files
from .nav import build_nav
from .pagetitle import page_meta
from .pages import render_site
from .pages.base import GeneratedPage, SiteContext
from .pages.printable import available_pdfs
from .pages.home import HOME_SRC, fill_home
from .url_claims import all_claims, collisions
from .wegwijzer.site import fill_site_wegwijzer

log = get_plugin_logger(__name__)


class RoutesNotBuilt(PluginError):
    """The routes (or the plugin options) have errors. Raised in on_config, before MkDocs
    cleans the site directory, so the site built before is still complete."""


def keep_last_good_site(build: Callable[..., None]) -> Callable[..., None]:
    """`mkdocs serve`'s rebuild, made to keep serving the last good build after a route error.

    When a rebuild fails, MkDocs' live-reload server holds every request until a build
    succeeds ("the server will appear stuck"). A route error stops the build before the site
    directory is touched, so the previous site is whole: report the error and let the
    server go on serving it. Any other failure (the site may be half written) still holds.
    """
    def rebuild(*args: Any, **kwargs: Any) -> None:
        try:
            build(*args, **kwargs)
        except Abort as exc:
            if not isinstance(exc.__context__, RoutesNotBuilt):
                raise
            log.error("De site is niet bijgewerkt; de vorige versie blijft te zien tot de fout hierboven is "
                      "verholpen.")
    return rebuild


def route_prefix(value: str) -> str:
    """The `prefix` option as a folder below the docs dir ('' or 'a/b/'), or a PluginError.

    Only slug-like folder names: '../x', an absolute path or a backslash would put route
    pages outside the site, or in a place no link expects.
    """
    text = value.strip()
    if not text:
        return ""
    parts = text[:-1].split("/") if text.endswith("/") else text.split("/")
    if text.startswith("/") or not all(is_slug(part) for part in parts):
        raise RoutesNotBuilt(f"mkdocs.yml: 'prefix: {value}' bij de routewijzer-plugin moet een map binnen de site zijn, "
                          "zoals 'routes' of 'scholen/routes': kleine letters, cijfers en streepjes, mappen gescheiden "
                          "door '/', zonder '..' en niet beginnend met '/'.")
    return "/".join(parts) + "/"


class RoutewijzerConfig(Config):
    """Options in mkdocs.yml under `plugins: - routewijzer:`."""

    routes = opt.Type(str, default="routes")
    """Folder with route files, relative to mkdocs.yml."""
    include = opt.ListOfItems(opt.Type(str), default=[])
    """Slugs (file names without .yaml) of the routes to publish; empty means all."""
    prefix = opt.Type(str, default="")
    """Folder below the docs dir for route pages, e.g. 'routes' gives /routes/de-kempen/."""
    nav = opt.Type(bool, default=True)
    """Add the routes to the navigation (appended when mkdocs.yml has its own nav)."""


class RoutewijzerPlugin(BasePlugin[RoutewijzerConfig]):
    """Turns every route file into handbook pages."""

    def __init__(self) -> None:
        self.pages: list[GeneratedPage] = []
        self.context: SiteContext | None = None
        self.abbreviations: PageAbbreviations | None = None
        self.routes_dir: Path | None = None
        self.by_src: dict[str, GeneratedPage] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load, validate and render everything now, before the old site is touched."""
        base = Path(config.config_file_path or ".").parent
        self.routes_dir = (base / self.config.routes).resolve()
        if not self.routes_dir.is_dir():
            raise RoutesNotBuilt(f"{self.config.routes}: de map met routes bestaat niet. Zet 'routes:' bij de "
                              "routewijzer-plugin in mkdocs.yml op de goede map.")
        files = route_files([self.routes_dir])
        if self.config.include:
            wanted = set(self.config.include)
            unknown = wanted - {f.stem for f in files}
            if unknown:
                raise RoutesNotBuilt(f"mkdocs.yml: onbekende route(s) bij 'include': {', '.join(sorted(unknown))} "
                                  f"(bekend: {', '.join(sorted(f.stem for f in files))}).")
            files = [f for f in files if f.stem in wanted]
        routes, problems = load_routes(files)
        if problems:
            raise RoutesNotBuilt("De routes bevatten fouten; de site is niet gebouwd:\n"
                              + "\n".join(str(p) for p in problems))
        if not routes:
            log.warning("Geen routes gevonden in %s.", self.config.routes)
        prefix = route_prefix(self.config.prefix)
        self.context = SiteContext(routes=tuple(routes), prefix=prefix, pdfs=available_pdfs(Path(config.docs_dir)))
        clashes = collisions(routes, self.context, all_claims(config, prefix))
        if clashes:
            raise RoutesNotBuilt("Twee bronnen voor één webadres; de site is niet gebouwd:\n" + "\n".join(clashes))
        self.abbreviations = PageAbbreviations(self.context.routes, self.context.route_dir)
        try:
            self.pages = render_site(self.context)
        except Exception as exc:  # a renderer bug must not leave a half-written site
            raise RoutesNotBuilt(f"Routewijzer kon de pagina's niet maken: {type(exc).__name__}: {exc}") from exc
        self.by_src = {p.src_uri: p for p in self.pages}
        if self.config.nav:
            generated = build_nav(self.pages, self.context)
            if config.nav is None:
                home = [{"Home": "index.md"}] if (Path(config.docs_dir) / "index.md").exists() else []
                config.nav = home + generated
            else:
                config.nav = list(config.nav) + generated
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Hand the generated pages to MkDocs as virtual files (nothing is written to content/)."""
        for page in self.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=page.content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Name the page's route in its meta (title, header, footer guard) and put the generated
        route cards into the hand-written home page. Runs while MkDocs reads every page, before
        any is written, so the footer can compare its neighbours' routes."""
        if self.context is not None:
            src = page.file.src_uri
            if page.is_homepage:
                page.meta.update({"rw_doc_title": str(escape(config.site_name)), "rw_route_dir": ""})
            else:
                page.meta.update(page_meta(src, page.title or "", self.by_src.get(src), self.context,
                                           config.site_name))
                page.meta.setdefault("rw_route_dir", "")
        if self.context is not None and page.file.src_uri == HOME_SRC:
            return fill_site_wegwijzer(fill_home(markdown, self.context, page.file.src_uri), self.context,
                                       page.file.src_uri)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Abbreviation tooltips, after Markdown so generated and hand-written pages get them."""
        if self.abbreviations is None:
            return html
        return add_abbreviations(html, self.abbreviations.for_page(page.file.src_uri))

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """Give generated pages a safe <title>: Material prints `page.title | striptags` there
        unescaped, which would turn a route's '&lt;/title&gt;' back into markup."""
        if page.file.generated_by and page.title:
            page.meta["title"] = str(escape(Markup(page.title).striptags()))
        return context

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when a route file changes; after a route error, keep serving the last good site."""
        if self.routes_dir is not None:
            server.watch(str(self.routes_dir))
        server.builder = keep_last_good_site(server.builder)
        return server
