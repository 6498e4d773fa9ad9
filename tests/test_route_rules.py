"""House rules every real route keeps, beyond what the validator enforces.

These replace the per-route checks of the former test_route_content_* files that were not
about one source document's sentences (those are the citation check's job): the wegwijzer's
free-text search needs recognition phrases on every step, the parents' page and the
wegwijzer need a plain-language text for parents, and every advice explains itself.
"""

from __future__ import annotations

import pytest

from generator.model import LoadedRoute

from support.routes import real_routes

ROUTES = real_routes()
IDS = [r.slug for r in ROUTES]


def test_there_are_real_routes() -> None:
    assert len(ROUTES) >= 5, [r.slug for r in ROUTES]


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_every_step_has_recognition_phrases(loaded: LoadedRoute) -> None:
    """Between four and eight 'herkenning' phrases: enough for the search, few enough to read."""
    wrong = {s.id: len(s.phrases) for s in loaded.route.steps if not 4 <= len(s.phrases) <= 8}
    assert not wrong, f"{loaded.slug}: aantal herkenningszinnen buiten 4–8: {wrong}"


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_every_step_tells_parents_in_plain_language(loaded: LoadedRoute) -> None:
    missing = [s.id for s in loaded.route.steps if s.parents is None or not s.parents.plain]
    assert not missing, f"{loaded.slug}: geen 'eenvoudig' voor ouders bij {missing}"


@pytest.mark.parametrize("loaded", [r for r in ROUTES if r.route.wegwijzer], ids=[r.slug for r in ROUTES if r.route.wegwijzer])
def test_wegwijzer_questions_are_short_and_every_advice_says_why(loaded: LoadedRoute) -> None:
    aid = loaded.route.wegwijzer
    assert aid is not None
    for question in aid.questions:
        assert 2 <= len(question.answers) <= 4, f"{loaded.slug}: {question.id} heeft {len(question.answers)} antwoorden"
        for answer in question.answers:
            assert answer.outcome is None or answer.reason, f"{loaded.slug}: {question.id} → {answer.text!r} zonder toelichting"


def test_the_real_routes_have_a_wegwijzer() -> None:
    assert [r.slug for r in ROUTES if r.route.wegwijzer is None] == []
