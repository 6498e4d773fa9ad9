"""Property-based fuzzing of the command line: whatever arguments a person types, the
answer is Dutch, the exit code is 0, 1 or 2, and nothing is written outside the target.

Like tests/test_fuzz_routes.py does for route files, this draws argument lists from the
commands and options `routewijzer` knows plus hostile values: devices, a named pipe, a
file where a folder is expected, a huge file, `..` paths, 300-character names, control
characters, broken `routes.json` files with slugs like `../../victim`. Each example runs
in a fresh sandbox with a `victim/` folder that must stay untouched. Profiles as in
test_fuzz_routes (HYPOTHESIS_PROFILE=lokaal for many more examples).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main as cli_main
from support.routes import starter_text
from test_fuzz_routes import examples, is_dutch

COMMANDS = ["check", "list", "schema", "new", "export", "diff", "pdf"]
OPTIONS = ["--map", "-o", "--uitvoer", "--site", "--config", "--chromium", "-h", "--", "-x", "--onbekend"]
OUTPUT_OPTIONS = ("--map", "-o", "--uitvoer")

SANDBOX_PATHS = ["routes", "routes/voorbeeld.yaml", "bestand", "pijp.yaml", "groot.yaml", "leeg.yaml",
                 "site", "kapot", "victim", "victim/geheim.txt", "nieuw", "nieuw/diep/x.json", "bestand/sub",
                 "../victim", "../victim/x.yaml", "routes/../victim", "x" * 300, "bestaat-niet.yaml", ".", "", "-"]
"""Relative to the sandbox's work folder; '../victim' etc. point at what must not change."""

FIXED_PATHS = ["/dev/null", "/dev/zero"]

NAMES = ["De Regenboog", "a: b # c", "regel\nsoort: x", "Één Ëfje", "x" * 300, "\x1b[2J", "\u202e", "---", "#",
         "'", '"', "\\", "../../victim", "/", "", " ", "\udcff", "🌈"]

ROUTES_JSON = ['{"routes": [', "[]", '{"routes": [7]}', '{"routes": []}',
               '{"routes": [{"slug": "../../victim", "titel": "x", "handboek": "x/"}]}',
               '{"routes": [{"slug": "ok", "titel": "x", "handboek": "../../"}]}', "\xff"]


@contextlib.contextmanager
def sandbox(routes_json: str) -> Iterator[Path]:
    """A fresh folder tree; the working directory is its `work/` for the duration."""
    with tempfile.TemporaryDirectory(prefix="rw-fuzz-cli-") as folder:
        root = Path(folder)
        work = root / "work"
        (work / "routes").mkdir(parents=True)
        (work / "routes" / "voorbeeld.yaml").write_text(starter_text(), encoding="utf-8")
        (work / "bestand").write_text("geen map\n", encoding="utf-8")
        (work / "leeg.yaml").write_text("", encoding="utf-8")
        (work / "kapot").write_bytes(b"\x00\xff")
        os.mkfifo(work / "pijp.yaml")
        with (work / "groot.yaml").open("wb") as big:
            big.truncate(5_000_000)
        (work / "site").mkdir()
        (work / "site" / "routes.json").write_text(routes_json, encoding="utf-8", errors="surrogateescape")
        (root / "victim").mkdir()
        (root / "victim" / "geheim.txt").write_text("niet aankomen\n", encoding="utf-8")
        (work / "victim").mkdir()
        previous = Path.cwd()
        os.chdir(work)
        try:
            yield root
        finally:
            os.chdir(previous)


def snapshot(root: Path) -> dict[Path, str]:
    """Every regular file under root with a hash of its bytes (pipes and folders skipped)."""
    found: dict[Path, str] = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                with path.open("rb") as handle:
                    found[path] = hashlib.sha256(handle.read(1_000_000)).hexdigest()
    return found


value = st.one_of(st.sampled_from(SANDBOX_PATHS + FIXED_PATHS + NAMES), st.text(max_size=12))
"""Any argument value: a path in the sandbox, a device, a hostile name, or random text."""

# Output options only get paths inside the sandbox (or /dev/null): as root, a value such as
# /nonexistent/dir would otherwise really be created on this machine.
output_value = st.sampled_from(SANDBOX_PATHS + ["/dev/null", "nieuw", "nieuw/x.json", "bestand", "site"])


@st.composite
def argv(draw: st.DrawFn) -> list[str]:
    args = [draw(st.sampled_from(COMMANDS + ["", "bestaatniet", "--help"]))]
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        kind = draw(st.sampled_from(["value", "value", "option", "output"]))
        if kind == "value":
            args.append(draw(value))
        elif kind == "output":
            args += [draw(st.sampled_from(OUTPUT_OPTIONS)), draw(output_value)]
        else:
            option = draw(st.sampled_from(OPTIONS))
            args.append(option)
            if option not in ("-h", "--") and draw(st.booleans()):
                args.append(draw(output_value if option in OUTPUT_OPTIONS else value))
    return args


def _targets(args: list[str], work: Path) -> list[Path]:
    """Where this command line may write: the values of the output options, and the defaults."""
    targets = [work / "routes", work / "open-data"]
    for i, arg in enumerate(args[:-1]):
        if arg in OUTPUT_OPTIONS or any(arg.startswith(o + "=") for o in ("--map", "--uitvoer")):
            targets.append((work / args[i + 1]).resolve())
    for arg in args:
        for option in ("--map=", "--uitvoer="):
            if arg.startswith(option):
                targets.append((work / arg[len(option):]).resolve())
    return targets


def _inside(path: Path, targets: list[Path]) -> bool:
    return any(path == t or t in path.parents for t in targets)


@settings(max_examples=examples(0.4))
@given(argv(), st.sampled_from(ROUTES_JSON))
def test_cli_arguments_never_traceback_and_write_only_the_target(args: list[str], routes_json: str) -> None:
    with sandbox(routes_json) as root:
        work = root / "work"
        before = snapshot(root)
        out, err = io.StringIO(), io.StringIO()
        os.environ["ROUTEWIJZER_CHROMIUM"] = "/bin/false"  # never a real browser run from a fuzz example
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = cli_main(args)
                except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
                    code = exc.code if isinstance(exc.code, int) else 2
        finally:
            os.environ.pop("ROUTEWIJZER_CHROMIUM", None)
        after = snapshot(root)
        victim_intact = (root / "victim" / "geheim.txt").read_bytes() == b"niet aankomen\n"
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text and "onverwachte fout" not in text, text
    assert code in (0, 1, 2), (code, text)
    assert "\x1b" not in text and "\u202e" not in text, text
    if code != 0 and err.getvalue().strip():
        assert is_dutch(err.getvalue()) or "gebruik:" in err.getvalue(), err.getvalue()
        for english in ("No such file", "Permission denied", "Is a directory", "Not a directory", "expected"):
            assert english not in err.getvalue(), err.getvalue()
    targets = _targets(args, work)
    for path, digest in before.items():
        if after.get(path) != digest:
            assert _inside(path, targets), f"{path} veranderd of verdwenen door {args}"
    for path in set(after) - set(before):
        assert _inside(path, targets), f"{path} geschreven door {args} (doelen: {targets})"
    assert victim_intact or _inside(root / "victim" / "geheim.txt", targets)


def test_known_cli_crashers() -> None:
    """Command lines that once ended in a traceback (issue 16), kept as regression examples."""
    for args in (["new", "x" * 300, "--map", "nieuw"], ["new", "X", "--map", "bestand"],
                 ["export", "routes", "--map", "bestand"], ["export", "routes", "--map", "/dev/null"],
                 ["schema", "-o", "nieuw/diep/x.json"], ["pdf", "--site", "site", "--uitvoer", "nieuw"],
                 ["pdf", "--site", "site", "--uitvoer", "bestand"], ["check", "pijp.yaml"], ["check", "/dev/zero"],
                 ["diff", "pijp.yaml", "groot.yaml"], ["list", "kapot"]):
        for routes_json in ROUTES_JSON:
            test_cli_arguments_never_traceback_and_write_only_the_target.hypothesis.inner_test(args, routes_json)
