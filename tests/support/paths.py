"""Fixed places in the repository that the tests read from."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
ROUTES = ROOT / "routes"
DATA = TESTS / "data"
GOLDEN = DATA / "golden"
STARTER = ROOT / "generator" / "templates" / "starter.yaml"
MKDOCS_YML = ROOT / "mkdocs.yml"
AXE = TESTS / "node_modules" / "axe-core" / "axe.min.js"
