"""Routes for tests: the real ones in routes/ (loaded once), the starter route, and small
test routes, all through the real loader or the real model.

Tests that break routes on purpose start from text that is known to be valid, so a
failing assertion points at the checker, not at the example. `route_data()` gives a valid
route as the Dutch-keyed dict a YAML file would hold, with every step field filled in, so a
renderer that drops a field makes a test fail.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.load import load_routes, parse_route
from generator.model import LoadedRoute, Route
from generator.context import SiteContext
from generator.layout import Layout

from .paths import DATA, ROUTES, STARTER

STARTER_NAME = "De Regenboog"
STARTER_DATE = "2026-08-01"


def starter_text(name: str = STARTER_NAME, date: str = STARTER_DATE) -> str:
    """The starter route as `routewijzer new` writes it (same two placeholders)."""
    return (STARTER.read_text(encoding="utf-8")
            .replace("{{ naam }}", name.replace('"', "'"))
            .replace("{{ vandaag }}", date))


def real_route_files() -> list[Path]:
    """The route files in routes/ (not the temporary zz-* files helpers use while working)."""
    return sorted(p for p in ROUTES.glob("*.yaml") if not p.name.startswith("zz-"))


@lru_cache(maxsize=1)
def site_routes() -> tuple[LoadedRoute, ...]:
    """Every route the site is built from: all of routes/, work-in-progress files included."""
    routes, problems = load_routes([ROUTES])
    assert not problems, "\n".join(str(p) for p in problems)
    return tuple(routes)


def real_routes() -> tuple[LoadedRoute, ...]:
    """The real routes (from the source documents), without zz-* work files; loaded once."""
    return tuple(r for r in site_routes() if not r.slug.startswith("zz-"))


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after `start` that contains `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} staat niet in de tekst")


def handbook_route() -> LoadedRoute:
    """tests/data/handbook_route.yaml (every transition kind, hostile text), slug 'testroute'."""
    raw = (DATA / "handbook_route.yaml").read_bytes()
    return parse_route(raw, "tests/data/handbook_route.yaml", "testroute")


def starter_route() -> LoadedRoute:
    """The starter route as `routewijzer new` writes it, slug 'regenboog'."""
    return parse_route(starter_text().encode("utf-8"), "routes/regenboog.yaml", "regenboog")


def context(*routes: LoadedRoute, prefix: str = "") -> SiteContext:
    """A site of `routes` (default: the handbook test route and the starter route)."""
    return SiteContext(routes=tuple(routes) or (handbook_route(), starter_route()), layout=Layout(prefix=prefix))


_BASE: dict[str, Any] = {
    "titel": "Testroute",
    "soort": "school",
    "organisatie": {"naam": "De Testschool"},
    "bron": {"titel": "Testbron"},
    "versie": "1.0",
    "datum": "2026-01-01",
    "niveaus": [{"id": "basis", "naam": "Basis"}, {"id": "extra", "naam": "Extra ondersteuning"}],
    "rollen": [
        {"id": "leerkracht", "naam": "Leerkracht", "omschrijving": "De leerkracht van de groep."},
        {"id": "ib", "naam": "Intern begeleider", "afkorting": "IB", "omschrijving": "Coördineert.",
         "herkomst": "Uit de woordenlijst."},
        {"id": "directeur", "naam": "Directeur", "omschrijving": "Leidt de school."},
    ],
    "documenten": [
        {"id": "opp", "naam": "Ontwikkelingsperspectief", "afkorting": "OPP", "omschrijving": "Plan met doelen.",
         "vastgelegd-in": "ParnasSys", "herkomst": "Uit de wet."},
        {"id": "verslag", "naam": "Verslag", "omschrijving": "Verslag van het gesprek."},
    ],
    "regels": [
        {"id": "r-skip", "soort": "nooit-overslaan", "stap": "stap-2", "tekst": "Stap 2 mag nooit overgeslagen worden."},
        {"id": "r-elk", "soort": "bij-elke-stap", "tekst": "Ouders zijn bij elke stap betrokken.",
         "punten": ["Ouders krijgen altijd een verslag."]},
        {"id": "r-alg", "soort": "algemeen", "tekst": "Een algemene regel voor het overzicht."},
    ],
    "stappen": [
        {
            "id": "stap-1", "label": "Stap 1", "titel": "Signaleren", "niveau": "basis", "start": True,
            "samenvatting": "De leerkracht signaleert.",
            "omschrijving": ["Eerste alinea van de omschrijving.", "Tweede alinea van de omschrijving."],
            "doel": ["Vroeg signaleren."],
            "signalen": ["De leerling loopt achter."],
            "acties": ["Observeren in de klas.", {"tekst": "Overleggen", "punten": ["met de duo-collega"]}],
            "rollen": [
                {"rol": "ib", "verantwoordelijkheid": "wordt-geinformeerd"},
                {"rol": "leerkracht", "verantwoordelijkheid": "eindverantwoordelijk", "taken": ["Voert de interventies uit."]},
            ],
            "ouders": {"punten": [
                {"soort": "geinformeerd", "tekst": "Ouders horen wat de leerkracht ziet."},
                {"soort": "gesprek", "tekst": "De leerkracht nodigt ouders uit voor een gesprek."},
                {"soort": "toestemming", "tekst": "Ouders geven toestemming voor observatie."},
            ], "eenvoudig": "De leerkracht vertelt u wat er extra gebeurt."},
            "documenten": [{"document": "verslag", "handeling": "opstellen", "wie": ["leerkracht"],
                            "termijn": "binnen twee weken", "inhoud": ["Beeld van de leerling",
                                                                        {"tekst": "Afspraken", "punten": ["met ouders"]}]}],
            "vastleggen": ["Het gesprek komt in het leerlingvolgsysteem."],
            "wettelijk-kader": ["De zorgplicht geldt."],
            "termijnen": ["Evaluatie na zes weken."],
            "evaluatie": ["De leerkracht evalueert na zes weken."],
            "per-betrokkene": [{"betrokkene": "Leerling", "doel": ["Rust in de klas."],
                                "middel-inleiding": "Bijvoorbeeld:", "middel": ["Een koptelefoon."]}],
            "onderdelen": [
                {"soort": "procedure", "titel": "Werkwijze", "tekst": "Zo werkt het.",
                 "punten": ["Eerst kijken.", "Dan plannen."], "slot": "Daarna evalueren."},
                {"soort": "vragen", "titel": "Vragen aan ouders",
                 "punten": [{"tekst": "Hoe gaat het thuis?", "punten": ["Slaapt het kind goed?"]}]},
                {"soort": "opmerking", "titel": "Let op", "tekst": "Bij kleuters anders."},
            ],
            "opmerkingen": ["Deze stap kan vaker doorlopen worden."],
            "overgangen": [{"naar": "stap-2", "soort": "opschalen", "voorwaarde": "Te weinig effect.",
                            "label": "te weinig effect"}],
            "herkenning": ["ik maak me zorgen"],
        },
        {
            "id": "stap-2", "label": "Stap 2", "titel": "Bespreken met IB", "niveau": "extra",
            "samenvatting": "Leerkracht en IB bespreken de leerling.",
            "rollen": [{"rol": "ib", "verantwoordelijkheid": "regie", "taken": ["Plant het gesprek."]},
                       {"rol": "leerkracht", "verantwoordelijkheid": "doet-mee"}],
            "ouders": {"punten": [{"soort": "instemming", "tekst": "Ouders stemmen in met het handelingsdeel."}]},
            "documenten": [{"document": "opp", "handeling": "opstellen", "wie": ["ib"], "termijn": "binnen zes weken"}],
            "overgangen": [{"naar": "stap-3", "soort": "vervolg", "voorwaarde": "Het plan is klaar."},
                           {"naar": "stap-1", "soort": "afschalen", "voorwaarde": "Het werkt weer."}],
        },
        {
            "id": "stap-3", "label": "Stap 3", "titel": "Uitvoeren", "niveau": "extra", "eind": True,
            "samenvatting": "Het plan wordt uitgevoerd.",
            "overgangen": [{"naar": "stap-2", "soort": "terug", "voorwaarde": "Het plan moet anders."}],
        },
    ],
}


def route_data() -> dict[str, Any]:
    """A fresh, valid route dict (every step field filled in) that tests may change."""
    return copy.deepcopy(_BASE)


def loaded(data: dict[str, Any] | None = None, slug: str = "test-route") -> LoadedRoute:
    """A LoadedRoute from a route dict (validated by the model, not by the graph checks)."""
    return LoadedRoute(slug=slug, path=f"routes/{slug}.yaml", route=Route.model_validate(data or route_data()))
