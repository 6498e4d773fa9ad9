"""Every path through a route's question tree, from the first question to an advice.

Authors review the tree on the 'Alle paden' page; tests walk every path in the browser and
check the outcome. A path is written the way the URL writes it: answer indexes joined by
dots ('0.2.1'). Validation (generator/validate.py) guarantees the tree ends, has no loops
and has at most `MAX_PATHS` paths (counted with `count_paths`, which never lists them), so
enumeration is a plain depth-first walk — kept iterative so a long chain of questions
cannot hit Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Answer, Question, Wegwijzer
from ..route_index import by_id


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


def count_paths(aid: Wegwijzer) -> int:
    """How many paths `enumerate_paths` would list, in time linear in the number of answers.

    Paths through a question are the sum over its answers (1 for an advice, the paths of the
    next question otherwise), so each question is counted once, bottom-up. A loop back to a
    question on the current trail counts as 0 paths, exactly as `enumerate_paths` skips it.
    """
    questions = by_id(aid.questions)
    counts: dict[str, int] = {}
    on_trail: set[str] = set()
    if aid.start not in questions:
        return 0
    stack: list[tuple[str, bool]] = [(aid.start, False)]
    while stack:
        qid, children_done = stack.pop()
        if children_done:
            on_trail.discard(qid)
            total = 0
            for answer in questions[qid].answers:
                if answer.outcome is not None:
                    total += 1
                elif answer.next in questions:
                    total += counts.get(answer.next, 0)
            counts[qid] = total
            continue
        if qid in counts or qid in on_trail:
            continue
        on_trail.add(qid)
        stack.append((qid, True))
        for answer in questions[qid].answers:
            if answer.outcome is None and answer.next in questions and answer.next not in counts \
                    and answer.next not in on_trail:
                stack.append((answer.next, False))
    return counts.get(aid.start, 0)


def iter_paths(aid: Wegwijzer) -> Iterator[Path]:
    """All paths in tree order (first answer first); skips loops instead of walking forever."""
    questions = by_id(aid.questions)
    start = questions.get(aid.start)
    if start is None:
        return
    # Each frame: the question, the trail that led to it, the current step, the next answer index.
    frames: list[tuple[Question, tuple[Choice, ...], str | None, int]] = [(start, (), None, 0)]
    while frames:
        question, trail, current, index = frames.pop()
        if index >= len(question.answers):
            continue
        frames.append((question, trail, current, index + 1))
        answer = question.answers[index]
        step = trail + (Choice(question, index, answer),)
        here = answer.current or current
        if answer.outcome is not None:
            yield Path(step, answer.outcome, here)
        elif answer.next in questions and not any(c.question.id == answer.next for c in step):
            frames.append((questions[answer.next], step, here, 0))


def enumerate_paths(aid: Wegwijzer) -> list[Path]:
    """All paths in tree order, as a list (validation bounds their number by MAX_PATHS)."""
    return list(iter_paths(aid))


def follow(aid: Wegwijzer, code: str) -> Path | None:
    """The path a URL code describes, or None when it does not end in an advice.

    Walks only the answers the code names, so it costs the length of the code, not the tree.
    """
    questions = by_id(aid.questions)
    question = questions.get(aid.start)
    parts = code.split(".") if code else []
    trail: tuple[Choice, ...] = ()
    current: str | None = None
    for n, part in enumerate(parts):
        if question is None or not part.isdigit() or str(int(part)) != part or int(part) >= len(question.answers):
            return None
        index = int(part)
        answer = question.answers[index]
        trail += (Choice(question, index, answer),)
        current = answer.current or current
        if answer.outcome is not None:
            return Path(trail, answer.outcome, current) if n == len(parts) - 1 else None
        if answer.next is None or any(c.question.id == answer.next for c in trail):
            return None
        question = questions.get(answer.next)
    return None
