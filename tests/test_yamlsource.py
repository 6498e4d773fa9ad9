"""YAML pitfalls: Dutch words stay text, dates stay text, positions are exact."""

from __future__ import annotations

import pytest

from generator.problems import RouteProblems
from generator.yamlsource import read_source


def test_yaml11_boolean_words_stay_text() -> None:
    src = read_source(b"a: nee\nb: ja\nc: no\nd: on\ne: off\nf: yes\ng: true\n", "x.yaml")
    assert src.data == {"a": "nee", "b": "ja", "c": "no", "d": "on", "e": "off", "f": "yes", "g": True}


def test_dates_and_version_numbers_keep_their_text() -> None:
    src = read_source(b"datum: 2026-11-23\nversie: '1.0'\ntijd: 12:30\n", "x.yaml")
    assert src.data == {"datum": "2026-11-23", "versie": "1.0", "tijd": "12:30"}


def test_positions_of_keys_and_values_are_one_based() -> None:
    src = read_source(b"titel: x\nstappen:\n  - id: a\n    label: B\n", "x.yaml")
    assert src.keys[("stappen", 0, "label")].line == 4
    assert src.keys[("stappen", 0, "label")].column == 5
    assert src.values[("stappen", 0, "label")].column == 12


def test_duplicate_key_is_reported_with_both_lines() -> None:
    src = read_source(b"titel: a\nsoort: school\ntitel: b\n", "x.yaml")
    assert [str(p) for p in src.problems] == [
        "x.yaml:3:1: titel: sleutel 'titel' staat twee keer in dezelfde sectie (eerder op regel 1); "
        "verwijder of hernoem één van beide."
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "x.yaml:1:1: het bestand is leeg. Begin met 'routewijzer new NAAM' voor een voorbeeldroute."),
        (b"# alleen commentaar\n", "x.yaml:1:1: het bestand is leeg. Begin met 'routewijzer new NAAM' voor een voorbeeldroute."),
        (b"titel: x\n\tsoort: y\n", "x.yaml:2:1: er staat een tab in het bestand. YAML gebruikt alleen spaties om in te "
                                    "springen; vervang de tab door spaties."),
        (b"titel: caf\xe9\n", "x.yaml:1:11: het bestand is geen UTF-8. Sla het op als UTF-8 (in de meeste editors: "
                              "'Opslaan als' → codering UTF-8)."),
        (b"- a\n- b\n", "x.yaml:1:1: een routebestand moet beginnen met velden als 'titel:', 'soort:' en 'stappen:'."),
        (b"a: 1\n---\nb: 2\n", "x.yaml:3:1: het bestand bevat meer dan één YAML-document ('---'); zet één route per "
                               "bestand."),
    ],
)
def test_unreadable_files_get_one_dutch_message(raw: bytes, expected: str) -> None:
    with pytest.raises(RouteProblems) as caught:
        read_source(raw, "x.yaml")
    assert caught.value.report() == expected


def test_huge_file_is_refused_before_parsing() -> None:
    with pytest.raises(RouteProblems) as caught:
        read_source(b"a: " + b"x" * 1_100_000, "x.yaml")
    assert "het bestand is te groot" in caught.value.report()


def test_utf8_bom_is_accepted() -> None:
    assert read_source("\ufefftitel: café\n".encode("utf-8"), "x.yaml").data == {"titel": "café"}
