"""`routewijzer pdf`: a real PDF from headless Chromium, and the link to it on the site.

Never skipped: `make test` installs Chromium and poppler-utils (pdfinfo, pdftotext), and a
missing Chromium must give a Dutch message, which is tested by pointing at a missing program.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.pdf import chromium_command, find_chromium

from support.paths import ROOT
from support.routes import real_routes
from support.site import build_site, write_config

REAL = list(real_routes())


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} ontbreekt: installeer poppler-utils (make test doet dit).")
    return found


def _pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def _page_text(path: Path, page: int) -> str:
    return subprocess.run([_tool("pdftotext"), "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of the first real route, made by the command from the built site."""
    out = tmp_path_factory.mktemp("pdf")
    slug = REAL[0].slug
    assert main(["pdf", slug, "--site", str(built_site), "--uitvoer", str(out)]) == 0
    return out / f"{slug}.pdf"


def test_pdf_is_a_real_multi_page_a4_pdf(pdf: Path) -> None:
    assert pdf.read_bytes().startswith(b"%PDF")
    info = _pdfinfo(pdf)
    pages = int(info["Pages"])
    assert pages > len(REAL[0].route.steps)  # cover, contents, overview, a page per step, ...
    assert re.match(r"59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info["Page size"]), info["Page size"]


def test_pdf_cover_contents_and_page_numbers(pdf: Path) -> None:
    route = REAL[0].route
    cover = _page_text(pdf, 1)
    assert route.organisation.name in cover
    assert f"versie {route.version} van" in cover
    assert "pagina" not in cover  # no page number on the cover
    contents = _page_text(pdf, 2)
    assert "Inhoud" in contents and route.steps[-1].title.split()[0] in contents
    assert "pagina 2 van" in contents
    pages = int(_pdfinfo(pdf)["Pages"])
    assert f"pagina {pages} van {pages}" in _page_text(pdf, pages)
    # No site chrome: the search box and navigation labels are not printed.
    assert "Zoeken" not in cover + contents


def test_each_step_starts_a_page(pdf: Path) -> None:
    route = REAL[0].route
    pages = int(_pdfinfo(pdf)["Pages"])
    firsts = [_page_text(pdf, n).strip().splitlines()[0].strip() for n in range(1, pages + 1)
              if _page_text(pdf, n).strip()]
    for step in route.steps[1:]:
        heading = f"{step.label}: {step.title}"
        assert any(line.startswith(heading[:40]) for line in firsts), heading


def test_missing_chromium_is_a_dutch_message(built_site: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["pdf", "--chromium", "/bestaat/niet/chromium", "--site", str(built_site),
                 "--uitvoer", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Chromium is niet gevonden" in err and "apt-get install chromium" in err
    assert "Traceback" not in err and not list(tmp_path.iterdir())
    monkeypatch.setenv("ROUTEWIJZER_CHROMIUM", str(tmp_path / "geen-chromium"))
    assert main(["pdf", "--site", str(built_site), "--uitvoer", str(tmp_path)]) == 1
    assert "Chromium is niet gevonden" in capsys.readouterr().err
    monkeypatch.delenv("ROUTEWIJZER_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH either
    assert main(["pdf", "--site", str(built_site), "--uitvoer", str(tmp_path)]) == 1
    assert "apt-get install chromium" in capsys.readouterr().err


def test_unknown_route_and_unbuilt_site(built_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pdf", "bestaat-niet", "--site", str(built_site), "--uitvoer", str(tmp_path)]) == 1
    assert "Onbekende route(s): bestaat-niet" in capsys.readouterr().err
    assert main(["pdf", "--site", str(tmp_path), "--uitvoer", str(tmp_path)]) == 1
    assert "routes.json ontbreekt" in capsys.readouterr().err


def test_chromium_command_prints_without_browser_header() -> None:
    command = chromium_command(find_chromium(), "http://127.0.0.1:1/x/afdrukken/", Path("/tmp/x.pdf"))
    assert "--headless" in command and "--no-pdf-header-footer" in command
    assert command[-1] == "http://127.0.0.1:1/x/afdrukken/" and "--print-to-pdf=/tmp/x.pdf" in command


def _config_variant(tmp: Path) -> Path:
    """mkdocs.yml with a copy of the docs dir in `tmp`, everything else pointing at the repo."""
    shutil.copytree(ROOT / "content", tmp / "content")
    return write_config(tmp, docs_dir=tmp / "content")


def test_site_links_the_pdf_once_it_is_made(pdf: Path, built_site: Path, tmp_path: Path) -> None:
    """The documented workflow: PDFs go to <docs_dir>/pdf/, the next build links them."""
    slug = REAL[0].slug
    # Not made yet: no link, and nothing published.
    assert "Download als PDF" not in (built_site / slug / "afdrukken" / "index.html").read_text(encoding="utf-8")
    config = _config_variant(tmp_path)
    (tmp_path / "content" / "pdf").mkdir()
    shutil.copy(pdf, tmp_path / "content" / "pdf" / f"{slug}.pdf")
    site = tmp_path / "site"
    result = build_site(site, config)
    assert result.returncode == 0, result.stderr
    html = (site / slug / "afdrukken" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../pdf/{slug}.pdf" download>Download als PDF</a>' in html
    assert (site / slug / "afdrukken" / "../../pdf" / f"{slug}.pdf").resolve().read_bytes() == pdf.read_bytes()
    index = json.loads((site / "routes.json").read_text(encoding="utf-8"))
    listed = {e["slug"]: e.get("pdf") for e in index["routes"]}
    assert listed[slug] == f"pdf/{slug}.pdf" and (site / listed[slug]).is_file()
    assert [s for s, p in listed.items() if p and s != slug] == []
    other = next((r.slug for r in REAL if r.slug != slug), None)
    if other:
        assert "Download als PDF" not in (site / other / "afdrukken" / "index.html").read_text(encoding="utf-8")
