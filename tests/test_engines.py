"""The site builds with ProperDocs too, the drop-in fork of MkDocs 1.6, and comes out the same.

Material for MkDocs reached end of maintenance in November 2026 and MkDocs 2.0 will drop
plugins, so the way off MkDocs 1.6 must be proven on every run, not hoped for: the same
mkdocs.yml, `--strict`, and every file equal to the MkDocs build apart from the line that
names the generator.
"""

from __future__ import annotations

import re
from importlib.metadata import files, version
from pathlib import Path

import pytest

from support.site import build_site, built_hashes, tree_hashes

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("properdocs-site")
    result = build_site(target, engine="properdocs")
    assert result.returncode == 0, f"properdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"
    return target


def test_properdocs_is_a_separate_package_beside_mkdocs() -> None:
    """Installing the fork must not replace MkDocs' own files: both stay importable, each itself."""
    import mkdocs
    import properdocs

    assert Path(mkdocs.__file__).parent.name == "mkdocs" and Path(properdocs.__file__).parent.name == "properdocs"
    assert version("mkdocs").startswith("1.6.") and version("properdocs").startswith("1.6.")
    installed = {str(f) for f in files("mkdocs") or []}
    fork = {str(f) for f in files("properdocs") or []}
    assert installed and fork
    assert not installed & fork, f"ProperDocs overschrijft bestanden van MkDocs: {sorted(installed & fork)[:5]}"


def test_properdocs_builds_the_same_site(properdocs_site: Path, built_site: Path) -> None:
    # The shared MkDocs site as built: other tests add host pages to it while this one runs.
    ours, theirs = built_hashes(built_site), tree_hashes(properdocs_site)
    assert sorted(ours) == sorted(theirs), set(ours) ^ set(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    for name in differing:
        a, b = (built_site / name).read_bytes(), (properdocs_site / name).read_bytes()
        assert GENERATOR.sub(b"", a) == GENERATOR.sub(b"", b), f"{name} verschilt tussen MkDocs en ProperDocs"
    generator = GENERATOR.search((properdocs_site / "index.html").read_bytes())
    assert generator and b"ProperDocs" in generator.group(0)
