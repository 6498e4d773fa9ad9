"""Property-based fuzzing of route loading: whatever an author saves, the answer is Dutch.

Route files are edited by hand by school staff, in any editor, so the loader meets every
kind of broken file. The promise is simple and testable: `parse_route` returns a route or
raises `RouteProblems` whose problems all have a file, a line and column ≥ 1 and a Dutch
message — never another exception, and `routewijzer check` never prints a traceback.

Profiles: `ci` (default) runs a few thousand examples in well under a minute;
`HYPOTHESIS_PROFILE=lokaal` (or `local`) runs many more.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import tempfile
import time
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from generator.cli import main as cli_main
from generator.load import parse_route
from generator.limits import MAX_PATHS
from generator.model import LoadedRoute, Route, Wegwijzer
from generator.problems import RouteProblems
from generator.wegwijzer.paths import count_paths, enumerate_paths
from generator.yamlsource import read_source
from support.routes import real_route_files, starter_text

_COMMON = dict(deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.filter_too_much, HealthCheck.large_base_example])
settings.register_profile("ci", max_examples=400, **_COMMON)
settings.register_profile("lokaal", max_examples=10_000, **_COMMON)
settings.register_profile("local", max_examples=10_000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FILE = "routes/fuzz.yaml"


def examples(share: float) -> int:
    """This test's number of examples as a share of the profile's (the cheap tests run more)."""
    return max(20, int(settings.default.max_examples * share))

# ---------------------------------------------------------------------------
# What counts as a good answer
# ---------------------------------------------------------------------------

_ENGLISH = ("Input should", "Field required", "Extra inputs", "String should", "validation error",
            "Traceback", "object has no attribute", "NoneType",
            # PyYAML's and the OS's English (issue 16): never passed through to an author.
            "expected", "but found", "but got", "while scanning", "while parsing", "No such file", "could not")
_DUTCH = {"het", "de", "een", "is", "niet", "geen", "moet", "verwacht", "bestand", "veld", "stap",
          "sleutel", "hier", "deze", "dit", "te", "van", "naar", "onbekend", "onbekende", "bestaat",
          "staat", "mag", "heeft", "lijst", "tekst", "vraag", "antwoord", "regel", "waarde"}
_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def is_dutch(message: str) -> bool:
    """A message a Dutch author can read: Dutch words, none of pydantic's English phrases."""
    words = set(re.findall(r"[a-zà-ÿ]+", message.lower()))
    return bool(words & _DUTCH) and not any(phrase in message for phrase in _ENGLISH)


def assert_loads_or_explains(raw: bytes, file: str = FILE) -> LoadedRoute | RouteProblems:
    """The property: a LoadedRoute, or RouteProblems with usable, Dutch, positioned problems."""
    try:
        result = parse_route(raw, file, "fuzz")
    except RouteProblems as exc:
        assert exc.problems, "RouteProblems zonder problemen"
        try:
            lines = len(_BREAKS.split(raw.decode("utf-8"))) + 1
        except UnicodeDecodeError:
            lines = raw.count(b"\n") + 2
        for problem in exc.problems:
            assert problem.file == file, problem
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.line <= lines, f"regel {problem.line} bestaat niet (bestand heeft {lines}): {problem}"
            assert is_dutch(problem.message), f"geen Nederlandse melding: {problem}"
        return exc
    assert isinstance(result, LoadedRoute)
    return result


# ---------------------------------------------------------------------------
# Ingredients: the model's own keys and values, and the valid routes we start from
# ---------------------------------------------------------------------------


def _model_vocabulary() -> tuple[list[str], list[str]]:
    """Every Dutch key and every enum value the model knows (walked, so it never goes stale)."""
    keys: set[str] = set()
    values: set[str] = set()
    todo: list[Any] = [Route]
    seen: set[Any] = set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for info in model.model_fields.values():
            if info.alias:
                keys.add(info.alias)
            stack = [info.annotation]
            while stack:
                t = stack.pop()
                stack.extend(typing.get_args(t))
                if isinstance(t, type) and issubclass(t, BaseModel):
                    todo.append(t)
                elif isinstance(t, type) and issubclass(t, Enum):
                    values.update(str(m.value) for m in t)
    return sorted(keys), sorted(values)


KEYS, ENUM_VALUES = _model_vocabulary()
BASE_TEXTS: list[str] = [starter_text()] + [p.read_text(encoding="utf-8") for p in real_route_files()]
BASE_DATA: list[dict[str, Any]] = [read_source(t.encode("utf-8"), "base.yaml").data for t in BASE_TEXTS]
BOOLISH = ["ja", "nee", "on", "off", "yes", "no", "y", "n", "true", "false", "True", "NEE", "~", "null"]
HOSTILE = ["<script>window.__pwned=1</script>", "{{ 7*7 }}", "${x}", "{% raw %}", "[a](javascript:x)",
           "ÿ\u2028x", "\u202e", "é" * 3, "0x1F", "1e400", "12:30:00", "2026-13-45", "-", "*a", "&a", "!!str"]

TOKENS = ([k + ": " for k in KEYS] + KEYS + ENUM_VALUES + BOOLISH + HOSTILE +
          ["\n", "\n  ", "\n    ", "  ", "- ", "-", "\t", "[", "]", "{", "}", ", ", ": ", ":", "&a ", "*a",
           "'", '"', "| ", "> ", "# ", "---\n", "...\n", "!!str ", "!!python/object:os.system ", "!!binary ",
           "%YAML 1.2\n", "? ", "<<: ", "stap-1", "stap-2", "vraag-1", "bestaat-niet", "1" * 5000, "1.5",
           "\ufeff", "\x85", "\u2028", "\r\n", "\r", "\x01", "\x7f", "\ud7ff"])

yamlish_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=80).map("".join)


@st.composite
def nested(draw: st.DrawFn) -> Any:
    """A deeply nested list or mapping, deeper than any route needs."""
    depth = draw(st.integers(min_value=40, max_value=120))
    value: Any = "x"
    for i in range(depth):
        value = [value] if i % 2 else {"punten": value}
    return value


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(_paths(child, path + (key,)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.extend(_paths(child, path + (index,)))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


replacement = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.just(""), st.just([]), st.just({}),
    st.sampled_from(BOOLISH + HOSTILE + ENUM_VALUES + ["bestaat-niet", "Stap 1", "stap_1", "2026-02-30"]),
    st.text(max_size=30), st.just("x" * 30_000), nested(),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.sampled_from(KEYS), st.text(max_size=5), max_size=3),
)


@st.composite
def mutated_data(draw: st.DrawFn) -> bytes:
    """A valid route with a few structural edits, written back out as YAML."""
    data = copy.deepcopy(BASE_DATA[draw(st.integers(0, len(BASE_DATA) - 1))])
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = paths[draw(st.integers(0, len(paths) - 1))]  # (sampled_from re-validates big lists: slow)
        parent = _parent(data, path)
        key = path[-1]
        op = draw(st.sampled_from(["delete", "rename", "replace", "replace", "duplicate", "reference"]))
        if op == "delete":
            del parent[key]
        elif op == "rename" and isinstance(parent, dict):
            new_key = draw(st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=12),
                                     st.just(str(key)[:-1] or "x"), st.just(str(key) + "n")))
            parent[new_key] = parent.pop(key)
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif op == "reference" and isinstance(parent[key], str):
            parent[key] = draw(st.sampled_from(["bestaat-niet", "stap-1", "vraag-1", "basis", "leerkracht"]))
        else:
            parent[key] = draw(replacement)
    try:
        return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000).encode("utf-8")
    except (yaml.YAMLError, RecursionError, UnicodeEncodeError):
        return b"titel: x\n"


@st.composite
def mutated_text(draw: st.DrawFn) -> bytes:
    """A valid route with a few edits to its text: what happens in a hurried editor session."""
    lines = draw(st.sampled_from(BASE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        line = lines[i]
        op = draw(st.sampled_from(["tab", "tab-inside", "dup", "delete", "boolish", "indent", "dedent",
                                   "document", "colon", "token", "swap", "huge"]))
        if op == "tab":
            lines[i] = "\t" + line
        elif op == "tab-inside":
            cut = draw(st.integers(min_value=0, max_value=len(line)))
            lines[i] = line[:cut] + "\t" + line[cut:]
        elif op == "dup":
            lines.insert(i, line)
        elif op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "boolish" and ":" in line:
            lines[i] = line.split(":", 1)[0] + ": " + draw(st.sampled_from(BOOLISH))
        elif op == "indent":
            lines[i] = " " * draw(st.integers(min_value=1, max_value=3)) + line
        elif op == "dedent":
            lines[i] = line.lstrip()
        elif op == "document":
            lines.insert(i, "---")
        elif op == "colon":
            lines[i] = line + ": x: y"
        elif op == "token":
            cut = draw(st.integers(min_value=0, max_value=len(line)))
            lines[i] = line[:cut] + draw(st.sampled_from(TOKENS)) + line[cut:]
        elif op == "swap":
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "huge" and ":" in line:
            lines[i] = line.split(":", 1)[0] + ": " + "lang " * 6_000
    raw = "\n".join(lines).encode("utf-8")
    if draw(st.booleans()):
        cut = draw(st.integers(min_value=0, max_value=len(raw)))
        raw = raw[:cut] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\x00", b"\xfe\xff", b"\x80abc", b""])) + raw[cut:]
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        raw = raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
    return raw


# ---------------------------------------------------------------------------
# The properties
# ---------------------------------------------------------------------------


def test_base_routes_are_valid() -> None:
    """The fuzzers start from valid routes; otherwise every mutation would be 'broken' already."""
    for text in BASE_TEXTS:
        assert isinstance(assert_loads_or_explains(text.encode("utf-8")), LoadedRoute)


@settings(max_examples=examples(1.25))
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    assert_loads_or_explains(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=examples(1.25))
@given(yamlish_text)
def test_yamlish_text(text: str) -> None:
    assert_loads_or_explains(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=examples(1.25))
@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    assert_loads_or_explains(raw)


@settings(max_examples=examples(0.75))
@given(mutated_data())
def test_mutated_route_data(raw: bytes) -> None:
    assert_loads_or_explains(raw)


@settings(max_examples=examples(0.75))
@given(mutated_text())
def test_mutated_route_text(raw: bytes) -> None:
    assert_loads_or_explains(raw)


def run_check(raw: bytes) -> tuple[int, str, str]:
    """`routewijzer check FILE` in-process on these bytes: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(raw)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(["check", str(path)])
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=examples(0.25))
@given(st.one_of(mutated_text(), mutated_data(), yamlish_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_cli_check_never_shows_a_traceback(raw: bytes) -> None:
    code, out, err = run_check(raw)
    assert "Traceback" not in err + out
    assert code in (0, 1)
    if code == 1:
        assert "fuzz.yaml:" in err and "fout(en)" in err
    else:
        assert "In orde" in out


def test_known_crashers() -> None:
    """Inputs that once crashed the loader (kept as regression examples)."""
    for raw in (
        b"titel: " + b"1" * 5000 + b"\n",            # int() refuses > 4300 digits
        b"titel: a\x01b\n",                            # control character: ReaderError without a mark
        b"a: &a [*a]\n",                               # an alias inside itself
        b"a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        b"g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n",  # billion laughs: 10^7 nodes
        b"[" * 30000 + b"]" * 30000,                 # libyaml would crash the process (C recursion)
        b"- " * 30000 + b"x\n",                       # the same, as nested block lists on one line
    ):
        assert_loads_or_explains(raw)


def _starter_with_questions(lines: list[str]) -> bytes:
    head = starter_text().split("\nwegwijzer:")[0]
    return (head + "\nwegwijzer:\n  start: v0\n  vragen:\n" + "\n".join(lines) + "\n").encode("utf-8")


def test_long_question_chain_does_not_hit_the_recursion_limit() -> None:
    """1,500 questions in a row once overflowed the recursive walk of the question tree."""
    n = 1500
    lines = []
    for i in range(n):
        last = i == n - 1
        lines += [f"    - id: v{i}", "      vraag: Verder?", "      antwoorden:",
                  "        - tekst: Ja", ("          advies: stap-2" if last else f"          volgende: v{i + 1}"),
                  "        - tekst: Nee", "          advies: stap-1"]
    # Since the path limit (issue 16), such a chain is refused with its path count; the walks
    # that once overflowed must still finish, and listing the paths must not recurse either.
    started = time.monotonic()
    result = assert_loads_or_explains(_starter_with_questions(lines))
    assert isinstance(result, RouteProblems)
    assert [p.message for p in result.problems if "verschillende paden" in p.message] == [
        f"de vragen van de wegwijzer geven {n + 1} verschillende paden; maximaal {MAX_PATHS}. De pagina 'Alle paden' "
        "toont elk pad, en elke vraag met twee vervolgvragen verdubbelt hun aantal. Laat meer antwoorden direct in "
        "een advies eindigen, of voeg vragen samen."]
    aid = Wegwijzer.model_validate(read_source(_starter_with_questions(lines), FILE).data["wegwijzer"])
    paths = enumerate_paths(aid)
    assert len(paths) == count_paths(aid) == n + 1
    assert max(len(p.choices) for p in paths) == n and len(paths[-1].choices) == 1
    assert time.monotonic() - started < 20


def test_diamond_question_tree_is_walked_once_per_question() -> None:
    """40 levels where both answers lead to the next question: 2^40 paths, 40 questions."""
    n = 40
    lines = []
    for i in range(n):
        target = "advies: stap-2" if i == n - 1 else f"volgende: v{i + 1}"
        lines += [f"    - id: v{i}", "      vraag: Verder?", "      antwoorden:",
                  "        - tekst: Ja", f"          {target}", "        - tekst: Misschien", f"          {target}",
                  "        - tekst: Nee", "          advies: stap-1"]
    # Paths: P(last) = 3 and P(i) = 2·P(i+1) + 1, so 2^(n+1) - 1; counted, never listed (issue 16).
    started = time.monotonic()
    result = assert_loads_or_explains(_starter_with_questions(lines))
    assert isinstance(result, RouteProblems)
    assert any(f"geven {2 ** (n + 1) - 1} verschillende paden" in p.message for p in result.problems)
    assert time.monotonic() - started < 5
