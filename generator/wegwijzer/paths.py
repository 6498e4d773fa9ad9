"""Every path through a route's question tree, from the first question to an advice.

Authors review the tree on the 'Alle paden' page; tests walk every path in the browser and
check the outcome. A path is written the way the URL writes it: answer indexes joined by
dots ('0.2.1'). Validation (generator/validate.py) already guarantees the tree ends and has
no loops, so enumeration is a plain depth-first walk.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Answer, Question, Wegwijzer


@dataclass(frozen=True)
class Choice:
    """One answered question on a path."""

    question: Question
    index: int
    answer: Answer


@dataclass(frozen=True)
class Path:
    """A complete path: the answers given and the step it leads to."""

    choices: tuple[Choice, ...]
    outcome: str
    current: str | None
    """The step the person is in now, as the answers say ('huidige-stap'), if any."""

    @property
    def code(self) -> str:
        """Answer indexes joined by dots, as in the URL hash '#pad=0.2.1'."""
        return ".".join(str(c.index) for c in self.choices)


def enumerate_paths(aid: Wegwijzer) -> list[Path]:
    """All paths in tree order (first answer first); stops at loops instead of recursing forever."""
    questions = {q.id: q for q in aid.questions}
    found: list[Path] = []

    def walk(qid: str, trail: tuple[Choice, ...], current: str | None) -> None:
        question = questions.get(qid)
        if question is None or any(c.question.id == qid for c in trail):
            return
        for index, answer in enumerate(question.answers):
            step = (trail + (Choice(question, index, answer),))
            here = answer.current or current
            if answer.outcome is not None:
                found.append(Path(step, answer.outcome, here))
            elif answer.next is not None:
                walk(answer.next, step, here)

    walk(aid.start, (), None)
    return found


def follow(aid: Wegwijzer, code: str) -> Path | None:
    """The path a URL code describes, or None when it does not end in an advice."""
    return next((p for p in enumerate_paths(aid) if p.code == code), None)
