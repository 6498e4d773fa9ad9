"""Reading a route file as plain data while remembering where every value stood.

PyYAML alone loses positions and follows YAML 1.1, where `nee`, `no`, `on` or `ja`-like
words and dates silently change type. Route files are Dutch prose, so here only `true`
and `false` are booleans, dates stay text, duplicate keys are errors, and every mapping
key and value keeps its line and column for error messages.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .limits import MAX_BYTES, MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_NODES
from .problems import Problem, RouteProblems, os_error_text

__all__ = ["MAX_BYTES", "MAX_NODES", "Position", "SourceData", "dotted", "read_file_bytes", "read_source"]

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """1-based line and column."""

    line: int
    column: int


@dataclass
class SourceData:
    """The data of a route file, with a position for each value and each mapping key."""

    file: str
    data: Any
    values: dict[PathKey, Position]
    keys: dict[PathKey, Position]
    problems: list[Problem]

    def position(self, path: PathKey, prefer_key: bool = False) -> Position:
        """Best position for a path: the value itself, its key, or the nearest parent."""
        probe = tuple(path)
        while True:
            if prefer_key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if probe in self.keys:
                return self.keys[probe]
            if not probe:
                return Position(1, 1)
            probe = probe[:-1]


_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as YAML counts them (so our line numbers match PyYAML's marks)."""


_TOO_DEEP = (f"het bestand is te diep genest (meer dan {MAX_DEPTH} niveaus van lijsten en secties in elkaar); "
             "controleer het inspringen en de haakjes [ ] en { } rond deze plek.")


def _n(number: int) -> str:
    """A count the Dutch way: 2.000.000."""
    return f"{number:,}".replace(",", ".")


def _scalar(node: ScalarNode) -> Any:
    """Only true/false are booleans and an empty value is null; everything else is text.

    No field of a route is a number, and what looks like one is meant as written:
    `versie: 1.10` is version "1.10" (YAML would make it the number 1.1), `label: 3` is "3".
    """
    value = node.value
    if node.style is not None and node.style != "":
        return value  # quoted or block scalar: always text
    if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"):
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    return value


class _Composer:
    """Turns a composed node tree into plain Python data, collecting positions and problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[PathKey, Position] = {}
        self.keys: dict[PathKey, Position] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.chars = 0
        """Characters of text after expanding aliases; bounded by MAX_EXPANDED_CHARS."""

    def _pos(self, node: Node) -> Position:
        return Position(node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, path: PathKey, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            pos = self._pos(node)
            raise RouteProblems([Problem(self.file, pos.line, pos.column,
                                         f"het bestand heeft te veel waarden (meer dan {_n(MAX_NODES)}); waarschijnlijk "
                                         "herhalen verwijzingen met & en * elkaar. Schrijf de route uit zonder verwijzingen.")])
        if depth > MAX_DEPTH:
            pos = self._pos(node)
            self.problems.append(Problem(self.file, pos.line, pos.column, _TOO_DEEP))
            return None
        self.values[path] = self._pos(node)
        if isinstance(node, ScalarNode):
            self.chars += len(node.value)
            if self.chars > MAX_EXPANDED_CHARS:
                pos = self._pos(node)
                raise RouteProblems([Problem(
                    self.file, pos.line, pos.column,
                    f"het bestand wordt te groot als de verwijzingen met & en * worden ingevuld (meer dan "
                    f"{_n(MAX_EXPANDED_CHARS)} tekens tekst, terwijl een route zonder verwijzingen hooguit "
                    f"{_n(MAX_BYTES)} tekens heeft). Schrijf de route uit zonder (zoveel) verwijzingen.")])
            return _scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_pos = self._pos(key_node)
                if not isinstance(key_node, ScalarNode):
                    self.problems.append(Problem(self.file, key_pos.line, key_pos.column,
                                                 "een sleutel moet een woord zijn, geen lijst of sectie."))
                    continue
                key = str(key_node.value)
                if key == "<<":
                    self.problems.append(Problem(self.file, key_pos.line, key_pos.column,
                                                 "samenvoegen met '<<' wordt niet ondersteund; schrijf de velden uit."))
                    continue
                if key in result:
                    first = self.keys[path + (key,)]
                    self.problems.append(Problem(
                        self.file, key_pos.line, key_pos.column,
                        f"sleutel '{key}' staat twee keer in dezelfde sectie (eerder op regel {first.line}); "
                        "verwijder of hernoem één van beide.",
                        _dotted(path + (key,)),
                    ))
                    continue
                self.keys[path + (key,)] = key_pos
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        return None


def _dotted(path: PathKey) -> str:
    """A field path as a route author reads it: stappen[2].overgangen[0].naar."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


dotted = _dotted


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise RouteProblems([Problem(
            file, line, column,
            "het bestand is geen UTF-8. Sla het op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8).",
        )]) from None


_YAML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "hier staat een dubbele punt midden in een tekst. Zet de tekst tussen aanhalingstekens, "
     "bijvoorbeeld: tekst: \"Let op: ...\"."),
    ("found duplicate anchor", "een verwijzing met & of * klopt niet; controleer de ankers."),
    ("found undefined alias", "een verwijzing met & of * klopt niet; controleer de ankers."),
    ("expected alphabetic or numeric character",
     "na & of * moet een naam staan. Zet een tekst die met & of * begint tussen aanhalingstekens."),
    ("could not find expected ':'",
     "hier verwachtte ik 'sleutel: waarde'. Controleer of de dubbele punt er staat en of het inspringen klopt."),
    ("cannot start any token",
     "dit teken mag niet aan het begin van een waarde staan. Zet de tekst tussen aanhalingstekens."),
    ("expected ',' or ']'",
     "een lijst tussen [ en ] is hier niet goed afgesloten. Zet komma's tussen de punten en sluit af met ], "
     "of zet een tekst met een dubbele punt of haakje tussen aanhalingstekens."),
    ("expected ',' or '}'",
     "een sectie tussen { en } is hier niet goed afgesloten. Zet komma's tussen de velden en sluit af met }, "
     "of zet een tekst met een dubbele punt of haakje tussen aanhalingstekens."),
    ("unknown escape character",
     "na een backslash (\\) staat een onbekende code in een tekst tussen dubbele aanhalingstekens. Schrijf \\\\ "
     "voor een backslash, of gebruik enkele aanhalingstekens."),
    ("expected escape sequence",
     "na een backslash (\\) staat een onvolledige code in een tekst tussen dubbele aanhalingstekens. Schrijf \\\\ "
     "voor een backslash, of gebruik enkele aanhalingstekens."),
    ("expected chomping or indentation indicators",
     "na | of > mag op dezelfde regel alleen een opmerking (#) staan; zet de tekst op de regels eronder."),
    ("indentation indicator equal to 0",
     "na | of > mag op dezelfde regel alleen een opmerking (#) staan; zet de tekst op de regels eronder."),
    ("expected a comment or a line break",
     "na | of > mag op dezelfde regel alleen een opmerking (#) staan; zet de tekst op de regels eronder."),
    ("block sequence entries are not allowed",
     "hier staat een lijstpunt ('- ') waar geen lijst mag. Controleer het inspringen, of zet een tekst die met "
     "'- ' begint tussen aanhalingstekens."),
    ("while scanning a tag",
     "een waarde die met ! begint wordt als YAML-label gelezen. Zet de tekst tussen aanhalingstekens."),
    ("undefined tag handle",
     "een waarde die met ! begint wordt als YAML-label gelezen. Zet de tekst tussen aanhalingstekens."),
    ("while scanning a directive",
     "een regel die met % begint is een YAML-instructie. Zet de tekst tussen aanhalingstekens of haal de regel weg."),
    ("YAML directive", "een regel die met %YAML begint hoort niet in een routebestand; haal hem weg."),
    ("TAG directive", "een regel die met %TAG begint hoort niet in een routebestand; haal hem weg."),
    ("expected '<document start>'",
     "hier verwachtte ik een nieuw veld of het einde van het bestand. Controleer het inspringen."),
    ("expected <block end>",
     "het inspringen klopt hier niet. Zorg dat punten van dezelfde lijst of sectie precies even ver inspringen."),
    ("did not find expected",
     "het inspringen klopt hier niet. Zorg dat punten van dezelfde lijst of sectie precies even ver inspringen."),
    ("found unexpected end of stream",
     "een aanhalingsteken wordt niet afgesloten. Sluit de tekst af met hetzelfde teken."),
    ("found unexpected document separator",
     "een aanhalingsteken wordt niet afgesloten voor de regel met '---' of '...'. Sluit de tekst af met "
     "hetzelfde teken."),
)
"""PyYAML's English problems (a fragment of each) with what a route author should do, in Dutch."""


def _quote_end(line: str, start: int) -> int | None:
    """Where the quoted text opening at `start` closes on this line, or None when it does not."""
    quote = line[start]
    i = start + 1
    while i < len(line):
        ch = line[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and line[i + 1: i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


_VALUE_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s#'\"][^:#]*:\s+)?(?:-\s+)*(?=['\"])")
"""Up to an opening quote at the start of a value: 'titel: "…', '- "…', '- tekst: '…'."""


def _unclosed_quote(text: str, error_line: int) -> Position | None:
    """The opening quote that runs on past its line, when closing it there fixes the error.

    A quoted text may legally span lines, so a quote open at the end of a line is only
    named when appending the quote on that line lets the file parse further than before.
    """
    lines = _LINE_BREAK.split(text)
    for number in range(min(error_line, len(lines)), 0, -1):
        line = lines[number - 1]
        match = _VALUE_START.match(line)
        if not match or _quote_end(line, match.end()) is not None:
            continue
        trial = lines[:]
        trial[number - 1] = line.rstrip() + line[match.end()]
        try:
            list(yaml.compose_all("\n".join(trial), Loader=_FAST_LOADER or yaml.SafeLoader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            if mark is None or mark.line + 1 <= error_line:
                return None
        except RecursionError:
            return None
        return Position(number, match.end() + 1)
    return None


def _yaml_error(exc: yaml.YAMLError, file: str, text: str) -> Problem:
    """A PyYAML error as a Dutch problem at its line: what is wrong and what to do."""
    if isinstance(exc, yaml.reader.ReaderError):
        # The reader has no mark, only a character offset; give the author its line and column.
        lines_before = _LINE_BREAK.split(text[: exc.position])
        line, column = len(lines_before), len(lines_before[-1]) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return Problem(file, line, column,
                       f"hier staat een onzichtbaar stuurteken (U+{code:04X}) dat niet in een routebestand mag; "
                       "verwijder het (het komt vaak mee bij kopiëren uit Word of PDF).")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    lines = _LINE_BREAK.split(text)
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line or "'\\t'" in problem:
        tab_col = bad_line.find("\t") + 1 if "\t" in bad_line else column
        return Problem(file, line, tab_col,
                       "er staat een tab in het bestand. YAML gebruikt alleen spaties om in te springen; "
                       "vervang de tab door spaties.")
    quote = _unclosed_quote(text, line)
    if quote is not None:
        return Problem(file, quote.line, quote.column,
                       "dit aanhalingsteken wordt op deze regel niet afgesloten, dus de tekst loopt door tot het "
                       "volgende aanhalingsteken (of het einde van het bestand). Sluit de tekst af met hetzelfde teken.")
    if "while scanning a quoted scalar" in context:
        start = getattr(exc, "context_mark", None)
        if start is not None:
            line, column = start.line + 1, start.column + 1
        return Problem(file, line, column,
                       "een aanhalingsteken wordt niet afgesloten. Sluit de tekst af met hetzelfde teken.")
    for fragment, message in _YAML_MESSAGES:
        if fragment in problem or fragment in context:
            return Problem(file, line, column, message)
    return Problem(file, line, column,
                   "het bestand is geen geldige YAML. Controleer inspringen, dubbele punten en aanhalingstekens "
                   "rond deze plek.")


def _too_deep_at(text: str) -> Position:
    """Where nesting first passes MAX_DEPTH, found from PyYAML's event stream.

    The composer recurses and fails with RecursionError at an arbitrary depth; the parser
    is a state machine, so walking its events finds the real position without recursion.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Position(event.start_mark.line + 1, event.start_mark.column + 1)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except (yaml.YAMLError, RecursionError):
        pass
    return Position(1, 1)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_FAST_MAX_NESTING = 2_000
"""libyaml composes recursively in C and crashes the process (no RecursionError) somewhere
past 20,000 levels; below this bound there is a wide margin, above it we parse in Python."""


def _nesting_bound(text: str) -> int:
    """A cheap upper bound on how deeply a YAML text can nest (flow brackets plus block levels)."""
    deepest_line = max((len(ln) - len(ln.lstrip(" ")) + ln.count("- ") + ln.count("? ")
                        for ln in _LINE_BREAK.split(text)), default=0)
    return text.count("[") + text.count("{") + deepest_line


def _compose(text: str) -> list[Node | None]:
    """YAML nodes of every document; libyaml when safe (30× faster), else pure Python.

    Any error is reported by the pure-Python loader, whose messages and positions (in
    characters, not bytes) are what `_yaml_error` understands.
    """
    if _FAST_LOADER is not None and _nesting_bound(text) <= _FAST_MAX_NESTING:
        try:
            return list(yaml.compose_all(text, Loader=_FAST_LOADER))
        except yaml.YAMLError:
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _too_large(file: str, size: int) -> Problem:
    return Problem(file, 1, 1, f"het bestand is te groot ({size // 1000} kB; maximaal {MAX_BYTES // 1000} kB). "
                   "Een route is meestal kleiner dan 100 kB; controleer of dit het goede bestand is.")


def read_file_bytes(path: Path, file: str) -> bytes:
    """The bytes of a route file, read safely whatever the path points to.

    The file is opened without blocking (a named pipe would otherwise wait forever for a
    writer), refused unless it is a regular file (not /dev/zero, a pipe or a folder), and
    read only up to one byte past MAX_BYTES, so a 50 MB file is never read whole.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise RouteProblems([Problem(file, 1, 1, f"het bestand kan niet gelezen worden: {os_error_text(exc)}.")]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise RouteProblems([Problem(file, 1, 1, "dit is een map, geen routebestand.")])
        if not stat.S_ISREG(info.st_mode):
            raise RouteProblems([Problem(file, 1, 1, "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of "
                                                     "een pijp); geef een routebestand (.yaml).")])
        if info.st_size > MAX_BYTES:
            raise RouteProblems([_too_large(file, info.st_size)])
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise RouteProblems([Problem(file, 1, 1, f"het bestand kan niet gelezen worden: {os_error_text(exc)}.")]) from None
    finally:
        os.close(fd)


def read_source(raw: bytes, file: str) -> SourceData:
    """Parse route-file bytes into data with positions; raises RouteProblems with Dutch messages."""
    if len(raw) > MAX_BYTES:
        raise RouteProblems([_too_large(file, len(raw))])
    text = _decode(raw, file)
    if "\x00" in text:
        raise RouteProblems([Problem(file, 1, 1, "het bestand bevat binaire gegevens; het is geen tekstbestand.")])
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise RouteProblems([Problem(file, 1, 1,
                                     "het bestand is leeg. Begin met 'routewijzer new NAAM' voor een voorbeeldroute.")])
    try:
        nodes = _compose(text)
    except yaml.YAMLError as exc:
        raise RouteProblems([_yaml_error(exc, file, text)]) from None
    except RecursionError:
        deep = _too_deep_at(text)
        raise RouteProblems([Problem(file, deep.line, deep.column, _TOO_DEEP)]) from None
    nodes = [n for n in nodes if n is not None]
    if len(nodes) > 1:
        second = nodes[1].start_mark
        raise RouteProblems([Problem(file, second.line + 1, second.column + 1,
                                     "het bestand bevat meer dan één YAML-document ('---'); zet één route per bestand.")])
    if not nodes:
        raise RouteProblems([Problem(file, 1, 1, "het bestand is leeg.")])
    composer = _Composer(file)
    data = composer.build(nodes[0], ())
    if not isinstance(data, dict):
        pos = composer.values[()]
        raise RouteProblems([Problem(file, pos.line, pos.column,
                                     "een routebestand moet beginnen met velden als 'titel:', 'soort:' en 'stappen:'.")])
    return SourceData(file=file, data=data, values=composer.values, keys=composer.keys,
                      problems=composer.problems)
