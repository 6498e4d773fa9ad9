"""Citations: which claims of a route cite their source, and whether the cited words are there.

A route file adds structure to the source's sentences: arrows between steps, who is
responsible, deadlines, route-wide rules. Each such claim may carry `bron:` (a verbatim
fragment of the source document) or `afgeleid:` (why it is a reading, not the words). This
module counts the claims without either, and checks every `bron:` fragment against the text
of the source document, so a reviewer can trust that a cited sentence really is in the PDF.

The comparison forgives what text extraction changes, not what an author changes: line
breaks, hyphenation at line ends, soft hyphens, ligatures, curly quotes and bullets are
normalised; letters, case and punctuation must match.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .model import CitedText, LoadedRoute, Responsibility, Route
from .problems import Problem
from .yamlsource import PathKey, SourceData, read_source

CITED_RESPONSIBILITIES = frozenset({Responsibility.FINAL, Responsibility.RESPONSIBLE, Responsibility.DIRECTION})
"""The responsibilities that are claims about who answers for a step (and so must be cited)."""

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "\u2022": " ", "\u25aa": " ", "\u25cf": " ", "\uf0b7": " ", "\uf0a7": " ", "\u00b7": " ",
    "\u00ad": None, "\u200b": None, "\ufeff": None,
})
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\u2026": "..."}


def normalise(text: str) -> str:
    """Text in the form both the source and a fragment are compared in.

    Hyphens are dropped together with the whitespace after them, on both sides: an
    extraction cannot tell 'onder-<newline>steuning' (a hyphenated line end) from
    'SBO-<newline>school' (a real hyphen), so neither counts.
    """
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = text.translate(_TRANSLATE)
    text = re.sub(r"-\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------
# Claims and coverage
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One claim of a route that should cite its source."""

    kind: str
    """Dutch noun for the kind of claim: 'overgang', 'verantwoordelijkheid', 'termijn', 'regel'."""
    where: str
    """Where it is, for a person: 'Stap 3 → Stap 4', 'Fase 2: IB (regie)'."""
    cited: bool


def claims(route: Route) -> list[Claim]:
    """Every transition, responsibility, deadline and rule of a route, cited or not."""
    found: list[Claim] = []
    for rule in route.rules:
        found.append(Claim("regel", f"regel {rule.id}", rule.cited))
    for step in route.steps:
        for part in step.roles:
            if part.responsibility in CITED_RESPONSIBILITIES:
                found.append(Claim("verantwoordelijkheid", f"{step.label}: {part.role} ({part.responsibility.value})",
                                   part.cited))
        for transition in step.transitions:
            found.append(Claim("overgang", f"{step.label} → {transition.to}", transition.cited))
        for deadline in step.deadlines:
            cited = isinstance(deadline, CitedText) and deadline.cited
            found.append(Claim("termijn", f"{step.label}: {deadline}", cited))
        for use in step.documents:
            if use.deadline:
                found.append(Claim("termijn", f"{step.label}: {use.document} ({use.deadline})", use.cited))
    return found


KIND_PLURALS = {"overgang": "overgangen", "verantwoordelijkheid": "verantwoordelijkheden",
                "termijn": "termijnen", "regel": "regels"}


@dataclass(frozen=True)
class Coverage:
    """How many claims of a route cite their source."""

    total: int
    cited: int
    uncited_by_kind: dict[str, int]
    structure_total: int
    """Transitions and responsibilities: the claims readers trust most (the ≥ 95 % target)."""
    structure_cited: int

    @property
    def uncited(self) -> int:
        return self.total - self.cited

    @property
    def structure_share(self) -> float:
        """Share of transitions and responsibilities with bron or afgeleid (1.0 when there are none)."""
        return self.structure_cited / self.structure_total if self.structure_total else 1.0


def coverage(route: Route) -> Coverage:
    """Count the claims of a route with and without a citation."""
    found = claims(route)
    uncited: dict[str, int] = {}
    for claim in found:
        if not claim.cited:
            uncited[claim.kind] = uncited.get(claim.kind, 0) + 1
    structure = [c for c in found if c.kind in ("overgang", "verantwoordelijkheid")]
    return Coverage(total=len(found), cited=sum(c.cited for c in found), uncited_by_kind=uncited,
                    structure_total=len(structure), structure_cited=sum(c.cited for c in structure))


def coverage_line(loaded: LoadedRoute) -> str:
    """One Dutch line for `routewijzer check`: how many claims are cited, what is left."""
    cov = coverage(loaded.route)
    if not cov.total:
        return f"{loaded.path}: geen overgangen, verantwoordelijkheden, termijnen of regels om te onderbouwen."
    line = (f"{loaded.path}: {cov.cited} van {cov.total} beweringen met 'bron' of 'afgeleid' "
            f"(overgangen en verantwoordelijkheden: {cov.structure_share:.0%})")
    if cov.uncited:
        parts = ", ".join(f"{n} {KIND_PLURALS[k] if n != 1 else k}" for k, n in sorted(cov.uncited_by_kind.items()))
        line += f"; {cov.uncited} zonder bron: {parts}"
    return line + "."


# ---------------------------------------------------------------------------
# Checking fragments against the source text
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A `bron:` fragment in a route file, with where it stands."""

    path: PathKey
    text: str
    line: int
    column: int


def _walk(data: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "bron" and isinstance(value, str):
                yield path + (key,), value
            else:
                yield from _walk(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, path + (index,))


def quotes(source: SourceData) -> list[Quote]:
    """Every `bron:` text in a route file (the route's own `bron:` block is a mapping, not a quote)."""
    found = []
    for path, text in _walk(source.data, ()):
        pos = source.position(path)
        found.append(Quote(path, text, pos.line, pos.column))
    return found


def _excerpt(text: str, limit: int = 70) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def missing_quotes(source: SourceData, source_text: str, source_name: str) -> list[Problem]:
    """A located Dutch problem for every `bron:` fragment that is not in the source text."""
    haystack = normalise(source_text)
    problems = []
    for quote in quotes(source):
        if normalise(quote.text) not in haystack:
            problems.append(Problem(
                source.file, quote.line, quote.column,
                f"dit bronfragment staat niet in {source_name}: “{_excerpt(quote.text)}”. Neem de woorden "
                "letterlijk over uit de bron (hoofdletters en leestekens tellen mee; regelovergangen en "
                "afbreekstreepjes niet), of schrijf 'afgeleid:' met de reden als het een lezing van de bron is."))
    return problems


class SourceTextError(Exception):
    """The source text named with --bron cannot be read; the message is Dutch."""


def read_source_text(path: Path) -> str:
    """The text of a source document: a text file as is, a PDF through `pdftotext`."""
    if path.suffix.lower() == ".pdf":
        tool = shutil.which("pdftotext")
        if tool is None:
            raise SourceTextError(f"{path}: om een PDF te lezen is 'pdftotext' nodig (pakket poppler-utils); "
                                  "installeer het, of geef een tekstbestand met de tekst van de bron.")
        result = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=120)
        if result.returncode != 0:
            raise SourceTextError(f"{path}: pdftotext kan deze PDF niet lezen; geef een tekstbestand met de tekst.")
        return result.stdout.decode("utf-8", errors="replace")
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise SourceTextError(f"{path}: de bron kan niet gelezen worden ({exc.strerror}).") from None


def source_for(loaded: LoadedRoute, bron: Path) -> Path:
    """The source text for a route: the file itself, or in a folder the file the route names
    in `bron: bestand:` (also found with the extension .txt or .pdf)."""
    if not bron.is_dir():
        return bron
    named = loaded.route.source.file
    if not named:
        raise SourceTextError(f"{loaded.path}: de route noemt geen 'bestand:' onder 'bron:', dus in de map {bron} "
                              "is niet te vinden welke bron erbij hoort. Vul 'bestand:' in of geef het bestand zelf.")
    stem = Path(named).stem
    for candidate in (bron / Path(named).name, bron / f"{stem}.txt", bron / f"{stem}.pdf"):
        if candidate.is_file():
            return candidate
    raise SourceTextError(f"{loaded.path}: de bron '{named}' staat niet in de map {bron}.")


def check_route_quotes(loaded: LoadedRoute, bron: Path) -> tuple[list[Problem], int]:
    """(problems, number of fragments checked) for one route against its source text."""
    text_path = source_for(loaded, bron)
    text = read_source_text(text_path)
    source = read_source(Path(loaded.path).read_bytes(), loaded.path)
    return missing_quotes(source, text, text_path.name), len(quotes(source))

