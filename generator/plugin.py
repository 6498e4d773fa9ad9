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
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .abbreviations import PageAbbreviations, add_abbreviations
from .context import SiteContext
from .css_bundle import BUNDLE, bundle_text, bundled_extra_css, local_stylesheets
from .html_blocks import fill, skeleton
from .layout import Layout
from .load import is_slug, load_routes, route_files
from .nav import build_nav
from .nav_cache import NavFragments
from .page_scripts import scripts_for
from .pagetitle import page_meta
from .pages import SITE_PAGES, render_site
from .pages.base import GeneratedPage
from .pages.home import fill_home
from .pages.printable import available_pdfs
from .problems import RouteProblems
from .route_cache import rendered_route
from .search_parse import use_fast_parser
from .search_scope import route_dir_of, scope_search, search_base, write_part_manifest
from .url_claims import all_claims, collisions

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
        self.cache_dir: Path | None = None
        """Set by the split build (generator/split_build.py): rendered routes are cached here."""
        self.part: tuple[int, int] | None = None
        """Set by the split build: (index, count) — this build writes only its share of the routes."""
        self.only: frozenset[str] | None = None
        """Set by the edit loop (split_build.rebuild_routes): slugs of the only routes to write."""
        self.elsewhere: set[str] = set()
        """Source paths of the pages another part writes (in a part build)."""
        self.files: Files | None = None
        self.by_src: dict[str, GeneratedPage] = {}
        self.css_sources: list[str] = []
        """The extra_css files served as one (generator/css_bundle.py), kept for a rebuild."""
        self.html_blocks: dict[str, tuple[str, ...]] = {}
        """Per generated page: the HTML blocks Markdown does not see (generator/html_blocks.py)."""

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
        layout = self.layout()
        pdfs = available_pdfs(Path(config.docs_dir), layout)
        if self.cache_dir is None and not self.is_partial():
            routes, problems = load_routes(files)
            route_pages = None
        else:
            routes, problems, route_pages = self._load_cached(files, layout, pdfs)
        if problems:
            raise RoutesNotBuilt("De routes bevatten fouten; de site is niet gebouwd:\n"
                              + "\n".join(str(p) for p in problems))
        if not routes:
            log.warning("Geen routes gevonden in %s.", self.config.routes)
        self.context = SiteContext(routes=tuple(routes), layout=layout, pdfs=pdfs)
        clashes = collisions(routes, self.context, all_claims(config, layout))
        if clashes:
            raise RoutesNotBuilt("Twee bronnen voor één webadres; de site is niet gebouwd:\n" + "\n".join(clashes))
        self.abbreviations = PageAbbreviations(self.context)
        try:
            if route_pages is None:
                self.pages = render_site(self.context)
            else:
                self.pages = route_pages + [p for renderer in SITE_PAGES for p in renderer(self.context)]
        except Exception as exc:  # a renderer bug must not leave a half-written site
            raise RoutesNotBuilt(f"Routewijzer kon de pagina's niet maken: {type(exc).__name__}: {exc}") from exc
        self.by_src = {p.src_uri: p for p in self.pages}
        if self.config.nav:
            generated = build_nav(self.pages, self.context)
            if config.nav is None:
                home_src = layout.home
                home = [{"Home": home_src}] if (Path(config.docs_dir) / home_src).exists() else []
                config.nav = home + generated
            else:
                config.nav = list(config.nav) + generated
        for plugin in config.plugins.values():  # Material's search, if the site uses it
            use_fast_parser(getattr(plugin, "search_index", None))
        return config

    def _load_cached(self, files: list[Path], layout: Layout, pdfs: frozenset[str]) -> tuple[list[Any], list[Any], list[GeneratedPage]]:
        """Routes and their pages via the on-disk cache (split build); same order as render_site."""
        routes, problems, pages = [], [], []
        for path in files:
            try:
                rendered = rendered_route(path, layout, pdfs, self.cache_dir)
            except RouteProblems as exc:
                problems.extend(exc.problems)
                continue
            except Exception as exc:  # a renderer bug must not leave a half-written site
                raise RoutesNotBuilt(f"Routewijzer kon de pagina's van {path.name} niet maken: "
                                  f"{type(exc).__name__}: {exc}") from exc
            routes.append(rendered.loaded)
            pages.extend(rendered.pages)
        return routes, problems, pages

    def layout(self) -> Layout:
        """The URL layout this plugin's options give (today only `prefix` is an option)."""
        return Layout(prefix=route_prefix(self.config.prefix))

    def own_route_dirs(self) -> list[str]:
        """The route folders this build writes: all of them, or in a part build its share."""
        if self.only is not None and self.context is not None:
            return [self.context.route_dir(r.slug) for r in self.context.routes if r.slug in self.only]
        dirs = self.route_dirs()
        return dirs if self.part is None else dirs[self.part[0]::self.part[1]]

    def is_partial(self) -> bool:
        """True when this build writes only some routes (a part, or the edit loop)."""
        return self.part is not None or self.only is not None

    def writes_site_pages(self) -> bool:
        """Home, Vergelijken, Begrippen: in a one-go build and in part 1 of a split build."""
        return self.only is None and (self.part is None or self.part[0] == 0)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """A fresh cache of rendered sidebar entries for each build (overrides/partials/nav.html)."""
        env.globals["rw_nav"] = NavFragments()
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Hand the generated pages to MkDocs as virtual files (nothing is written to content/)."""
        for page in self.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=page.content))
        # One render-blocking stylesheet of ours instead of seven (generator/css_bundle.py).
        if BUNDLE not in config.extra_css:
            self.css_sources = local_stylesheets(config.extra_css, files)
        if len(self.css_sources) > 1:
            files.append(File.generated(config, BUNDLE, content=bundle_text(self.css_sources, files)))
            config.extra_css = bundled_extra_css(config.extra_css, self.css_sources)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """In a part build, leave the other parts' pages out of the build but in the navigation.

        Runs after the navigation is made, so every page keeps its place, title and URL in the
        sidebar and links to it resolve; excluded pages are neither rendered nor written. Their
        front matter is read (cheap, no Markdown) so titles match those of a one-go build."""
        self.files = files
        if not self.is_partial():
            return nav
        all_dirs, own = self.route_dirs(), set(self.own_route_dirs())
        for file in files:
            owner = route_dir_of(file.src_uri, all_dirs)
            mine = owner in own if owner is not None else (self.writes_site_pages() or not file.is_documentation_page())
            if mine or file.inclusion.is_excluded():
                continue
            file.inclusion = InclusionLevel.EXCLUDED
            self.elsewhere.add(file.src_uri)
            if file.page is not None and file.page.markdown is None:
                file.page.read_source(config)
        return nav

    def on_template_context(self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        """A part build's sitemap lists every page of the site, as the one-go build's does."""
        if self.is_partial() and template_name == "sitemap.xml" and self.files is not None:
            context["pages"] = [f for f in self.files.documentation_pages(inclusion=lambda _: True)
                                if f.inclusion.is_included() or f.src_uri in self.elsewhere]
        return context

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
        if self.context is not None and page.file.src_uri == self.context.layout.home:
            return fill_home(markdown, self.context, page.file.src_uri)
        if page.file.src_uri in self.by_src:
            bare = skeleton(markdown)
            if bare is not None:
                self.html_blocks[page.file.src_uri] = bare.blocks
                return bare.markdown
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The generated page's HTML blocks back in place; then abbreviation tooltips, after
        Markdown so generated and hand-written pages get them; then the scripts the page needs."""
        blocks = self.html_blocks.pop(page.file.src_uri, None)
        if blocks is not None:
            try:
                html = fill(html, blocks)
            except ValueError as exc:
                raise PluginError(f"{page.file.src_uri}: {exc}") from exc
        if self.abbreviations is not None:
            html = add_abbreviations(html, self.abbreviations.for_page(page.file.src_uri))
        page.meta["rw_scripts"] = scripts_for(html)  # overrides/main.html loads these
        return html

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """Give generated pages a safe <title>: Material prints `page.title | striptags` there
        unescaped, which would turn a route's '&lt;/title&gt;' back into markup."""
        if page.file.generated_by and page.title:
            page.meta["title"] = str(escape(Markup(page.title).striptags()))
        route_dir = route_dir_of(page.file.src_uri, self.route_dirs())
        if route_dir is not None:
            context["rw_search_base"] = search_base(page.url, route_dir)
        return context

    def route_dirs(self) -> list[str]:
        """Source folders of the routes, e.g. ['de-kempen/', 'het-baken/']."""
        return [self.context.route_dir(r.slug) for r in self.context.routes] if self.context else []

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """After Material wrote the site's search index: one index and sitemap per route
        (generator/search_scope.py), so a route's pages search that route only."""
        scope_search(Path(config.site_dir), self.route_dirs(), config.site_url, self.own_route_dirs())
        if self.part is not None:
            write_part_manifest(Path(config.site_dir), self.route_dirs(), *self.part)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when a route file changes; after a route error, keep serving the last good site."""
        if self.routes_dir is not None:
            server.watch(str(self.routes_dir))
        server.builder = keep_last_good_site(server.builder)
        return server
