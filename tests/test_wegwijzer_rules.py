"""The wegwijzer names the never-skip rules with its advice, in the browser as without script.

The page's data carries the rules once (`data.rules.texts`) and, per advice and current
step, which of them to name (`data.rules.ahead`, computed by Python): the script only looks
them up. This pins that both ways give, for every path, the texts Python's `forbidden` gives
for that path's current step and advice.
"""

from __future__ import annotations

from typing import Any

import pytest

from generator.model import LoadedRoute, RuleKind
from generator.wegwijzer.data import forbidden
from generator.wegwijzer.paths import enumerate_paths

from support.wegwijzer import routes_with_wegwijzer

pytestmark = pytest.mark.browser

ROUTES = [r for r in routes_with_wegwijzer() if any(rule.kind is RuleKind.NEVER_SKIP for rule in r.route.rules)]


def test_some_route_has_a_never_skip_rule_and_a_wegwijzer() -> None:
    assert ROUTES


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_every_advice_names_the_rules_of_its_path(page: Any, site_url: str, recorder: Any, loaded: LoadedRoute) -> None:
    aid = loaded.route.wegwijzer
    assert aid is not None
    page.goto(f"{site_url}{loaded.slug}/wegwijzer/")
    page.wait_for_selector("[data-testid=vraag]")
    with_rules = 0
    for path in enumerate_paths(aid):
        # the wegwijzer asks "Wie bent u?" first: the advice shows once the hash names the reader
        page.evaluate("code => { location.hash = 'ik=leerkracht&pad=' + code; }", path.code)
        page.wait_for_function("step => { const a = document.querySelector('[data-testid=advies]');"
                               " return a && a.dataset.step === step; }", arg=path.outcome)
        shown = page.locator("[data-testid=advies] .rw-ww-verboden li").all_inner_texts()
        expected = forbidden(loaded, path.outcome, path.current)
        assert shown == expected, (path.code, path.current, path.outcome)
        with_rules += bool(expected)
    assert with_rules, f"{loaded.slug}: geen enkel pad noemt een regel; de test bewijst dan niets"
    assert recorder.page_errors == []


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_without_javascript_each_advice_names_the_rules_up_to_it(new_page: Any, site_url: str,
                                                                 loaded: LoadedRoute) -> None:
    page = new_page(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}{loaded.slug}/wegwijzer/")
    aid = loaded.route.wegwijzer
    assert aid is not None
    outcomes = {a.outcome for q in aid.questions for a in q.answers if a.outcome}
    for step in outcomes:
        shown = page.locator(f"[id='ww-advies-{step}'] .rw-ww-verboden li").all_inner_texts()
        assert shown == forbidden(loaded, step, None), step
