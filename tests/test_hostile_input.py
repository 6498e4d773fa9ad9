"""Issue 16, hostile and huge input: every cost bounded before the build, every gap in
validation closed, every message Dutch and located. One test per finding; tests of cost
carry a time bound, so a regression shows up as a failure rather than a hang.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator import flowchart
from generator.dates import dutch_date
from generator.limits import MAX_BYTES, MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_PATHS, MAX_STEPS, MAX_TRANSITIONS
from generator.load import load_route, parse_route
from generator.model import LoadedRoute
from generator.context import SiteContext
from generator.pages.wegwijzer import render_wegwijzer_pages
from generator.problems import Problem, RouteProblems
from support.paths import ROOT
from support.routes import starter_text
from test_validation_messages import THREE_STEPS, edit, pos

FILE = "routes/voorbeeld.yaml"
STARTER = starter_text()


def problems(raw: str | bytes) -> list[Problem]:
    """Every problem of a route text ([] when it is valid)."""
    try:
        parse_route(raw.encode("utf-8") if isinstance(raw, str) else raw, FILE, "voorbeeld")
    except RouteProblems as exc:
        return list(exc.problems)
    return []


def messages(raw: str | bytes) -> list[str]:
    return [p.message for p in problems(raw)]


def loaded(raw: str) -> LoadedRoute:
    return parse_route(raw.encode("utf-8"), FILE, "voorbeeld")


class within:
    """Context manager: the block must finish within `seconds` (measured, then asserted)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> "within":
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        elapsed = time.monotonic() - self.started
        assert elapsed < self.seconds, f"duurde {elapsed:.1f} s (grens {self.seconds} s)"


# ---------------------------------------------------------------------------
# Costs bounded before the build
# ---------------------------------------------------------------------------


def _binary_questions(n: int) -> str:
    """n questions in a row where both answers lead on: 2^n paths through 2n answers."""
    lines = []
    for i in range(n):
        target = "advies: stap-2\n          huidige-stap: stap-1" if i == n - 1 else f"volgende: v{i + 1}"
        lines += [f"    - id: v{i}", "      vraag: Verder?", "      antwoorden:",
                  "        - tekst: Ja", f"          {target}", "        - tekst: Nee", f"          {target}"]
    head = STARTER.split("\nwegwijzer:")[0]
    return head + "\nwegwijzer:\n  start: v0\n  uitgesloten:\n    - stap: stap-1\n      reden: x.\n  vragen:\n" \
        + "\n".join(lines) + "\n"


def test_path_explosion_is_refused_with_its_count_and_position() -> None:
    """14 two-answer questions once took 2½ minutes and a 15 MB page; 20 never ended."""
    for n in (14, 20, 60):
        text = _binary_questions(n)
        with within(5):
            found = [p for p in problems(text) if "verschillende paden" in p.message]
        assert len(found) == 1
        assert found[0].message.startswith(f"de vragen van de wegwijzer geven {2 ** n} verschillende paden; "
                                           f"maximaal {MAX_PATHS}.")
        assert (found[0].line, found[0].column) == pos(text, "v0\n", 0) and found[0].path == "wegwijzer.start"


def test_a_tree_within_the_path_limit_builds_its_paths_page() -> None:
    n = MAX_PATHS.bit_length() - 1  # 2^n <= MAX_PATHS
    route = loaded(_binary_questions(n))
    with within(20):
        pages = render_wegwijzer_pages(route, SiteContext(routes=(route,)))
    paths_page = next(p for p in pages if p.src_uri.endswith("paden.md"))
    assert paths_page.content.count("#pad=") >= 2 ** n


def test_alias_bomb_is_limited_by_expanded_size() -> None:
    """150,000 aliases of one string (470 KB) passed at 671 MB; a 16 KB string crashed."""
    for text_size, aliases in ((30, 150_000), (16_000, 500)):
        raw = (f"a: &a {'x' * text_size}\nb: [" + ", ".join(["*a"] * aliases) + "]\n").encode()
        assert len(raw) <= MAX_BYTES
        with within(10):
            found = problems(raw)
        assert len(found) == 1, found
        assert found[0].message.startswith("het bestand wordt te groot als de verwijzingen met & en * worden "
                                           f"ingevuld (meer dan {MAX_EXPANDED_CHARS:,} tekens".replace(",", "."))
        assert (found[0].line, found[0].column) == (1, 4)  # the multiplied text, where its anchor stands


def test_a_few_aliases_are_still_fine() -> None:
    text = edit(STARTER, "  - Zo werken wij", "  - &intro Zo werken wij") + "\n"
    text = edit(text, "ondersteuningsplan: \"2026-2030\"", "ondersteuningsplan: \"2026-2030\"\n")
    assert messages(text) == []


def _check(path: Path, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "check", str(path)], capture_output=True, text=True,
                          timeout=timeout, cwd=path.parent, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_check_refuses_devices_pipes_and_huge_files_without_reading_them(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    huge = tmp_path / "groot.yaml"
    with huge.open("wb") as out:
        out.truncate(50_000_000)  # sparse: 50 MB that cost nothing to write
    folder = tmp_path / "map.yaml"
    folder.mkdir()
    cases = {fifo: "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp)",
             huge: "het bestand is te groot (50000 kB; maximaal 1000 kB)",
             Path("/dev/zero"): "dit is geen gewoon bestand"}
    for path, expected in cases.items():
        with within(20):
            result = _check(path)  # a blocking open of the pipe would hit the subprocess timeout
        assert result.returncode == 1, result
        assert expected in result.stderr and "Traceback" not in result.stderr, result.stderr
    # Opened and read in-process too: bounded, so even the pipe returns at once.
    with within(2):
        with pytest.raises(RouteProblems, match="geen gewoon bestand"):
            load_route(fifo)
    with pytest.raises(RouteProblems, match="dit is een map, geen routebestand."):
        load_route(folder)


def test_unreadable_file_message_is_dutch(tmp_path: Path) -> None:
    with pytest.raises(RouteProblems) as caught:
        load_route(tmp_path / "weg.yaml")
    assert caught.value.problems[0].message == "het bestand kan niet gelezen worden: bestaat niet."


def _many_steps(n: int, extra: int = 0) -> str:
    """A valid route of n steps in a chain (plus `extra` more transitions back to step 0)."""
    head = STARTER.split("\nregels:")[0]
    lines = ["stappen:"]
    for i in range(n):
        lines += [f"  - id: s{i}", f"    label: Stap {i}", "    titel: Titel", "    niveau: basis", "    samenvatting: x."]
        lines += ["    start: true"] if i == 0 else []
        lines += ["    eind: true"] if i == n - 1 else []
        moves = ([i + 1] if i < n - 1 else []) + ([0] * extra if i == n - 1 else [])
        if moves:
            lines.append("    overgangen:")
            for target in moves:
                lines += [f"      - naar: s{target}", "        soort: terug", "        voorwaarde: x."]
    return head + "\n" + "\n".join(lines) + "\n"


def test_step_and_transition_limits_before_graphviz() -> None:
    """100–300 linked steps made Graphviz run for minutes; check refuses them at once."""
    with within(10):
        too_many = problems(_many_steps(MAX_STEPS + 1))
    assert [p.message for p in too_many if "stappen; maximaal" in p.message] == [
        f"de route heeft {MAX_STEPS + 1} stappen; maximaal {MAX_STEPS}. Zo'n groot stroomschema is niet te tekenen "
        "en niet te lezen; verdeel de route over meer bestanden of voeg stappen samen."]
    arrows = MAX_TRANSITIONS + 1 - 9
    with within(10):
        found = problems(_many_steps(10, extra=arrows))
    assert any(f"de route heeft {MAX_TRANSITIONS + 1} overgangen; maximaal {MAX_TRANSITIONS}." in p.message
               for p in found)
    assert messages(_many_steps(MAX_STEPS)) == [
        m for m in messages(_many_steps(MAX_STEPS)) if "nooit een advies" in m]  # only the wegwijzer remark


def test_flowchart_timeout_message_is_dutch_and_true(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired(cmd="graphviz-pure", timeout=120)

    monkeypatch.setattr(flowchart.subprocess, "run", slow)
    with pytest.raises(flowchart.FlowchartError) as caught:
        flowchart.run_graphviz("digraph { a -> b /* uniek voor deze test */ }")
    text = str(caught.value)
    assert "Graphviz was na 120 seconden nog niet klaar" in text and "start niet" not in text
    assert "timed out" not in text and f"hooguit {MAX_STEPS} stappen" in text


# ---------------------------------------------------------------------------
# Validation gaps
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2026-13-45", "2026-00-05", "2026-02-30", "2025-02-29"])
def test_impossible_dates_are_errors(date: str) -> None:
    text = re.sub(r'^datum: "[0-9-]+"', f'datum: "{date}"', STARTER, count=1, flags=re.M)
    assert problems(text) and [(p.path, p.message) for p in problems(text)] == [(
        "datum", f"'{date}' is geen bestaande datum: de maand moet 01 tot en met 12 zijn en de dag moet in die "
                 "maand bestaan, bijvoorbeeld 2026-08-01.")]
    changelog = re.sub(r'^    datum: "[0-9-]+"', f'    datum: "{date}"', STARTER, count=1, flags=re.M)
    assert [p.path for p in problems(changelog)] == ["wijzigingen[0].datum"]
    assert dutch_date(date) == date  # never '5 december 2026' for month 0


def test_duplicate_block_ids_anywhere_in_the_route() -> None:
    block = "    onderdelen:\n      - id: criteria\n        titel: Criteria\n"
    text = edit(STARTER, "    herkenning:\n", block + "    herkenning:\n")
    text = edit(text, "    eind: true\n", "    eind: true\n" + block)
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [(text.rindex("- id: criteria") and
                                                  text[: text.rindex("- id: criteria")].count("\n") + 1,
                                                  "stappen[1].onderdelen[0].id")]
    first = text[: text.index("- id: criteria")].count("\n") + 1
    assert found[0].message == (f"onderdeel 'criteria' bestaat al (eerder op regel {first}); elke id van een onderdeel "
                                "moet uniek zijn in de hele route, want het is een anker op de afdrukpagina.")


def test_second_start_after_the_guarded_step_is_a_skip() -> None:
    text = edit(THREE_STEPS, "    label: Stap 3\n", "    label: Stap 3\n    start: true\n")
    found = problems(text)
    assert [(p.path, p.message) for p in found] == [(
        "stappen[2].start", "stap 'stap-3' is een startstap, maar komt na stap 'stap-2': wie hier begint, slaat "
        "'stap-2' over, terwijl de route zegt: \"Stap 2 kan nooit overgeslagen worden.\".")]


def test_advice_without_current_step_past_the_guarded_step_is_a_skip() -> None:
    text = edit(THREE_STEPS, "  uitgesloten:\n    - stap: stap-3\n      reden: Daar beslist het ondersteuningsteam.\n", "")
    text = edit(text, "          advies: stap-2\n          huidige-stap: stap-1\n",
                "          advies: stap-2\n          huidige-stap: stap-1\n        - tekst: Het is heel ernstig\n"
                "          advies: stap-3\n")
    assert [p.message for p in problems(text)] == [
        "dit advies ('stap-3' zonder 'huidige-stap' op het pad, dus vanaf de start) slaat stap 'stap-2' over; de route "
        "zegt: \"Stap 2 kan nooit overgeslagen worden.\"."]
    fixed = text.replace("          advies: stap-3\n", "          advies: stap-3\n          huidige-stap: stap-2\n")
    assert messages(fixed) == []


def test_never_skip_follows_the_graph_not_the_file_order() -> None:
    """Moving stap-3 above stap-1 in the file changes nothing: the graph still goes 1 → 2 → 3."""
    step3 = THREE_STEPS[THREE_STEPS.index("\n  - id: stap-3"): THREE_STEPS.index("\nwegwijzer:")]
    moved = THREE_STEPS.replace(step3, "").replace("stappen:\n", "stappen:" + step3 + "\n", 1)
    assert messages(moved) == []
    skip = edit(moved, "        voorwaarde: De interventies hebben onvoldoende effect.\n",
                "        voorwaarde: De interventies hebben onvoldoende effect.\n      - naar: stap-3\n"
                "        voorwaarde: Het is ernstig.\n")
    assert messages(skip) == ["de overgang van 'stap-1' naar 'stap-3' slaat stap 'stap-2' over, maar de route zegt: "
                              "\"Stap 2 kan nooit overgeslagen worden.\"."]


def test_self_loops_need_kind_herhalen() -> None:
    loop = "      - naar: stap-2\n        soort: {}\n        voorwaarde: Nog een ronde.\n"
    base = edit(STARTER, "        voorwaarde: De ondersteuning werkt; de leerkracht gaat verder in de klas.\n",
                "        voorwaarde: De ondersteuning werkt; de leerkracht gaat verder in de klas.\n" + "{}")
    assert messages(base.format(loop.format("herhalen"))) == []
    assert messages(base.format(loop.format("vervolg"))) == [
        "stap 'stap-2' heeft een overgang naar zichzelf; dat kan alleen met 'soort: herhalen' (de stap wordt opnieuw "
        "doorlopen)."]


def test_a_route_needs_an_end_step() -> None:
    text = edit(STARTER, "    eind: true\n", "")
    assert messages(text) == ["geen enkele stap heeft 'eind: true'; geef aan bij welke stap(pen) de route kan eindigen."]


# ---------------------------------------------------------------------------
# Messages: Dutch, located, safe for the terminal
# ---------------------------------------------------------------------------


def test_flow_list_error_is_dutch() -> None:
    text = edit(STARTER, "        wie: [intern-begeleider]", "        wie: [intern-begeleider, x: y: z]")
    found = problems(text)
    assert len(found) == 1 and "expected" not in found[0].message and "but got" not in found[0].message
    assert found[0].message.startswith("een lijst tussen [ en ] is hier niet goed afgesloten.")


def test_unclosed_quote_is_named_at_its_line() -> None:
    text = edit(STARTER, "    titel: De leerkracht signaleert", '    titel: "De leerkracht signaleert')
    found = problems(text)
    assert [(p.line, p.column) for p in found] == [pos(text, '"De leerkracht signaleert')]
    assert found[0].message.startswith("dit aanhalingsteken wordt op deze regel niet afgesloten")


def test_deep_nesting_is_reported_where_it_happens() -> None:
    text = STARTER + "diep: " + "[" * 5000 + "]" * 5000 + "\n"
    with within(20):
        found = problems(text)
    line = text.count("\n", 0, text.index("diep:")) + 1
    assert [(p.line, p.message.split(" (")[0]) for p in found] == [(line, "het bestand is te diep genest")]
    # The top-level section is level 1, so the 50th bracket opens level 51, the first too many.
    assert found[0].column == len("diep: ") + MAX_DEPTH


def test_control_characters_never_reach_the_terminal_raw(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    text = edit(STARTER, "        verantwoordelijkheid: regie", '        verantwoordelijkheid: "re\\e[2Jgie\\u202e"')
    path = tmp_path / "voorbeeld.yaml"
    path.write_text(text, encoding="utf-8")
    from generator.cli import main
    assert main(["check", str(path)]) == 1
    err = capfd.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert "re\\x1b[2Jgie\\u202e" in err


def test_numbers_are_read_as_written() -> None:
    text = edit(STARTER, 'versie: "1.0"                       #', "versie: 1.10  #")
    assert loaded(text).route.version == "1.10"
    label = edit(STARTER, "    label: Stap 1\n", "    label: 1\n")
    assert loaded(label).route.steps[0].label == "1"


def test_multi_line_names_become_one_line() -> None:
    text = edit(STARTER, "titel: Ondersteuningsroute De Regenboog", "titel: |\n  Route\n  # Kop\n  <b>x</b>")
    text = edit(text, "    naam: Intern begeleider (IB)\n    afkorting: IB",
                "    naam: \"Intern\\nbegeleider\"\n    afkorting: \"I\\nB\"")
    route = loaded(text).route
    assert route.title == "Route # Kop <b>x</b>"
    assert route.roles[1].name == "Intern begeleider" and route.roles[1].abbreviation == "I B"


def test_emoji_in_organisation_name_keeps_the_embed_front_matter_valid() -> None:
    text = edit(STARTER, "  naam: De Regenboog", '  naam: "De Regenboog 🌈 \\"x\\": y"')
    route = loaded(text)
    embed = next(p for p in render_wegwijzer_pages(route, SiteContext(routes=(route,))) if "embed" in p.src_uri)
    front = yaml.safe_load(embed.content.split("---\n")[1])
    assert front["title"] == 'Wegwijzer De Regenboog 🌈 "x": y'
    front["title"].encode("utf-8")  # no lone surrogates


def test_multi_line_names_keep_headings_whole_on_every_page() -> None:
    """A line break in a step title, term or role name once ended a Markdown heading early."""
    from generator.pages import render_site

    text = edit(STARTER, "    titel: De leerkracht signaleert", "    titel: |\n      De leerkracht\n      # signaleert")
    text = edit(text, "    naam: Leerkracht\n", "    naam: \"Leer\\nkracht\"\n")
    text = text.replace("\nstappen:", "\nbegrippen:\n  - term: \"Groeps\\r\\nplan\"\n    afkorting: \"G\\nP\"\n"
                        "    uitleg: Het plan van de groep.\n\nstappen:", 1)
    route = loaded(text)
    pages = render_site(SiteContext(routes=(route,)))
    body = "\n".join(p.content for p in pages)
    assert "De leerkracht \\# signaleert" in body or "De leerkracht # signaleert" in body
    for page in pages:
        for line in page.content.splitlines():
            assert not line.startswith("# signaleert") and line.strip() not in ("kracht", "plan", "P"), (page.src_uri, line)
    assert route.route.terms[0].term == "Groeps plan" and route.route.terms[0].abbreviation == "G P"
