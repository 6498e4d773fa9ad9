"""Problems found in a route file, and how they are shown to a route author.

Every problem carries file, line and column so an author can jump straight to it; the
text is Dutch because route authors are Dutch school staff.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a route file, at a position (1-based line and column)."""

    file: str
    line: int
    column: int
    message: str
    path: str = field(default="", compare=False)

    def __str__(self) -> str:
        """'file:line:column: path: message', safe to print (see `terminal_safe`)."""
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return terminal_safe(text).replace("\r", "\\r").replace("\n", "\\n")  # one problem, one line


class RouteProblems(Exception):
    """Raised when a route file cannot be used; holds every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, in file order."""
        return "\n".join(str(p) for p in self.problems)


_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
"""Characters that would recolour, move or reorder what a terminal shows (ESC, CSI, bidi
overrides); tab and line break stay."""


def terminal_safe(text: str) -> str:
    """Text fit for a terminal: control characters shown as visible codes like '\\x1b'.

    Messages quote route text ('onbekende rol …'); a YAML escape such as "\\e[2J" in that
    text must not clear or recolour the author's terminal.
    """
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


_OS_ERRORS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang; controleer de rechten",
    errno.EPERM: "geen toestemming; controleer de rechten",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is een bestand in plaats van een map",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ELOOP: "het pad verwijst in een kring naar zichzelf",
    errno.ENXIO: "het apparaat is niet beschikbaar",
    errno.EINVAL: "dit kan niet op deze plek",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.EBUSY: "het bestand is in gebruik",
}


def os_error_text(exc: OSError) -> str:
    """What went wrong with a file, in Dutch ('bestaat niet'), never Python's English text."""
    return _OS_ERRORS.get(exc.errno or 0, f"de computer meldt foutcode {exc.errno}")
