"""Every validation rule, with a failing example, its exact Dutch message and its position.

Route authors fix a file by reading these messages, so each one is pinned down here: the
words, the line and the column. Examples are small edits of the starter route (the file
`routewijzer new` writes), so each test breaks exactly one thing; positions are computed
from the edited text (the line and column where the offending text stands).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main as cli_main
from generator.load import parse_route
from generator.model import Step
from generator.problems import RouteProblems
from generator.yamlsource import MAX_BYTES
from support.routes import real_route_files, starter_text

FILE = "routes/voorbeeld.yaml"

STARTER = starter_text()
_STEP_3 = """
  - id: stap-3
    label: Stap 3
    titel: Het ondersteuningsteam
    niveau: extra
    eind: true
    samenvatting: Het ondersteuningsteam denkt mee.
"""
_BACK_TO_1 = "        voorwaarde: De ondersteuning werkt; de leerkracht gaat verder in de klas.\n"
THREE_STEPS = (STARTER.replace("\nwegwijzer:", _STEP_3 + "\nwegwijzer:")
               .replace(_BACK_TO_1, _BACK_TO_1 + "      - naar: stap-3\n        soort: opschalen\n"
                                                 "        voorwaarde: Er is meer nodig.\n")
               + "  uitgesloten:\n    - stap: stap-3\n      reden: Daar beslist het ondersteuningsteam.\n")
"""The starter plus a third step (stap-2 → stap-3), so skipping stap-2 becomes possible."""


def edit(text: str, old: str, new: str) -> str:
    """Replace text that occurs exactly once, so an example never edits the wrong place."""
    assert text.count(old) == 1, f"{old!r} staat {text.count(old)} keer in het voorbeeld"
    return text.replace(old, new)


def pos(text: str, needle: str, shift: int = 0) -> tuple[int, int]:
    """1-based line and column of the first occurrence of `needle`, plus `shift` columns."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column + shift


def problems_of(raw: str | bytes) -> list[tuple[int, int, str]]:
    """(line, column, message) of every problem, or [] when the route is valid."""
    try:
        parse_route(raw.encode("utf-8") if isinstance(raw, str) else raw, FILE, "voorbeeld")
    except RouteProblems as exc:
        assert all(p.file == FILE for p in exc.problems)
        return [(p.line, p.column, p.message) for p in exc.problems]
    return []


def test_examples_start_valid() -> None:
    assert problems_of(STARTER) == []
    assert problems_of(THREE_STEPS) == []


# ---------------------------------------------------------------------------
# Structure: keys, types, values
# ---------------------------------------------------------------------------


def test_unknown_key_suggests_the_intended_one() -> None:
    text = edit(STARTER, "    samenvatting: De leerkracht ziet", "    samenvating: De leerkracht ziet")
    allowed = ", ".join(f.alias for f in Step.model_fields.values())
    assert problems_of(text) == sorted([
        (*pos(text, "samenvating:"), f"onbekend veld 'samenvating'. Bedoelde je 'samenvatting'? Toegestaan hier: {allowed}."),
        (*pos(text, "id: stap-1"), "verplicht veld 'samenvatting' ontbreekt. Voeg 'samenvatting:' toe."),
    ])


def test_missing_field() -> None:
    text = edit(STARTER, "    label: Stap 1\n", "")
    assert problems_of(text) == [(*pos(text, "id: stap-1"), "verplicht veld 'label' ontbreekt. Voeg 'label:' toe.")]


# `needle` locates the problem in the edited text; '|' marks its exact column.
@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("titel: Ondersteuningsroute De Regenboog", "titel: [De, Regenboog]", "[De",
     "verwacht één tekst, maar hier staat een lijst of sectie."),
    ("    label: Stap 1\n", "    label: [1, 2]\n", "label: |[1",
     "verwacht één tekst, maar hier staat een lijst of sectie."),
    ("    label: Stap 1\n", "    label: true\n", "label: |true",
     'verwacht tekst, maar dit is een ja/nee-waarde. Zet de tekst tussen aanhalingstekens, bijvoorbeeld "true".'),
    ("inleiding:\n  - Zo werken", "inleiding: Zo werken", "Zo werken",
     "verwacht een lijst (regels die beginnen met '- ')."),
    ("organisatie:\n  naam: De Regenboog\n  samenwerkingsverband: Naam van het samenwerkingsverband\n",
     "organisatie: De Regenboog\n", "organisatie: |De",
     "verwacht een sectie met velden ('sleutel: waarde'), geen losse tekst of lijst."),
    ("    start: true\n", "    start: 1\n", "start: |1", "verwacht true of false, niet '1'."),
    ("    start: true\n", '    start: "true"\n', 'start: |"true"', "verwacht true of false, niet 'true'."),
])
def test_wrong_type(old: str, new: str, needle: str, message: str) -> None:
    text = edit(STARTER, old, new)
    before, _, after = needle.rpartition("|")
    assert problems_of(text) == [(*pos(text, before + after, shift=len(before)), message)]


def test_invalid_enum_value_suggests_the_nearest() -> None:
    text = edit(STARTER, "        soort: opschalen", "        soort: opschalenn")
    assert problems_of(text) == [(*pos(text, "opschalenn"), "'opschalenn' is geen geldige waarde. Bedoelde je "
                                  "'opschalen'? Kies uit: opschalen, afschalen, vervolg, terug, herhalen, keuze.")]


def test_bad_id_pattern() -> None:
    text = edit(STARTER, "  - id: stap-2-niet-overslaan", "  - id: Stap 2 niet overslaan")
    assert problems_of(text) == [(*pos(text, "Stap 2 niet"), "'Stap 2 niet overslaan' is geen geldige id. Gebruik "
                                  "kleine letters, cijfers en streepjes, bijvoorbeeld 'stap-3' of 'intern-begeleider'.")]


def test_bad_date() -> None:
    text = edit(STARTER, 'datum: "2026-08-01"              #', 'datum: "1 augustus 2026"              #')
    assert problems_of(text) == [(*pos(text, '"1 augustus'),
                                  "'1 augustus 2026' is geen datum in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-08-01.")]


def test_empty_text_field() -> None:
    text = edit(STARTER, "    titel: De leerkracht signaleert", '    titel: "  "')
    assert problems_of(text) == [(*pos(text, '"  "'), "deze tekst is leeg; vul hem in of laat het veld weg.")]


# ---------------------------------------------------------------------------
# The file itself
# ---------------------------------------------------------------------------


def test_duplicate_key() -> None:
    text = edit(STARTER, "    label: Stap 1\n", "    label: Stap 1\n    label: Stap één\n")
    first, _ = pos(text, "label: Stap 1")
    assert problems_of(text) == [(*pos(text, "label: Stap één"), f"sleutel 'label' staat twee keer in dezelfde sectie "
                                  f"(eerder op regel {first}); verwijder of hernoem één van beide.")]


def test_tab() -> None:
    text = edit(STARTER, "    label: Stap 2\n", "\tlabel: Stap 2\n")
    assert problems_of(text) == [(*pos(text, "\tlabel"), "er staat een tab in het bestand. YAML gebruikt alleen "
                                  "spaties om in te springen; vervang de tab door spaties.")]


def test_not_utf8() -> None:
    raw = STARTER.encode("utf-8").replace("Coördineert".encode("utf-8"), "Coördineert".encode("latin-1"))
    line, column = pos(STARTER, "Coördineert", shift=2)
    assert problems_of(raw) == [(line, column, "het bestand is geen UTF-8. Sla het op als UTF-8 (in de meeste editors: "
                                 "'Opslaan als' → codering UTF-8).")]


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"# alleen commentaar\n"])
def test_empty_file(raw: bytes) -> None:
    assert problems_of(raw) == [(1, 1, "het bestand is leeg. Begin met 'routewijzer new NAAM' voor een voorbeeldroute.")]


def test_huge_file() -> None:
    raw = STARTER.encode("utf-8") + b"# " + b"x" * MAX_BYTES + b"\n"
    assert problems_of(raw) == [(1, 1, f"het bestand is te groot ({len(raw) // 1000} kB; maximaal {MAX_BYTES // 1000} kB). "
                                 "Een route is meestal kleiner dan 100 kB; controleer of dit het goede bestand is.")]


def test_multiple_documents() -> None:
    text = STARTER + "---\ntitel: Tweede route\n"
    assert problems_of(text) == [(*pos(text, "titel: Tweede"), "het bestand bevat meer dan één YAML-document ('---'); "
                                  "zet één route per bestand.")]


def test_control_character_from_a_pdf() -> None:
    text = edit(STARTER, "Leerkracht en IB bespreken", "Leerkracht en\x0bIB bespreken")
    assert problems_of(text) == [(*pos(text, "\x0b"), "hier staat een onzichtbaar stuurteken (U+000B) dat niet in een "
                                  "routebestand mag; verwijder het (het komt vaak mee bij kopiëren uit Word of PDF).")]


# ---------------------------------------------------------------------------
# References between parts of the route
# ---------------------------------------------------------------------------


def test_unknown_transition_target() -> None:
    text = edit(STARTER, "      - naar: stap-2", "      - naar: stap-9")
    assert problems_of(text) == [
        (*pos(text, "stap-9"), "stap 'stap-1' verwijst naar onbekende stap 'stap-9'. Bedoelde je 'stap-2'? "
                               "(bekende stappen: stap-1, stap-2)"),
        # With its only way in gone, stap-2 is now also unreachable: both are true and both are shown.
        (*pos(text, "id: stap-2\n", shift=4), "stap 'stap-2' is niet bereikbaar vanaf de start; voeg een overgang naar "
                                               "deze stap toe of maak hem een startstap."),
    ]


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("      - rol: intern-begeleider", "      - rol: intern-begeleidr", "intern-begeleidr",
     "stap 'stap-2' noemt onbekende rol 'intern-begeleidr'. Bedoelde je 'intern-begeleider'? "
     "(bekende rollen: intern-begeleider, leerkracht)"),
    ("      - document: opp", "      - document: groeidocument", "groeidocument",
     "stap 'stap-2' noemt onbekend document 'groeidocument'. (bekende documenten: opp)"),
    ("wie: [intern-begeleider]", "wie: [ib]", "ib]",
     "onbekende rol 'ib' bij document 'opp'. (bekende rollen: intern-begeleider, leerkracht)"),
    ("    niveau: extra", "    niveau: extraa", "extraa",
     "stap 'stap-2' hoort bij onbekend niveau 'extraa'. Bedoelde je 'extra'? (bekende niveaus: basis, extra)"),
    ("    stap: stap-2\n", "    stap: stap-7\n", "stap-7",
     "regel 'stap-2-niet-overslaan' noemt onbekende stap 'stap-7'. Bedoelde je 'stap-2'? (bekende stappen: stap-1, stap-2)"),
])
def test_unknown_reference(old: str, new: str, needle: str, message: str) -> None:
    text = edit(STARTER, old, new)
    assert problems_of(text) == [(*pos(text, needle), message)]


def test_duplicate_ids() -> None:
    text = edit(STARTER, "  - id: intern-begeleider", "  - id: leerkracht")
    found = problems_of(text)
    assert (*pos(text, "id: leerkracht\n    naam: Intern", shift=4),
            "rol 'leerkracht' bestaat al (eerder als nummer 1); elke id moet uniek zijn.") in found


def test_role_twice_in_a_step() -> None:
    text = edit(STARTER, "      - rol: intern-begeleider", "      - rol: leerkracht")
    line, column = pos(text, "rol: leerkracht\n        verantwoordelijkheid: regie", shift=5)
    assert problems_of(text) == [(line, column, "rol 'leerkracht' staat twee keer bij stap 'stap-2'; voeg de taken samen.")]


def test_never_skip_rule_without_step() -> None:
    text = edit(STARTER, "    stap: stap-2\n", "")
    assert problems_of(text) == [(*pos(text, "id: stap-2-niet"),
                                  "regel 'stap-2-niet-overslaan' is 'nooit-overslaan' maar noemt geen 'stap'.")]


# ---------------------------------------------------------------------------
# The step graph
# ---------------------------------------------------------------------------


def test_unreachable_step() -> None:
    text = edit(THREE_STEPS, "      - naar: stap-3\n        soort: opschalen\n        voorwaarde: Er is meer nodig.\n", "")
    assert problems_of(text) == [(*pos(text, "id: stap-3", shift=4), "stap 'stap-3' is niet bereikbaar vanaf de start; "
                                  "voeg een overgang naar deze stap toe of maak hem een startstap.")]


def test_dead_end() -> None:
    text = edit(THREE_STEPS, "    eind: true\n    samenvatting: Het ondersteuningsteam", "    samenvatting: Het ondersteuningsteam")
    assert problems_of(text) == [(*pos(text, "id: stap-3", shift=4), "stap 'stap-3' heeft geen 'overgangen' en is geen "
                                  "eindstap; voeg een overgang toe of zet 'eind: true'.")]


def test_no_start_step() -> None:
    text = edit(STARTER, "    start: true\n", "")
    found = problems_of(text)
    assert [m for _, _, m in found] == ["geen enkele stap heeft 'start: true'; geef aan waar de route begint."]
    assert found[0][:2] == pos(text, "  - id: stap-1", shift=2)


def test_transition_that_skips_a_never_skip_step() -> None:
    text = edit(THREE_STEPS, "      - naar: stap-2\n", "      - naar: stap-3\n")
    found = problems_of(text)
    assert (*pos(text, "naar: stap-3", shift=6), "de overgang van 'stap-1' naar 'stap-3' slaat stap 'stap-2' over, maar "
            "de route zegt: \"Stap 2 kan nooit overgeslagen worden.\".") in found


# ---------------------------------------------------------------------------
# The wegwijzer (question tree)
# ---------------------------------------------------------------------------

_ANSWER_2 = "        - tekst: Ja, maar het helpt onvoldoende\n          advies: stap-2\n"


def test_answer_with_both_next_and_advice() -> None:
    text = edit(STARTER, _ANSWER_2, _ANSWER_2 + "          volgende: vraag-1\n")
    found = problems_of(text)
    assert (*pos(text, "tekst: Ja, maar"), "antwoord 'Ja, maar het helpt onvoldoende' moet óf 'volgende' (een vraag) "
            "óf 'advies' (een stap) hebben.") in found


def test_answer_with_neither_next_nor_advice() -> None:
    text = edit(STARTER, "          advies: stap-1\n", "")
    assert problems_of(text) == sorted([
        (*pos(text, "tekst: Nee, nog"), "antwoord 'Nee, nog niet' moet óf 'volgende' (een vraag) óf 'advies' (een stap) "
                                        "hebben."),
        (*pos(text, "start: vraag-1"), "stap 'stap-1' is nooit een advies van de wegwijzer; voeg een pad toe of zet hem "
                                       "bij 'uitgesloten' met een reden."),
    ])


def test_unknown_question() -> None:
    text = edit(STARTER, "          advies: stap-1\n", "          volgende: vraag-9\n")
    found = problems_of(text)
    assert (*pos(text, "vraag-9"), "antwoord 'Nee, nog niet' gaat naar onbekende vraag 'vraag-9'. Bedoelde je "
            "'vraag-1'? (bekende vragen: vraag-1)") in found


def test_unknown_start_question() -> None:
    text = edit(STARTER, "  start: vraag-1", "  start: vraag-0")
    found = problems_of(text)
    assert (*pos(text, "vraag-0"), "de wegwijzer begint bij onbekende vraag 'vraag-0'. Bedoelde je 'vraag-1'? "
            "(bekende vragen: vraag-1)") in found


_SECOND_QUESTION = """    - id: vraag-2
      vraag: Is er al een plan?
      antwoorden:
        - tekst: Ja
          advies: stap-2
        - tekst: Nee
          volgende: vraag-1
"""


def test_question_loop() -> None:
    text = edit(STARTER, "          advies: stap-1\n", "          volgende: vraag-2\n") + _SECOND_QUESTION
    text = text.replace("  start: vraag-1\n  vragen:\n", "  start: vraag-1\n  vragen:\n")
    found = problems_of(text)
    assert (*pos(text, "id: vraag-1", shift=4), "de vragen lopen in een kring (vraag-1 → vraag-2 → vraag-1); elk pad "
            "moet eindigen in een advies.") in found


def test_unreachable_question() -> None:
    text = STARTER + _SECOND_QUESTION.replace("volgende: vraag-1", "advies: stap-1")
    assert problems_of(text) == [(*pos(text, "id: vraag-2", shift=4),
                                  "vraag 'vraag-2' is vanaf de start van de wegwijzer niet te bereiken.")]


def test_step_never_an_outcome_nor_excluded() -> None:
    text = edit(THREE_STEPS, "  uitgesloten:\n    - stap: stap-3\n      reden: Daar beslist het ondersteuningsteam.\n", "")
    assert problems_of(text) == [(*pos(text, "start: vraag-1"), "stap 'stap-3' is nooit een advies van de wegwijzer; "
                                  "voeg een pad toe of zet hem bij 'uitgesloten' met een reden.")]


def test_excluded_step_that_is_also_advice() -> None:
    text = edit(THREE_STEPS, "    - stap: stap-3\n", "    - stap: stap-2\n")
    found = problems_of(text)
    assert (*pos(text, "stap: stap-2\n      reden", shift=6), "stap 'stap-2' staat bij 'uitgesloten' maar is ook een "
            "advies; kies één van beide.") in found


def test_advice_that_skips_a_never_skip_step() -> None:
    text = edit(THREE_STEPS, "          advies: stap-2\n          huidige-stap: stap-1\n",
                "          advies: stap-3\n          huidige-stap: stap-1\n")
    text = edit(text, "    - stap: stap-3\n      reden: Daar beslist het ondersteuningsteam.\n",
                "    - stap: stap-2\n      reden: Alleen via het gesprek.\n")
    found = problems_of(text)
    assert (*pos(text, "advies: stap-3", shift=8), "dit advies ('stap-3' vanuit 'stap-1') slaat stap 'stap-2' over; de "
            "route zegt: \"Stap 2 kan nooit overgeslagen worden.\".") in found


# ---------------------------------------------------------------------------
# YAML 1.1 words: ja, nee, on, off
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["ja", "nee", "on", "off", "yes", "no"])
def test_yes_no_words_stay_text_where_text_is_expected(word: str) -> None:
    text = edit(STARTER, "        - tekst: Nee, nog niet", f"        - tekst: {word}")
    assert problems_of(text) == []
    loaded = parse_route(text.encode("utf-8"), FILE, "voorbeeld")
    assert loaded.route.wegwijzer is not None
    assert loaded.route.wegwijzer.questions[0].answers[0].text == word


@pytest.mark.parametrize("word", ["ja", "nee", "on", "off", "yes"])
def test_yes_no_words_are_refused_where_true_or_false_is_expected(word: str) -> None:
    text = edit(STARTER, "    eind: true\n", f"    eind: {word}\n")
    assert problems_of(text) == [(*pos(text, f"eind: {word}", shift=6), f"verwacht true of false, niet '{word}'.")]


# ---------------------------------------------------------------------------
# All problems at once
# ---------------------------------------------------------------------------


def test_structure_and_reference_errors_are_reported_together() -> None:
    """A typo in a key no longer hides a broken reference elsewhere in the same file."""
    text = edit(STARTER, "    samenvatting: De leerkracht ziet", "    samenvating: De leerkracht ziet")
    text = edit(text, "      - naar: stap-1", "      - naar: stap-0")
    text = edit(text, "      - rol: intern-begeleider", "      - rol: ib")
    messages = [m for _, _, m in problems_of(text)]
    assert any(m.startswith("onbekend veld 'samenvating'.") for m in messages)
    assert "verplicht veld 'samenvatting' ontbreekt. Voeg 'samenvatting:' toe." in messages
    assert any(m.startswith("stap 'stap-2' verwijst naar onbekende stap 'stap-0'.") for m in messages)
    assert any(m.startswith("stap 'stap-2' noemt onbekende rol 'ib'.") for m in messages)


def test_check_command_prints_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(STARTER, "    label: Stap 1\n", "")
    text = edit(text, "      - naar: stap-1", "      - naar: stap-0")
    text = edit(text, "    eind: true\n", "    eind: ja\n")
    route = tmp_path / "voorbeeld.yaml"
    route.write_text(text, encoding="utf-8")
    assert cli_main(["check", str(route)]) == 1
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if "voorbeeld.yaml:" in ln]
    assert len(lines) == 3, err
    assert "Traceback" not in err
    assert "3 fout(en) in 1 van 1 route(s)." in err


# ---------------------------------------------------------------------------
# Broken copies of the real routes
# ---------------------------------------------------------------------------

REAL = real_route_files()


def _first_line(text: str, pattern: str) -> tuple[int, re.Match[str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        match = re.match(pattern, line)
        if match:
            return number, match
    pytest.fail(f"geen regel past bij {pattern!r}")


def _replace_line(text: str, number: int, new: str) -> str:
    lines = text.split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


def _real_problems(text: str, path: Path) -> list[tuple[int, int, str]]:
    try:
        parse_route(text.encode("utf-8"), str(path), path.stem)
    except RouteProblems as exc:
        assert "Traceback" not in exc.report()
        return [(p.line, p.column, p.message) for p in exc.problems]
    return []


@pytest.fixture(params=REAL or [None], ids=[p.stem for p in REAL] or ["geen-routes"])
def real_route(request: pytest.FixtureRequest) -> tuple[Path, str]:
    if request.param is None:
        pytest.skip("nog geen echte routes in routes/")
    path: Path = request.param
    text = path.read_text(encoding="utf-8")
    assert _real_problems(text, path) == [], "de echte route zelf is al ongeldig"
    return path, text


def test_real_route_with_a_wrong_reference(real_route: tuple[Path, str]) -> None:
    path, text = real_route
    number, match = _first_line(text, r"^(\s*(?:- )?naar: )(\S.*)$")
    broken = _replace_line(text, number, match.group(1) + "bestaat-niet")
    found = [p for p in _real_problems(broken, path) if "'bestaat-niet'" in p[2]]
    assert len(found) == 1, found
    line, column, message = found[0]
    assert (line, column) == (number, len(match.group(1)) + 1)
    assert re.fullmatch(r"stap '[a-z0-9-]+' verwijst naar onbekende stap 'bestaat-niet'\.( Bedoelde je '[a-z0-9-]+'\?)? "
                        r"\(bekende stappen: .+\)", message)


def test_real_route_with_a_typo_in_a_key(real_route: tuple[Path, str]) -> None:
    path, text = real_route
    number, match = _first_line(text, r"^(\s*(?:- )?)samenvatting:(.*)$")
    broken = _replace_line(text, number, match.group(1) + "samenvating:" + match.group(2))
    found = _real_problems(broken, path)
    typo = [p for p in found if p[2].startswith("onbekend veld")]
    assert len(typo) == 1 and typo[0][:2] == (number, len(match.group(1)) + 1)
    assert typo[0][2].startswith("onbekend veld 'samenvating'. Bedoelde je 'samenvatting'? Toegestaan hier: ")
    assert [m for _, _, m in found if m.startswith("verplicht")] == [
        "verplicht veld 'samenvatting' ontbreekt. Voeg 'samenvatting:' toe."]


def test_real_route_with_a_duplicate_key(real_route: tuple[Path, str]) -> None:
    path, text = real_route
    number, match = _first_line(text, r"^(\s*)(?:- )?(label: .+)$")
    indent = " " * (len(match.group(0)) - len(match.group(2)))
    lines = text.split("\n")
    lines.insert(number, indent + match.group(2))
    found = _real_problems("\n".join(lines), path)
    assert found == [(number + 1, len(indent) + 1, f"sleutel 'label' staat twee keer in dezelfde sectie (eerder op "
                                                   f"regel {number}); verwijder of hernoem één van beide.")]


def test_real_route_with_a_tab(real_route: tuple[Path, str]) -> None:
    path, text = real_route
    number, match = _first_line(text, r"^(    )(titel: .+)$")
    broken = _replace_line(text, number, "\t" + match.group(2))
    assert _real_problems(broken, path) == [(number, 1, "er staat een tab in het bestand. YAML gebruikt alleen spaties "
                                             "om in te springen; vervang de tab door spaties.")]
