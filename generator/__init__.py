"""Routewijzer: turns route definitions in YAML into a browsable handbook."""

__version__ = "0.1.0"
