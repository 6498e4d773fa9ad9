"""Small routes built in code for the handbook renderer tests (no files, no build).

`route_data()` gives a valid route as the Dutch-keyed dict a YAML file would hold, with
every step field filled in, so a renderer that drops a field makes a test fail.
"""

from __future__ import annotations

import copy
from html.parser import HTMLParser
from typing import Any

import markdown
from pydantic import BaseModel

from generator.model import LoadedRoute, Route
from generator.pages.base import SiteContext

EXTENSIONS = ["attr_list", "md_in_html", "toc"]

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
    """A fresh, valid route dict that tests may change."""
    return copy.deepcopy(_BASE)


def loaded(data: dict[str, Any] | None = None, slug: str = "test-route") -> LoadedRoute:
    """A LoadedRoute from a route dict (validated by the model, not by the graph checks)."""
    return LoadedRoute(slug=slug, path=f"routes/{slug}.yaml", route=Route.model_validate(data or route_data()))


def context(*routes: LoadedRoute) -> SiteContext:
    return SiteContext(routes=tuple(routes))


def to_html(content: str) -> str:
    """What MkDocs would make of a generated page (the Markdown extensions of mkdocs.yml)."""
    return markdown.markdown(content, extensions=EXTENSIONS)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees, whitespace folded."""
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def texts(node: object, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(field, text) for every string in a model tree, except enum values and skipped fields."""
    found: list[tuple[str, str]] = []
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name not in skip:
                found.extend((f"{name}.{p}" if p else name, t) for p, t in texts(getattr(node, name), skip))
    elif isinstance(node, list):
        for item in node:
            found.extend(texts(item, skip))
    elif isinstance(node, str) and not hasattr(node, "value"):
        found.append(("", node))
    return found
