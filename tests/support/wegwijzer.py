"""For the wegwijzer tests: the routes that have one, their situations, and node runs of
the wegwijzer's ranking module (the JavaScript twin of the Python text functions)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from generator.model import LoadedRoute
from generator.wegwijzer.paths import Path as AnswerPath
from generator.wegwijzer.paths import enumerate_paths

from .paths import ROOT, TESTS
from .routes import site_routes

JS = ROOT / "overrides" / "assets" / "wegwijzer-rank.js"
SITUATIONS = TESTS / "wegwijzer_situaties"


def routes_with_wegwijzer() -> list[LoadedRoute]:
    """Every route of the site that has a wegwijzer (question tree)."""
    return [r for r in site_routes() if r.route.wegwijzer is not None]


def situations(slug: str) -> list[dict[str, str]]:
    """The free-text situations written for a route (empty when there is no file)."""
    path = SITUATIONS / f"{slug}.yaml"
    if not path.exists():
        return []
    return [{"tekst": str(s["tekst"]), "stap": str(s["stap"])} for s in yaml.safe_load(path.read_text())["situaties"]]


def run_node(script: str, payload: object) -> object:
    """Run an ES-module snippet in node with `input` (JSON) available; returns its printed JSON."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node ontbreekt")
    code = (f"import * as ww from {json.dumps(JS.as_uri())};\n"
            "const input = JSON.parse(require_input());\n" + script)
    prelude = ("import { readFileSync } from 'node:fs';\n"
               "const require_input = () => readFileSync(0, 'utf-8');\n")
    result = subprocess.run([node, "--input-type=module", "-e", prelude + code], input=json.dumps(payload),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def wegwijzer_url(site_url: str, loaded: LoadedRoute, rest: str = "") -> str:
    """Address of a route's wegwijzer page in the served test site, plus `rest` (a hash)."""
    return f"{site_url}{loaded.slug}/wegwijzer/{rest}"


def longest_path(loaded: LoadedRoute) -> AnswerPath:
    """The answer path with the most questions (ties: the lowest code), for walks through all screens."""
    return max(enumerate_paths(loaded.route.wegwijzer), key=lambda p: (len(p.choices), p.code))
