"""Golden files: rendered output compared with the expected output stored beside the tests.

In the manner of mkdocs-gen-files' own tests: a small fixture route goes in, the rendered
page comes out, and the expected text lives in tests/data/golden/. When a template changes
on purpose, regenerate every expected file with one command, `make goldens` (that is,
`UPDATE_GOLDENS=1 pytest tests/test_golden.py`), and review the diff in git.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from .paths import GOLDEN, ROOT

UPDATE_VARIABLE = "UPDATE_GOLDENS"


def updating() -> bool:
    """True when the run should rewrite the expected files instead of comparing."""
    return os.environ.get(UPDATE_VARIABLE, "") not in ("", "0")


def check_golden(actual: str, expected_file: Path) -> None:
    """Fail with a unified diff when `actual` differs from `expected_file` (or rewrite it)."""
    if updating():
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        if not expected_file.exists() or expected_file.read_text(encoding="utf-8") != actual:
            expected_file.write_text(actual, encoding="utf-8")
        return
    shown = expected_file.relative_to(ROOT)
    assert expected_file.exists(), (f"{shown} ontbreekt. Maak de verwachte uitvoer met 'make goldens' "
                                    f"en controleer het verschil in git.")
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                            fromfile=f"{shown} (verwacht)", tofile="gemaakt", n=2))
        raise AssertionError(f"De uitvoer wijkt af van {shown}. Is dat de bedoeling, voer dan 'make goldens' "
                             f"uit en controleer het verschil in git.\n{diff[:6000]}")


def stale_goldens(expected: set[Path], folder: Path = GOLDEN) -> list[str]:
    """Files in `folder` that no renderer writes any more (removed when updating)."""
    stale = sorted(p for p in folder.rglob("*") if p.is_file() and p not in expected)
    if updating():
        for path in stale:
            path.unlink()
        return []
    return [p.relative_to(ROOT).as_posix() for p in stale]
