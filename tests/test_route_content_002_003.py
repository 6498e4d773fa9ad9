"""Content tests for the routes taken from seeds 002 and 003.

These pin concrete facts of the two source documents to the route files, so an edit that
drops a step, a branch, a document, a role's regie or a deadline fails here — not only
when someone happens to compare the handbook with the PDF.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from generator.load import load_route
from generator.model import LoadedRoute, ParentPart, Responsibility, RuleKind, Step, SubItem, TransitionKind

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")


@cache
def rok() -> LoadedRoute:
    return load_route(ROOT / "routes" / "stappenplan-rok.yaml")


@cache
def ijb() -> LoadedRoute:
    return load_route(ROOT / "routes" / "ijssel-berkel.yaml")


def normalise(text: str) -> str:
    """Collapse whitespace, so line breaks of the PDF text and of YAML do not matter."""
    return re.sub(r"\s+", " ", text).strip()


def all_text(node: object) -> str:
    """Every string anywhere in the route, joined; used to find source sentences."""
    parts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(node.model_dump(mode="json"))  # type: ignore[attr-defined]
    return normalise(" \n ".join(parts))


def step_text(step: Step) -> str:
    return all_text(step)


def role_level(step: Step, role: str) -> Responsibility | None:
    return next((p.responsibility for p in step.roles if p.role == role), None)


def role_tasks(step: Step, role: str) -> str:
    return normalise(" ".join(t for p in step.roles if p.role == role for t in p.tasks))


# ---------------------------------------------------------------------------
# Seed 002: Ondersteuningstraject stappenplan
# ---------------------------------------------------------------------------


def test_002_metadata() -> None:
    route = rok().route
    assert route.kind.value == "school"
    assert route.source.file == "002_f017ece01424cf19.txt"
    assert "naam" in route.organisation.name.lower() and "niet" in route.organisation.name
    assert route.organisation.note and "niet in het document" in route.organisation.note
    assert "ParnasSys" in route.organisation.note and "Kindkans" in route.organisation.note
    # 1.1: the issue 11 corrections, recorded in the change log.
    assert route.version == "1.1" and route.date == "2026-12-01" and len(route.changelog) == 2


def test_002_jeugdhulp_regie_keeps_its_condition_and_vooroverleg_is_with_both() -> None:
    """Issue 11: the source binds jeugdhulp's regie to a condition, and the vooroverleg before
    opschalen is "met de schoolbegeleider en de onderwijskundig medewerker" (not one with the other)."""
    loaded = rok()
    jeugdhulp = next(p for p in loaded.step("zorgoverleg").roles if p.role == "jeugdhulp")
    assert jeugdhulp.condition and "grote beïnvloedbare factor in de thuissituatie" in jeugdhulp.condition
    school = loaded.step("basisondersteuning-school")
    assert school.parents and school.parents.plain
    assert "overlegt de schoolbegeleider eerst" not in school.parents.plain
    assert "met de schoolbegeleider en de onderwijskundig medewerker" in normalise(school.parents.plain)


def test_002_steps_in_source_order() -> None:
    route = rok().route
    assert [s.id for s in route.steps] == [
        "basisondersteuning-klas", "zorgoverleg", "mdo", "basisondersteuning-school",
        "rok", "tlv-aanvraag", "tlv",
    ]
    assert [s.label for s in route.steps] == [
        "Basisondersteuning in de klas", "Zorgoverleg", "MDO",
        "Basisondersteuning in de school", "a. Opschalen ROK",
        "b. Opschalen toelaatbaarheidsverklaring (TLV)", "TLV",
    ]
    titles = [s.title for s in route.steps]
    assert titles[2] == "Multi Disciplinair Overleg"
    assert [s.id for s in route.steps if s.start] == ["basisondersteuning-klas"]
    assert {s.id for s in route.steps if s.end} == {"rok", "tlv"}


def test_002_escalation_chain() -> None:
    loaded = rok()
    klas, zorg = loaded.step("basisondersteuning-klas"), loaded.step("zorgoverleg")
    up = [t for t in klas.transitions if t.kind is TransitionKind.UP]
    assert [t.to for t in up] == ["zorgoverleg"]
    assert "weinig of geen resultaat" in up[0].condition
    up = [t for t in zorg.transitions if t.kind is TransitionKind.UP]
    assert [t.to for t in up] == ["mdo"]
    assert "afstemming voor het kind op groepsniveau onvoldoende" in normalise(up[0].condition)
    assert [t.to for t in loaded.step("mdo").transitions] == ["basisondersteuning-school"]
    assert [t.to for t in loaded.step("tlv-aanvraag").transitions] == ["tlv"]


def test_002_scaling_transitions_at_basisondersteuning_in_de_school() -> None:
    school = rok().step("basisondersteuning-school")
    by_kind: dict[TransitionKind, list[str]] = {}
    for t in school.transitions:
        by_kind.setdefault(t.kind, []).append(t.to)
    assert by_kind[TransitionKind.REPEAT] == ["basisondersteuning-school", "basisondersteuning-school"]
    assert by_kind[TransitionKind.DOWN] == ["basisondersteuning-klas"]
    assert sorted(by_kind[TransitionKind.BRANCH]) == ["rok", "tlv-aanvraag"]
    conditions = " ".join(normalise(t.condition) for t in school.transitions)
    for word in ("voortzetten", "afschalen", "aanscherpen", "opschalen"):
        assert word in conditions
    labels = {t.to: t.label for t in school.transitions if t.kind is TransitionKind.BRANCH}
    assert labels["rok"] and labels["rok"].startswith("a.")
    assert labels["tlv-aanvraag"] and labels["tlv-aanvraag"].startswith("b.")


def test_002_scaling_rules() -> None:
    rules = rok().route.rules
    scaling = [normalise(r.text) for r in rules if r.kind is RuleKind.SCALING]
    assert "Bij voldoende resultaat van de interventies: interventies voortzetten of afschalen." in scaling
    assert "Bij onvoldoende resultaat van de interventies: interventies aanscherpen of opschalen." in scaling
    assert any(r.startswith("Opschalen kan alleen plaatsvinden als er een vooroverleg") for r in scaling)


def test_002_two_rok_outcomes() -> None:
    step = rok().step("rok")
    outcomes = [b for b in step.blocks if b.kind.value == "mogelijkheden"]
    assert len(outcomes) == 1
    assert outcomes[0].items == [
        "Nieuwe interventies binnen de huidige school op advies vanuit het ROK",
        "Overstap van de leerling naar een andere reguliere school binnen het ROK",
    ]
    # The first outcome leads back into the school, the second ends the route here.
    back = [t for t in step.transitions if t.to == "basisondersteuning-school"]
    assert back and "Nieuwe interventies" in back[0].condition
    assert step.end


def test_002_four_tlv_documents_and_kindkans() -> None:
    loaded = rok()
    step = loaded.step("tlv-aanvraag")
    added = {u.document for u in step.documents if "toevoegen" in u.action}
    assert added == {"opp", "integratief-beeld", "handtekeningenblad", "deskundigenverklaringen"}
    expert = next(u for u in step.documents if u.document == "deskundigenverklaringen")
    assert "twee" in expert.action
    request = next(u for u in step.documents if u.document == "tlv-aanvraag")
    assert "Kindkans" in request.action
    assert next(d for d in loaded.route.documents if d.id == "tlv-aanvraag").where == "Kindkans"
    assert next(d for d in loaded.route.documents if d.id == "leerlingvolgsysteem").where == "ParnasSys"
    tlv = loaded.step("tlv")
    assert role_level(tlv, "samenwerkingsverband") is Responsibility.RESPONSIBLE
    assert [u.by for u in tlv.documents if u.document == "tlv"] == [["samenwerkingsverband"]]


def test_002_who_has_regie_where() -> None:
    loaded = rok()
    zorg, mdo = loaded.step("zorgoverleg"), loaded.step("mdo")
    assert role_level(zorg, "intern-begeleider") is Responsibility.DIRECTION
    assert role_level(zorg, "jeugdhulp") is Responsibility.DIRECTION
    assert "grote beïnvloedbare factor in de thuissituatie" in role_tasks(zorg, "jeugdhulp")
    assert role_level(zorg, "schoolbegeleider") is not Responsibility.DIRECTION
    assert role_level(mdo, "schoolbegeleider") is Responsibility.DIRECTION
    assert role_level(mdo, "intern-begeleider") is not Responsibility.DIRECTION
    assert "onderwijskundig medewerker" in role_tasks(mdo, "schoolbegeleider")
    # Nobody else has regie anywhere in this route.
    regie = {(s.id, p.role) for s in loaded.route.steps for p in s.roles
             if p.responsibility is Responsibility.DIRECTION}
    assert regie == {("zorgoverleg", "intern-begeleider"), ("zorgoverleg", "jeugdhulp"), ("mdo", "schoolbegeleider")}


def test_002_six_weekly_evaluation_with_parents_teacher_ib() -> None:
    mdo = rok().step("mdo")
    evaluation = normalise(" ".join(mdo.evaluation))
    assert "één keer per 6 weken" in evaluation
    for who in ("de ouders", "de leerkracht", "de intern begeleider"):
        assert who in evaluation
    assert "leerlingvolgsysteem" in evaluation
    assert any(u.deadline == "één keer per 6 weken" for u in mdo.documents)
    assert mdo.parents is not None
    assert {i.kind for i in mdo.parents.items} == {ParentPart.TAKES_PART}


def test_002_parents_and_recording() -> None:
    loaded = rok()
    klas = loaded.step("basisondersteuning-klas")
    assert klas.parents and klas.parents.items[0].kind is ParentPart.CONVERSATION
    assert any("ParnasSys" in r for r in klas.records)
    assert any("Kindkans" in r for r in loaded.step("tlv-aanvraag").records)
    for step in loaded.route.steps:
        assert step.parents and step.parents.plain, f"{step.id} mist 'eenvoudig'"
        assert 4 <= len(step.phrases) <= 8, step.id


def test_002_terms_do_not_guess_rok() -> None:
    terms = {t.abbreviation or t.term: t for t in rok().route.terms}
    for abbr in ("MDO", "ROK", "TLV", "OPP", "SBO", "SO", "SMW", "SWV", "Kindkans", "ParnasSys"):
        assert abbr in terms, abbr
    assert "niet voluit" in terms["ROK"].meaning
    assert terms["ROK"].term == "ROK"
    for abbr in ("OPP", "SBO", "SO", "SMW", "SWV", "Kindkans", "ParnasSys"):
        assert terms[abbr].source_note, f"{abbr}: uitleg komt niet uit de bron, dus 'herkomst' is nodig"


# ---------------------------------------------------------------------------
# Seed 003: Samenwerkingsverband IJssel | Berkel
# ---------------------------------------------------------------------------


def test_003_metadata() -> None:
    route = ijb().route
    assert route.kind.value == "samenwerkingsverband"
    assert route.appendix is True and route.plan_period == "2022-2026"
    assert route.source.date == "mei 2022"
    assert route.source.file == "003_ef7095c3940c618f.txt"
    assert "IJssel | Berkel" in route.organisation.name


def test_003_steps_labels_and_split_at_5() -> None:
    loaded = ijb()
    route = loaded.route
    assert [s.id for s in route.steps] == [
        "stap-0", "stap-1", "stap-2", "stap-3", "stap-4", "stap-5a", "stap-5b", "stap-6"]
    titles = {s.id: s.title for s in route.steps}
    assert titles["stap-1"] == "Leerkracht signaleert (nieuwe) ondersteuningsbehoefte kind"
    assert titles["stap-2"] == "Collegiale consultatie"
    assert titles["stap-3"] == "Bespreking ondersteuningsteam op school"
    assert titles["stap-5a"] == "Aanvraag toelaatbaarheidsverklaring (TLV) voor SBO/SO"
    assert titles["stap-5b"] == "Bieden van extra ondersteuning (of plaatsing op nieuwe school)"
    assert titles["stap-6"] == "Volgen en evalueren van de resultaten van het aanbod"
    # Issue 11: stap 5 "Speciale ondersteuning" is 5A (TLV-aanvraag, also straight from the
    # ondersteuningsteam of stap 3) followed by 5B (ondersteuning or plaatsing), not two
    # alternatives after stap 4.
    assert sorted(t.to for t in loaded.step("stap-3").transitions) == ["stap-4", "stap-5a"]
    assert sorted(t.to for t in loaded.step("stap-4").transitions) == ["stap-5a", "stap-6"]
    assert [t.to for t in loaded.step("stap-5a").transitions] == ["stap-5b"]
    assert [t.to for t in loaded.step("stap-5b").transitions] == ["stap-6"]
    # The arrows the text version lost are marked as derived, not passed off as the source's.
    assert all(t.derived for t in loaded.step("stap-5a").transitions + loaded.step("stap-5b").transitions)
    assert [s.id for s in route.steps if s.end] == ["stap-6"]
    # The explanation headings of the text part start the summaries.
    assert loaded.step("stap-1").summary.startswith("Signaleren van ondersteuningsbehoeften")
    assert loaded.step("stap-5a").summary.startswith("Speciale ondersteuning")


def test_003_three_tiers_per_step() -> None:
    route = ijb().route
    assert [t.name for t in route.tiers] == ["Basisondersteuning", "Extra ondersteuning", "Speciale ondersteuning"]
    assert {s.id: s.tier for s in route.steps} == {
        "stap-0": "basis", "stap-1": "basis", "stap-2": "basis", "stap-3": "extra",
        "stap-4": "extra", "stap-5a": "speciaal", "stap-5b": "speciaal", "stap-6": "extra",
    }


def test_003_rules_for_every_step_and_voorschools() -> None:
    route = ijb().route
    every = [r for r in route.rules if r.kind is RuleKind.EVERY_STEP]
    assert len(every) == 1
    assert every[0].items == ["Overleg en samenwerking met alle betrokkenen",
                              "Volgen en evalueren van de resultaten van het aanbod."]
    assert any(b.title == "Voorschoolse voorzieningen – signaleren en preventie" for b in route.blocks)


def test_003_fixed_participants_of_ondersteuningsteam() -> None:
    step = ijb().step("stap-3")
    members = next(b for b in step.blocks if b.id == "vaste-deelnemers").items
    assert members == ["ouders", "leerkracht", "intern begeleider", "onderwijscoach",
                       "gezinscoach (of andere vertegenwoordiger vanuit jeugdhulp/gemeente)"]
    for role in ("ouders", "leerkracht", "intern-begeleider", "onderwijscoach", "gezinscoach"):
        assert "Vaste deelnemer" in role_tasks(step, role), role
    requesters = [p.role for p in step.roles if "aanvragen" in " ".join(p.tasks)]
    assert sorted(requesters) == ["kernpartners", "ouders", "school"]


def test_003_question_list_with_nested_sub_questions() -> None:
    block = next(b for b in ijb().step("stap-3").blocks if b.kind.value == "vragen")
    assert len(block.items) == 7
    assert block.items[0] == "Wat zijn de ondersteuningsbehoeften van het kind?"
    assert block.items[-1] == "Wat wordt wanneer en hoe geëvalueerd?"
    nested = [i for i in block.items if isinstance(i, SubItem)]
    assert len(nested) == 1 and nested[0].text == "Wie doet wat wanneer?"
    assert nested[0].items == [
        "Wat zijn de ondersteuningsmogelijkheden van de school en het schoolbestuur?",
        "Welke extra ondersteuning is aanvullend vanuit het SWV nodig?",
        "Welke ondersteuning is eventueel vanuit de gemeente/jeugdhulp nodig?",
    ]


def test_003_extra_support_opp_and_consent() -> None:
    step = ijb().step("stap-4")
    assert step.parents is not None
    consent = [i for i in step.parents.items if i.kind is ParentPart.CONSENT]
    assert consent and "instemmingsrecht op het handelingsdeel" in consent[0].text
    assert "ontwikkelingsperspectief verplicht" in step_text(step)
    prepared = next(u for u in step.documents if u.document == "aanvraag-extra-ondersteuning")
    assert prepared.by == ["ondersteuningsteam"]


def test_003_tlv_via_ondersteuningsteam_from_swv() -> None:
    step = ijb().step("stap-5a")
    assert "toelaatbaarheidsverklaring van het SWV nodig" in step_text(step)
    assert "via het ondersteuningsteam op school" in step_text(step)
    assert role_level(step, "samenwerkingsverband") is Responsibility.RESPONSIBLE


def test_003_casuscoordinator_and_yearly_opp_evaluation() -> None:
    step = ijb().step("stap-6")
    assert role_level(step, "casuscoordinator") is Responsibility.DIRECTION
    assert "informeert regelmatig alle betrokkenen" in role_tasks(step, "casuscoordinator").lower()
    assert "aangewezen" in step_text(step) and "ondersteuningsteam" in step_text(step)
    assert any("Minimaal eenmaal per jaar" in e and "met de ouders" in e for e in step.evaluation)
    opp = next(u for u in step.documents if u.document == "opp")
    assert opp.deadline == "minimaal eenmaal per jaar" and opp.by == ["school"]


def test_003_parents_and_phrases() -> None:
    for step in ijb().route.steps:
        assert step.parents and step.parents.plain, f"{step.id} mist 'eenvoudig'"
        assert 4 <= len(step.phrases) <= 8, step.id


# ---------------------------------------------------------------------------
# Key source sentences must appear verbatim (up to whitespace) in the routes
# ---------------------------------------------------------------------------

SENTENCES_002 = [
    "Algemene zorg voor kinderen zonder specifieke problemen.",
    "Geldt voor 80-85% van de leerlingen in de klas.",
    "Iedere interventie op het individuele kind wordt overlegd met ouders.",
    "Alle interventies, acties en evaluaties (van de leerkracht, ouders e.a.) worden vastgelegd door middel "
    "van het invullen van het leerlingvolgsysteem in ParnasSys.",
    "Bij een opschaling naar het zorgoverleg vindt er altijd een gesprek plaats met de ouders en de schoolbegeleider.",
    "De intern begeleider heeft de regie tijdens dit proces.",
    "Wanneer er sprake is van een grote beïnvloedbare factor in de thuissituatie wordt de regie gevoerd door jeugdhulp.",
    "De schoolbegeleider heeft de regie tijdens dit gesprek en heeft tevens contact met de onderwijskundig medewerker.",
    "De ingezette interventies en acties worden één keer per 6 weken geëvalueerd met in ieder geval de ouders, "
    "de leerkracht en de intern begeleider en dit wordt genoteerd in het leerlingvolgsysteem.",
    "Opschalen kan alleen plaatsvinden als er een vooroverleg heeft plaatsgevonden met de schoolbegeleider "
    "en de onderwijskundig medewerker.",
    "Terugkoppeling van het besluit aan ouders vindt plaats in een overleg met leerkracht, intern begeleider "
    "en schoolbegeleider.",
    "Het toevoegen van de juiste documenten aan de aanvraag: OPP, integratief beeld, handtekeningenblad, "
    "twee deskundigenverklaringen.",
    "Het samenwerkingsverband zorgt voor de afgifte van de TLV voor de speciale onderwijssetting.",
]

SENTENCES_003 = [
    "Ons SWV kent een hoog niveau van de basisondersteuning, waarbij scholen handelings- en opbrengstgericht werken.",
    "Leerkrachten betrekken ouders als ervaringsdeskundige en hebben regelmatig contact met ouders over de "
    "ontwikkeling van het kind.",
    "Leerkrachten bespreken de signalen met één of meerdere collega’s, zoals de intern begeleider.",
    "Het overleg geeft de leerkracht handvatten voor het bieden van lichte ondersteuning.",
    "Zowel school, ouders als kernpartners kunnen een overleg van dit team aanvragen.",
    "Vaste deelnemers zijn: ouders, leerkracht, intern begeleider, onderwijscoach, en gezinscoach (of andere "
    "vertegenwoordiger vanuit jeugdhulp/gemeente).",
    "De aanvraag van extra ondersteuning wordt voorbereid door het ondersteuningsteam op school.",
    "Ouders hebben instemmingsrecht op het handelingsdeel van het ontwikkelingsperspectief.",
    "Voor plaatsing op een speciale school is een toelaatbaarheidsverklaring van het SWV nodig.",
    "Ook deze aanvraag verloopt via het ondersteuningsteam op school.",
    "Minimaal eenmaal per jaar evalueert de school het ontwikkelingsperspectief met de ouders.",
    "Welke extra ondersteuning is aanvullend vanuit het SWV nodig?",
]


def seed_text(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"brondocument {path} ontbreekt")
    return normalise(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sentence", SENTENCES_002)
def test_002_source_sentence_in_route(sentence: str) -> None:
    # The sentence really is in the seed (guards against a typo in this list) ...
    assert normalise(sentence) in seed_text("002_f017ece01424cf19.txt")
    # ... and in the route's text fields.
    assert normalise(sentence) in all_text(rok().route)


@pytest.mark.parametrize("sentence", SENTENCES_003)
def test_003_source_sentence_in_route(sentence: str) -> None:
    assert normalise(sentence) in seed_text("003_ef7095c3940c618f.txt")
    assert normalise(sentence) in all_text(ijb().route)
