"""The routewijzer command: Dutch help, exit codes, new → check round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main

from support.routes import site_routes

ROOT = Path(__file__).resolve().parent.parent


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "gebruik:" in out and "controleer routebestanden" in out and "toon deze hulp en stop" in out


def test_unknown_command_is_a_dutch_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["bestaatniet"])
    assert caught.value.code == 2
    assert "onbekende keuze" in capsys.readouterr().err


def test_new_writes_a_route_that_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "De Regenboog", "--map", str(tmp_path)]) == 0
    written = tmp_path / "de-regenboog.yaml"
    assert written.exists()
    assert written.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert main(["check", str(written)]) == 0
    assert "In orde: 1 route(s) gecontroleerd." in capsys.readouterr().out
    assert main(["new", "De Regenboog", "--map", str(tmp_path)]) == 1  # never overwrites


def test_check_reports_every_problem_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["new", "X", "--map", str(tmp_path)])
    route = tmp_path / "x.yaml"
    text = route.read_text(encoding="utf-8").replace("naar: stap-2", "naar: stap-9").replace(
        "    verantwoordelijkheid: regie", "    verantwoordelijkheid: regie\n        verantwoordelijkheid: doet-mee")
    route.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "verwijst naar onbekende stap 'stap-9'" in err
    assert "Traceback" not in err


def test_check_on_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/bestaat/niet"]) == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_schema_is_json_with_dutch_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "stappen" in schema["properties"] and "titel" in schema["properties"]


def test_list_shows_step_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["new", "Y", "--map", str(tmp_path)])
    capsys.readouterr()
    assert main(["list", str(tmp_path)]) == 0
    assert "2 stappen" in capsys.readouterr().out


# ---------------------------------------------------------------------------
# Issue 16: every command, every input — a Dutch message, never a traceback
# ---------------------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "onverwachte fout" not in captured.err
    return code, captured.out, captured.err


@pytest.mark.parametrize("name", ["a: b # c", "regel\nsoort: samenvatting", "Één Ëfje", '"Quote" \\ en \'x\'',
                                  "x" * 300, "Esc\x1b[31m\u202eRood", "- lijst", "&anker *alias !tag %dir"])
def test_new_writes_a_valid_starter_for_any_name(name: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["new", name, "--map", str(tmp_path)], capsys)
    assert code == 0
    [written] = list(tmp_path.iterdir())
    assert len(written.stem) <= 60 and written.suffix == ".yaml"
    assert run(["check", str(written)], capsys)[0] == 0
    from generator.load import load_route
    route = load_route(written).route
    shown = " ".join("".join(ch for ch in name if ch not in "\x1b\u202e").split())
    assert route.organisation.name == shown and route.title == f"Ondersteuningsroute {shown}"


def test_new_slug_drops_accents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["new", "Één Ëfje", "--map", str(tmp_path)], capsys)[0] == 0
    assert (tmp_path / "een-efje.yaml").is_file()


def test_new_into_a_file_or_under_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "bestand"
    existing.write_text("inhoud", encoding="utf-8")
    code, _, err = run(["new", "X", "--map", str(existing)], capsys)
    assert code == 1 and "dit is een bestand, geen map" in err
    code, _, err = run(["new", "X", "--map", str(existing / "sub")], capsys)
    assert code == 1 and "een deel van het pad is een bestand in plaats van een map" in err
    assert existing.read_text(encoding="utf-8") == "inhoud"


@pytest.mark.parametrize("target", ["bestand", "/dev/null"])
def test_export_into_a_file_or_device(target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / target if target == "bestand" else Path(target)
    if target == "bestand":
        path.write_text("inhoud", encoding="utf-8")
    code, _, err = run(["export", str(ROOT / "routes"), "--map", str(path)], capsys)
    assert code == 1 and "dit is geen map (maar een bestand of apparaat)" in err


def test_schema_into_a_missing_folder_or_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["schema", "-o", "/nonexistent/dir/x.json"], capsys)
    assert code == 1 and "de map /nonexistent/dir bestaat niet" in err and "No such file" not in err
    code, _, err = run(["schema", "-o", str(tmp_path)], capsys)
    assert code == 1 and "dit is een map; geef een bestandsnaam" in err


def _fake_site(tmp_path: Path, routes_json: str) -> Path:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "routes.json").write_text(routes_json, encoding="utf-8")
    return site


@pytest.mark.parametrize("routes_json", [
    '{"routes": [',
    "[1, 2]",
    '{"routes": [7]}',
    '{"routes": [{"slug": "../../victim", "titel": "x", "handboek": "x/"}]}',
    '{"routes": [{"slug": "ok", "titel": "x", "handboek": "http://elders.example/"}]}',
    '{"routes": [{"slug": "ok", "titel": "x", "handboek": "../../"}]}',
])
def test_pdf_never_reads_routes_json(routes_json: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Which routes there are comes from the route files and where their print version is from
    the URL layout, so a damaged or hostile routes.json in the site decides nothing: no PDF
    outside --uitvoer, no other host to visit; the missing print pages are named instead."""
    site = _fake_site(tmp_path, routes_json)
    out = tmp_path / "pdf"
    code, _, err = run(["pdf", "--site", str(site), "--uitvoer", str(out), "--chromium", "/bin/true"], capsys)
    first = site_routes()[0].slug
    assert code == 1 and f"de afdrukversie van route '{first}' ({first}/afdrukken/) ontbreekt" in err
    assert "victim" not in err and "elders" not in err
    assert not any(out.iterdir()) and sorted(p.name for p in tmp_path.iterdir()) == ["pdf", "site"]


def test_pdf_into_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bestand.pdf"
    target.write_text("inhoud", encoding="utf-8")
    site = _fake_site(tmp_path, '{"routes": []}')
    code, _, err = run(["pdf", "--site", str(site), "--uitvoer", str(target), "--chromium", "/bin/true"], capsys)
    assert code == 1 and "dit is geen map (maar een bestand of apparaat). Geef met --uitvoer een map" in err
    assert target.read_text(encoding="utf-8") == "inhoud"


def test_list_and_diff_do_not_print_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["new", "Rood", "--map", str(tmp_path)], capsys)[0] == 0
    route = tmp_path / "rood.yaml"
    old = tmp_path / "oud.yaml"
    old.write_text(route.read_text(encoding="utf-8"), encoding="utf-8")
    route.write_text(route.read_text(encoding="utf-8").replace('naam: "Rood"', 'naam: "Ro\\e[2Jod\\u202e"'),
                     encoding="utf-8")
    # Control characters are refused by check, so list prints the problem instead — escaped.
    code, out, err = run(["list", str(tmp_path)], capsys)
    assert code == 1 and "\x1b" not in out + err and "stuurteken (U+001B)" in err
    code, out, err = run(["diff", str(old), str(route)], capsys)
    assert code == 1 and "\x1b" not in out + err


def test_missing_paths_for_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["list", "/bestaat/niet"], capsys)
    assert code == 1 and "bestaat niet" in err


def test_an_argument_with_a_nul_character_gets_a_dutch_message(capsys: pytest.CaptureFixture[str]) -> None:
    """Found by tests/test_fuzz_cli.py: `diff routes '\\0'` ended in "onverwachte fout (ValueError)"."""
    assert main(["diff", "routes", "\x00"]) == 2
    err = capsys.readouterr().err
    assert "nul-teken" in err and "onverwachte fout" not in err and "Traceback" not in err
