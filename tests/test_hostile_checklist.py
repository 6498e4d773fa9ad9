"""Checklist ticks stay on their item when the route changes, and stay on their own site.

Ticks used to be stored by position (`vastleggen-2`), so adding a line to a step moved
every later tick to another item; and the storage key held only the route and step, so two
Routewijzer sites on one host (two SWVs under one domain) shared their ticks.
"""

from __future__ import annotations

import os
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import serve
from support.routes import starter_text

pytestmark = pytest.mark.browser

RECORDS = ["Het verslag staat in ParnasSys.", "De afspraken met ouders staan in het dossier."]


def _route(edited: bool) -> str:
    data = typing.cast(dict[str, Any], yaml.safe_load(starter_text()))
    data["documenten"].append({"id": "groeidocument", "naam": "Groeidocument",
                               "omschrijving": "Het document waarin de ondersteuning groeit."})
    step = next(s for s in data["stappen"] if s["id"] == "stap-2")
    uses = [{"document": "opp", "handeling": "opstellen", "wie": ["intern-begeleider"]},
            {"document": "groeidocument", "handeling": "bijwerken", "wie": ["intern-begeleider"]}]
    records = list(RECORDS)
    if edited:  # a new first line for each kind, and the documents in the other order
        uses = [{"document": "groeidocument", "handeling": "openen", "wie": ["leerkracht"]}] + uses[::-1]
        records = ["Nieuw: de handtekening van ouders."] + records
    step["documenten"] = uses
    step["vastleggen"] = records
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


@pytest.fixture(scope="module")
def versions(routes_site: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {name: routes_site(f"checklist-{name}", {"school.yaml": _route(edited)})
             for name, edited in (("oud", False), ("nieuw", True))}
    www = tmp_path_factory.mktemp("checklist") / "www"
    www.mkdir()
    built["www"] = www
    return built


def _ticked(page: Any) -> list[str]:
    return page.locator(".rw-checklist input:checked").evaluate_all(
        "els => els.map(e => e.labels[0].textContent.replace(/\\s+/g, ' ').trim())")


def _point(www: Path, name: str, target: Path) -> None:
    link = www / name
    if link.is_symlink():
        link.unlink()
    os.symlink(target, link)


def test_ticks_follow_their_item_after_the_route_changes(versions: dict[str, Path], page: Any) -> None:
    www = versions["www"]
    _point(www, "swv", versions["oud"])
    with serve(www) as root:
        url = f"{root}/swv/school/documenten/"
        page.goto(url)
        step = page.locator("fieldset[data-rw-step=stap-2]")
        labels = step.locator("label").all_inner_texts()
        assert len(labels) == 4
        for text in ("Groeidocument: bijwerken", RECORDS[1]):
            step.locator("label", has_text=text).click()
        before = _ticked(page)
        assert len(before) == 2
        _point(www, "swv", versions["nieuw"])
        page.reload()
        step = page.locator("fieldset[data-rw-step=stap-2]")
        assert step.locator("label").count() == 6, "de nieuwe versie van de route wordt niet getoond"
        assert _ticked(page) == before, "vinkjes zijn na een wijziging van de route naar andere regels verschoven"


def test_two_sites_on_one_host_keep_their_own_ticks(versions: dict[str, Path], page: Any) -> None:
    www = versions["www"]
    _point(www, "een", versions["oud"])
    _point(www, "twee", versions["oud"])
    with serve(www) as root:
        page.goto(f"{root}/een/school/stappen/stap-1/")
        page.evaluate("localStorage.clear()")
        # Instant navigation to the checklist: the key must still name this site's path.
        page.locator('.md-nav a[href$="school/documenten/"]').first.click()
        page.wait_for_url("**/een/school/documenten/")
        page.locator("fieldset[data-rw-step=stap-2] input[type=checkbox]").first.check()
        keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('routewijzer:checklist:'))")
        assert keys == ["routewijzer:checklist:/een/:school:stap-2"], keys
        page.goto(f"{root}/twee/school/documenten/")
        assert _ticked(page) == [], "de vinkjes van de ene site staan ook op de andere"
        page.goto(f"{root}/een/school/documenten/")
        assert len(_ticked(page)) == 1
