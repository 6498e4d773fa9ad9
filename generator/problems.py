"""Problems found in a route file, and how they are shown to a route author.

Every problem carries file, line and column so an author can jump straight to it; the
text is Dutch because route authors are Dutch school staff.
"""

from __future__ import annotations

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
        where = f"{self.file}:{self.line}:{self.column}"
        if self.path:
            return f"{where}: {self.path}: {self.message}"
        return f"{where}: {self.message}"


class RouteProblems(Exception):
    """Raised when a route file cannot be used; holds every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, in file order."""
        return "\n".join(str(p) for p in self.problems)
