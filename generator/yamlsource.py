"""Reading a route file as plain data while remembering where every value stood.

PyYAML alone loses positions and follows YAML 1.1, where `nee`, `no`, `on` or `ja`-like
words and dates silently change type. Route files are Dutch prose, so here only `true`
and `false` are booleans, dates stay text, duplicate keys are errors, and every mapping
key and value keeps its line and column for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem, RouteProblems

MAX_BYTES = 1_000_000
"""Route files are a few dozen kilobytes; anything near a megabyte is a mistake."""

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


_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_MAX_DIGITS = 100
"""Longer digit strings stay text: no route needs such a number, and int() refuses > 4300 digits."""
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as YAML counts them (so our line numbers match PyYAML's marks)."""
MAX_NODES = 200_000
"""A large real route has a few thousand values; far more means aliases (*a) multiplying data."""


def _scalar(node: ScalarNode) -> Any:
    """YAML 1.2 core-schema scalars: only true/false are booleans, no dates, no sexagesimals."""
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
    if _INT.match(value) and len(value) <= _MAX_DIGITS:
        return int(value.replace("_", ""))
    if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
        return float(value.replace("_", ""))
    return value


class _Composer:
    """Turns a composed node tree into plain Python data, collecting positions and problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[PathKey, Position] = {}
        self.keys: dict[PathKey, Position] = {}
        self.problems: list[Problem] = []
        self.count = 0

    def _pos(self, node: Node) -> Position:
        return Position(node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, path: PathKey, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            pos = self._pos(node)
            raise RouteProblems([Problem(self.file, pos.line, pos.column,
                                         f"het bestand heeft te veel waarden (meer dan {MAX_NODES}); waarschijnlijk "
                                         "herhalen verwijzingen met & en * elkaar. Schrijf de route uit zonder verwijzingen.")])
        if depth > 50:
            pos = self._pos(node)
            self.problems.append(Problem(self.file, pos.line, pos.column, "het bestand is te diep genest (meer dan 50 niveaus)."))
            return None
        self.values[path] = self._pos(node)
        if isinstance(node, ScalarNode):
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


def _yaml_error(exc: yaml.YAMLError, file: str, text: str) -> Problem:
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
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line or "'\\t'" in problem:
        tab_col = bad_line.find("\t") + 1 if "\t" in bad_line else column
        return Problem(file, line, tab_col,
                       "er staat een tab in het bestand. YAML gebruikt alleen spaties om in te springen; "
                       "vervang de tab door spaties.")
    if "mapping values are not allowed" in problem:
        return Problem(file, line, column,
                       "hier staat een dubbele punt midden in een tekst. Zet de tekst tussen aanhalingstekens, "
                       "bijvoorbeeld: tekst: \"Let op: ...\".")
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return Problem(file, line, column, "een verwijzing met & of * klopt niet; controleer de ankers.")
    if "could not find expected ':'" in problem:
        return Problem(file, line, column,
                       "hier verwachtte ik 'sleutel: waarde'. Controleer of de dubbele punt er staat en of het "
                       "inspringen klopt.")
    if "found character" in problem and "cannot start any token" in problem:
        return Problem(file, line, column,
                       "dit teken mag niet aan het begin van een waarde staan. Zet de tekst tussen aanhalingstekens.")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return Problem(file, line, column,
                       "het inspringen klopt hier niet. Zorg dat punten van dezelfde lijst of sectie precies even ver "
                       "inspringen.")
    if "found unexpected end of stream" in problem or "while scanning a quoted scalar" in str(exc):
        return Problem(file, line, column, "een aanhalingsteken wordt niet afgesloten. Sluit de tekst af met hetzelfde teken.")
    return Problem(file, line, column,
                   f"het bestand is geen geldige YAML ({problem or 'onbekende fout'}). Controleer inspringen, "
                   "dubbele punten en aanhalingstekens rond deze plek.")


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


def read_source(raw: bytes, file: str) -> SourceData:
    """Parse route-file bytes into data with positions; raises RouteProblems with Dutch messages."""
    if len(raw) > MAX_BYTES:
        raise RouteProblems([Problem(file, 1, 1,
                                     f"het bestand is te groot ({len(raw) // 1000} kB; maximaal {MAX_BYTES // 1000} kB). "
                                     "Een route is meestal kleiner dan 100 kB; controleer of dit het goede bestand is.")])
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
        raise RouteProblems([Problem(file, 1, 1, "het bestand is te diep genest.")]) from None
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
