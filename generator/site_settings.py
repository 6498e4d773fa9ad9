"""What the commands that work on a whole site read from its mkdocs.yml, read once.

The split build and `routewijzer pdf` need the same facts the plugin gets from its options:
where the route files are, which of them are published, the URL layout and the docs dir.
They ask the plugin's own option parsing, so a command and a build never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .layout import Layout
from .load import route_files


class SettingsError(Exception):
    """mkdocs.yml is missing, unreadable or has no routewijzer plugin; a Dutch message."""


@dataclass(frozen=True)
class SiteSettings:
    """The site's settings that concern Routewijzer."""

    config_file: Path
    routes_dir: Path
    include: tuple[str, ...]
    layout: Layout
    """The URL layout, with the plugin's `prefix`."""
    docs_dir: Path


def read_settings(config_file: Path) -> SiteSettings:
    """The settings of the site configured in `config_file`, or a SettingsError in Dutch."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    if not config_file.is_file():
        raise SettingsError(f"{config_file} bestaat niet. Start de opdracht in de map met mkdocs.yml.")
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as exc:
        raise SettingsError(f"{config_file}: de MkDocs-instellingen kunnen niet gelezen worden ({exc}).") from None
    plugin = config.plugins.get("routewijzer")
    if plugin is None:
        raise SettingsError(f"{config_file}: de routewijzer-plugin staat niet bij 'plugins:'.")
    return SiteSettings(config_file=config_file.resolve(),
                        routes_dir=(config_file.resolve().parent / plugin.config.routes).resolve(),
                        include=tuple(plugin.config.include), layout=plugin.layout(),
                        docs_dir=Path(config.docs_dir))


def route_paths(settings: SiteSettings) -> list[Path]:
    """The route files the site publishes, in build order."""
    files = route_files([settings.routes_dir]) if settings.routes_dir.is_dir() else []
    return [f for f in files if not settings.include or f.stem in settings.include]
