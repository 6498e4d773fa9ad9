"""Synthetic, valid routes of realistic size, for measuring build time and page weight.

A real route has 5–12 steps, about 10 roles, 20 documents, a wegwijzer of a few dozen
questions and herkenning phrases per step. These routes have that shape with generated
Dutch-looking text, so a build of 150 of them behaves like a build of 150 real routes.
Deterministic: the same N and seed give the same files.

    python benchmarks/synth.py 50 /tmp/routes
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

WORDS = ("leerling leerkracht ouders school ondersteuning intern begeleider groep plan doelen gesprek "
         "evaluatie zorgen signalen aanpak extra instructie handelingsplan observatie toetsen resultaten "
         "ontwikkeling gedrag sociaal emotioneel lezen rekenen taal spelling aandacht werkhouding motivatie "
         "samenwerking afspraken overleg team deskundige orthopedagoog arrangement perspectief uitstroom "
         "niveau basis passend onderwijs samenwerkingsverband toelaatbaarheid verklaring speciaal "
         "bespreking vastleggen dossier termijn weken maanden periode stap fase verslag advies").split()

QUESTION_COUNT = 30


def sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize() + "."


def route_data(index: int, rng: random.Random) -> dict[str, Any]:
    """One route: 7–12 steps, 10 roles, 20 documents, a 30-question wegwijzer."""
    n_steps = rng.randint(7, 12)
    steps = [f"stap-{i + 1}" for i in range(n_steps)]
    roles = [f"rol-{i + 1}" for i in range(10)]
    documents = [f"document-{i + 1}" for i in range(20)]
    tiers = ["basis", "extra", "speciaal"]

    def step(i: int) -> dict[str, Any]:
        moves = []
        if i + 1 < n_steps:
            moves.append({"naar": steps[i + 1], "soort": "opschalen", "voorwaarde": sentence(rng)})
        if i > 0:
            moves.append({"naar": steps[i - 1], "soort": "afschalen", "voorwaarde": sentence(rng)})
        return {
            "id": steps[i], "label": f"Stap {i + 1}", "titel": sentence(rng, 3, 6).rstrip("."),
            "niveau": tiers[min(2, i * 3 // n_steps)],
            **({"start": True} if i == 0 else {}), **({"eind": True} if i == n_steps - 1 else {}),
            "samenvatting": sentence(rng),
            "omschrijving": [sentence(rng, 20, 40) for _ in range(rng.randint(2, 4))],
            "doel": [sentence(rng)],
            "signalen": [sentence(rng) for _ in range(3)],
            "acties": [sentence(rng) for _ in range(4)] + [{"tekst": sentence(rng), "punten": [sentence(rng), sentence(rng)]}],
            "rollen": [{"rol": r, "verantwoordelijkheid": rng.choice(["eindverantwoordelijk", "regie", "doet-mee",
                                                                         "wordt-geinformeerd"]),
                        "taken": [sentence(rng) for _ in range(2)]} for r in rng.sample(roles, 4)],
            "ouders": {"punten": [{"soort": "gesprek", "tekst": sentence(rng)}, {"soort": "geinformeerd", "tekst": sentence(rng)}],
                       "eenvoudig": sentence(rng)},
            "documenten": [{"document": d, "handeling": "opstellen", "wie": rng.sample(roles, 2),
                            "termijn": "binnen zes weken", "inhoud": [sentence(rng), sentence(rng)]}
                           for d in rng.sample(documents, 3)],
            "termijnen": [sentence(rng)],
            "evaluatie": [sentence(rng)],
            "opmerkingen": [sentence(rng)],
            "overgangen": moves,
            "herkenning": [sentence(rng, 5, 10).rstrip(".").lower() for _ in range(5)],
        }

    outcome_counter = iter(range(10_000))

    def question(q: int) -> dict[str, Any]:
        answers = []
        for child in (2 * q + 1, 2 * q + 2):
            target = ({"volgende": f"vraag-{child}"} if child < QUESTION_COUNT
                      else {"advies": steps[next(outcome_counter) % n_steps]})
            answers.append({"tekst": sentence(rng, 3, 7), **target, "toelichting": sentence(rng)})
        return {"id": f"vraag-{q}", "vraag": sentence(rng, 6, 12).rstrip(".") + "?", "hint": sentence(rng), "antwoorden": answers}

    return {
        "titel": f"Ondersteuningsroute synthetische school {index}",
        "soort": "school",
        "organisatie": {"naam": f"Basisschool Synthese {index}", "samenwerkingsverband": "SWV Proefland"},
        "bron": {"titel": "Synthetisch brondocument", "versie": "versie 1", "datum": "mei 2026"},
        "ondersteuningsplan": "2026-2030",
        "versie": "1.0",
        "datum": "2026-05-01",
        "wijzigingen": [{"versie": "1.0", "datum": "2026-05-01", "tekst": "Eerste versie."}],
        "inleiding": [sentence(rng, 20, 40) for _ in range(3)],
        "niveaus": [{"id": t, "naam": t.capitalize() + "ondersteuning", "omschrijving": sentence(rng)} for t in tiers],
        "rollen": [{"id": r, "naam": f"Rol {i + 1} " + rng.choice(WORDS), "omschrijving": sentence(rng)}
                   for i, r in enumerate(roles)],
        "documenten": [{"id": d, "naam": f"Document {i + 1} " + rng.choice(WORDS), "omschrijving": sentence(rng)}
                       for i, d in enumerate(documents)],
        # On the last step: the wegwijzer's advice may point anywhere without skipping it.
        "regels": [{"id": "laatste-stap-niet-overslaan", "soort": "nooit-overslaan", "stap": steps[-1],
                    "tekst": f"Stap {n_steps} kan nooit overgeslagen worden."}],
        "begrippen": [{"term": rng.choice(WORDS).capitalize(), "uitleg": sentence(rng)} for _ in range(8)],
        "stappen": [step(i) for i in range(n_steps)],
        "wegwijzer": {"start": "vraag-0", "vragen": [question(q) for q in range(QUESTION_COUNT)]},
    }


def write_routes(count: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write `count` routes as synthese-NNN.yaml into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(1, count + 1):
        path = folder / f"synthese-{index:03d}.yaml"
        text = yaml.safe_dump(route_data(index, rng), allow_unicode=True, sort_keys=False, width=100)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    written = write_routes(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(written)} routes geschreven naar {sys.argv[2]}")
