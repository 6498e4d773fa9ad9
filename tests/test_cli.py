"""The routewijzer command: Dutch help, exit codes, new → check round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main

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
