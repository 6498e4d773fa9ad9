"""Content of the routes taken from seeds 000 (De Springschans) and 001 (PPO/AED levels).

These tests pin facts of the two source documents, so an edit of a route file that drops
or changes a step, a responsibility, a criterion or a key sentence of the source fails
here. Key sentences are copied from the seed text; the only changes are the PDF-extraction
fixes listed in `PDF_FIXES`, which the route files document in their comments too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.load import load_route
from generator.model import LoadedRoute, Responsibility, Step, TransitionKind

ROOT = Path(__file__).resolve().parent.parent
SPRINGSCHANS = ROOT / "routes" / "de-springschans.yaml"
PPO = ROOT / "routes" / "ondersteuningsniveaus-ppo.yaml"


@pytest.fixture(scope="module")
def springschans() -> LoadedRoute:
    return load_route(SPRINGSCHANS)


@pytest.fixture(scope="module")
def ppo() -> LoadedRoute:
    return load_route(PPO)


def normalise(text: str) -> str:
    """Fold whitespace so line breaks of the PDF and of YAML folding do not matter."""
    return re.sub(r"\s+", " ", text).strip()


def all_text(node: object) -> list[str]:
    """Every string in a model tree (ids included; harmless for substring checks)."""
    found: list[str] = []
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            found.extend(all_text(getattr(node, name)))
    elif isinstance(node, list):
        for item in node:
            found.extend(all_text(item))
    elif isinstance(node, str) and not hasattr(node, "value"):
        found.append(node)
    return found


def route_text(loaded: LoadedRoute) -> str:
    return " \n ".join(normalise(t) for t in all_text(loaded.route))


def final(step: Step) -> list[str]:
    return [p.role for p in step.roles if p.responsibility is Responsibility.FINAL]


def part(step: Step, role: str) -> Responsibility:
    return next(p.responsibility for p in step.roles if p.role == role)


def advised_steps(loaded: LoadedRoute) -> set[str]:
    """Every step some path of the wegwijzer ends in (walks the whole question tree)."""
    aid = loaded.route.wegwijzer
    assert aid is not None
    questions = {q.id: q for q in aid.questions}
    found: set[str] = set()

    def walk(qid: str, depth: int) -> None:
        assert depth < 20, "question tree too deep (loop?)"
        for answer in questions[qid].answers:
            if answer.outcome:
                found.add(answer.outcome)
            if answer.next:
                walk(answer.next, depth + 1)

    walk(aid.start, 0)
    return found


# ---------------------------------------------------------------------------
# Seed 000 — De Springschans, 6-fasenmodel
# ---------------------------------------------------------------------------


def test_springschans_metadata(springschans: LoadedRoute) -> None:
    r = springschans.route
    assert r.kind.value == "school"
    assert r.organisation.name == "Basisschool De Springschans"
    assert r.organisation.swv == "Amstelronde"
    assert r.source.file == "000_e9171a1be578c416.txt"
    assert r.plan_period is None
    assert r.version == "1.1" and r.date == "2026-12-01" and r.changelog  # 1.1: issue 11 corrections


def test_springschans_six_phases_in_order(springschans: LoadedRoute) -> None:
    steps = springschans.route.steps
    assert [s.label for s in steps] == [f"Fase {n}" for n in range(1, 7)]
    assert [s.title for s in steps] == [
        "De leerkracht",
        "De leerkracht en het leerteam",
        "De leerkracht, het leerteam en de Intern Begeleider",
        "Het ondersteuningsteam",
        "Arrangement",
        "Gespecialiseerd onderwijs (SO of SBO)",
    ]
    assert [s.id for s in steps if s.start] == ["fase-1"]
    assert [s.id for s in steps if s.end] == ["fase-6"]


def test_springschans_phases_escalate_one_by_one(springschans: LoadedRoute) -> None:
    for n in range(1, 4):
        step = springschans.step(f"fase-{n}")
        assert [(t.to, t.kind) for t in step.transitions] == [(f"fase-{n + 1}", TransitionKind.UP)]
    # Issue 11: an OT can also be the "volgend OT" after evaluation outcome 3, which explores
    # gespecialiseerd onderwijs (fase 6) among other options.
    assert [(t.to, t.kind) for t in springschans.step("fase-4").transitions] == [
        ("fase-5", TransitionKind.UP), ("fase-6", TransitionKind.UP)]


def test_springschans_who_is_eindverantwoordelijk(springschans: LoadedRoute) -> None:
    assert final(springschans.step("fase-1")) == ["leerkracht"]
    assert final(springschans.step("fase-2")) == ["leerkracht"]
    assert sorted(final(springschans.step("fase-3"))) == ["intern-begeleider", "leerkracht"]
    # Issue 11: the IB-er is eindverantwoordelijk "voor een goede en volledige dossiervorming",
    # not for the whole of fase 4.
    assert final(springschans.step("fase-4")) == []
    assert part(springschans.step("fase-4"), "intern-begeleider") is Responsibility.RESPONSIBLE
    # Fase 5: the source gives the IB-er the regie, and names nobody eindverantwoordelijk.
    assert final(springschans.step("fase-5")) == []
    assert part(springschans.step("fase-5"), "intern-begeleider") is Responsibility.DIRECTION
    # Fase 6: the IB-er is contactpersoon vanuit de school and verantwoordelijk.
    fase6 = springschans.step("fase-6")
    assert part(fase6, "intern-begeleider") is Responsibility.RESPONSIBLE
    tasks = " ".join(next(p.tasks for p in fase6.roles if p.role == "intern-begeleider"))
    assert "contactpersoon vanuit de school" in tasks


def test_springschans_leerteam_and_ib_in_phase_2(springschans: LoadedRoute) -> None:
    fase2 = springschans.step("fase-2")
    assert part(fase2, "leerteam") is Responsibility.TAKES_PART
    assert part(fase2, "intern-begeleider") is Responsibility.INFORMED
    assert [d.document for d in fase2.documents] == ["leerlingdossier"]


def test_springschans_ot_has_the_four_external_specialists(springschans: LoadedRoute) -> None:
    roles = {p.role for p in springschans.step("fase-4").roles}
    assert {"jeugdverpleegkundige", "maatschappelijk-werker", "contactpersoon-swv", "gezinsbegeleiding"} <= roles


def test_springschans_phase_5_three_evaluation_outcomes(springschans: LoadedRoute) -> None:
    fase5 = springschans.step("fase-5")
    moves = [(t.to, t.kind) for t in fase5.transitions]
    assert moves == [
        ("fase-2", TransitionKind.DOWN),
        ("fase-5", TransitionKind.REPEAT),
        ("fase-4", TransitionKind.UP),
    ]
    conditions = [normalise(t.condition) for t in fase5.transitions]
    assert "terug naar de basisondersteuning (fase 2)" in conditions[0]
    assert "aangepaste of aanvullende doelen" in conditions[1]
    assert "overstijgt de expertise en/of de mogelijkheden van school" in conditions[2]
    outcomes = next(b for b in fase5.blocks if b.id == "uitkomsten-evaluatie")
    assert len(outcomes.items) == 3


def test_springschans_opp_parents_sign_and_yearly_evaluation(springschans: LoadedRoute) -> None:
    fase5 = springschans.step("fase-5")
    assert fase5.parents is not None
    kinds = [p.kind.value for p in fase5.parents.items]
    assert "ondertekent" in kinds and "gesprek" in kinds
    assert any(u.document == "opp" and u.deadline == "minimaal één keer per schooljaar" for u in fase5.documents)
    assert any("kindgesprek" in e for e in fase5.evaluation)


def test_springschans_five_criteria_for_so_sbo(springschans: LoadedRoute) -> None:
    block = next(b for b in springschans.step("fase-6").blocks if b.kind.value == "criteria")
    assert block.items == [
        "Welbevinden",
        "Groei van de leerling op de gebieden: didactisch, sociaal-emotioneel, gedrag",
        "Ondersteuning van de school",
        "Ondersteuning van de ouders",
        "Samenwerking en relatie tussen school, ouders en leerling",
    ]


def test_springschans_four_step_tlv_procedure(springschans: LoadedRoute) -> None:
    block = next(b for b in springschans.step("fase-6").blocks if b.kind.value == "procedure")
    items = [normalise(str(i)) for i in block.items]
    assert len(items) == 4
    assert items[0].startswith("De eerste deskundige van Amstelronde schrijft een deskundigenadvies")
    assert "TLV commissie van Amstelronde doet een procedurele en inhoudelijke check" in items[1]
    assert "beoordeeld door de directeur-bestuurder van Amstelronde" in items[2]
    assert "verstuurd naar ouders, de verwijzende school en de plaatsende school" in items[3]


SPRINGSCHANS_KEY_SENTENCES = [
    "Op basisschool De Springschans werken we met het 6-fasenmodel in de ondersteuning van \nonze leerlingen.",
    "Deze fasen kenmerken zich door een opbouw in betrokkenheid van professionals, een \nopbouw in de "
    "intensivering van de ondersteuning en een opbouw in de aandacht naar de \nleerling.",
    "De leerkracht is eindverantwoordelijk in de uitvoering van de interventies en het contact \nmet de "
    "ouders van de leerling hierover.",
    "Het leerteam denkt met de leerkracht mee, analyseert en adviseert.",
    "De leerkracht en IB-er zijn samen eindverantwoordelijk in deze fase.",
    "Indien de Intern Begeleider zelf niet beschikt over de benodigde expertise, schakelt zij één van de "
    "specialisten in om mee te denken over deze casus.",
    "Bij het OT zijn externe specialisten aanwezig als de jeugdverpleegkundige, maatschappelijk \n\nwerker, "
    "contactpersoon vanuit het samenwerkingsverband en betrokkenen vanuit \n\nbijvoorbeeld gezinsbegeleiding.",
    "De IB-er initieert het ondersteuningsteam en is eindverantwoordelijk voor een goede en \n\nvolledige "
    "dossiervorming.",
    "Het planningsgedeelte wordt bij akkoord ondertekend door de \n\nouders van de leerling.",
    "De doelen in het OPP zijn meetbaar en worden minimaal één keer per schooljaar \n\ngeëvalueerd met ouders.",
    "Vooraf wordt de mening van de leerling meegenomen via een kindgesprek.",
    "Ouders oriënteren zich in het vervolgtraject op SBO of SO.",
    "De TLV wordt met de twee deskundigenadviezen afgegeven en verstuurd naar ouders, \n\nde verwijzende "
    "school en de plaatsende school.",
    "In deze fase is de IB-er contactpersoon vanuit de school en verantwoordelijk voor een \n\nheldere en "
    "duidelijke verslaglegging en communicatie met ouders, leerkrachten en externe \n\nbetrokkenen van de leerling.",
    "waar bij ‘leerkracht’ gesproken wordt over ‘zij’ en ‘haar’, kan natuurlijk ook ‘hij’ en ‘zijn’ worden gelezen.",
]


@pytest.mark.parametrize("sentence", SPRINGSCHANS_KEY_SENTENCES)
def test_springschans_key_sentences_are_in_the_route(springschans: LoadedRoute, sentence: str) -> None:
    assert normalise(sentence) in route_text(springschans)


# ---------------------------------------------------------------------------
# Seed 001 — five ondersteuningsniveaus (PPO/AED), printed 5 → 1
# ---------------------------------------------------------------------------


def test_ppo_metadata(ppo: LoadedRoute) -> None:
    r = ppo.route
    assert r.kind.value == "school"
    assert "naam niet in het document" in r.organisation.name
    assert r.organisation.note and "staat niet in het document" in r.organisation.note
    assert r.source.file == "001_0b774b5688903fad.txt"
    assert r.plan_period is None


def test_ppo_levels_in_order_one_to_five(ppo: LoadedRoute) -> None:
    steps = ppo.route.steps
    assert [s.label for s in steps] == [f"Niveau {n}" for n in range(1, 6)]
    assert [s.title for s in steps] == [
        "Sterke basis, basisaanbod in de groep.",
        "Sterke basis, extra ondersteuning in de groep (extra uitdaging of extra begeleiding)",
        "Sterke basis, ondersteuning op schoolniveau (RT en IB en levelwerk)",
        "Steun waar nodig",
        "Speciaal als het moet",
    ]
    assert [s.id for s in steps if s.start] == ["niveau-1"]
    assert [s.id for s in steps if s.end] == ["niveau-5"]
    for n in range(1, 5):
        moves = [(t.to, t.kind) for t in ppo.step(f"niveau-{n}").transitions]
        assert moves == [(f"niveau-{n + 1}", TransitionKind.UP)]


def test_ppo_level_to_tier_mapping(ppo: LoadedRoute) -> None:
    tiers = {t.id: t.name for t in ppo.route.tiers}
    names = [tiers[s.tier] for s in ppo.route.steps]
    assert names == ["Sterke basis"] * 3 + ["Steun waar nodig", "Speciaal als het moet"]


def test_ppo_eindverantwoordelijk_column(ppo: LoadedRoute) -> None:
    # The (eind)verantwoordelijk cell of each row, in the source's order.
    assert final(ppo.step("niveau-1")) == ["leerkracht"]
    assert final(ppo.step("niveau-2")) == ["leerkracht"]
    assert final(ppo.step("niveau-3")) == ["leerkracht", "intern-begeleider"]
    assert final(ppo.step("niveau-4")) == ["intern-begeleider", "leerkracht"]
    assert final(ppo.step("niveau-5")) == ["directeur", "intern-begeleider"]


def test_ppo_conversation_cycle_with_parents(ppo: LoadedRoute) -> None:
    def notes(step_id: str) -> list[str]:
        parents = ppo.step(step_id).parents
        assert parents is not None and parents.plain
        return [p.text for p in parents.items]

    assert "(start- en voorgangsgesprekken)" in notes("niveau-1")
    assert "(start- en voorgangsgesprekken)" in notes("niveau-2")
    assert "(start en voortgangsgesprekken)" in notes("niveau-3")
    assert "(gesprekscyclus met ouders op maat)" in notes("niveau-4")
    assert "(gesprekscyclus met ouders op maat)" in notes("niveau-5")
    # The "op maat" cycle belongs to levels 4 and 5 only, not to the Sterke basis levels.
    for n in (1, 2, 3):
        assert "(gesprekscyclus met ouders op maat)" not in notes(f"niveau-{n}")


def test_ppo_parents_permission_for_externals_at_level_3(ppo: LoadedRoute) -> None:
    parents = ppo.step("niveau-3").parents
    assert parents is not None
    permission = [p.text for p in parents.items if p.kind.value == "toestemming"]
    assert permission == ["(ouders geven toestemming voor overleg externen)"]
    contributes = [p.text for p in parents.items if p.kind.value == "draagt-bij"]
    assert contributes == ["(ouders vullen het groeidocument aan)"]
    # Nowhere else does the source ask parents for permission.
    for n in (1, 2, 4, 5):
        other = ppo.step(f"niveau-{n}").parents
        assert other is not None
        assert all(p.kind.value != "toestemming" for p in other.items)


def test_ppo_level_4_external_specialist_and_opp(ppo: LoadedRoute) -> None:
    step = ppo.step("niveau-4")
    assert part(step, "externe-specialist") is Responsibility.TAKES_PART
    assert [d.document for d in step.documents] == ["opp"]
    partners = next(b for b in step.blocks if b.id == "andere-partijen")
    assert partners.items == ["VvE", "Gemeente", "CJG", "JGZ", "Veilig Thuis"]


def test_ppo_level_5_tlv_at_the_swv(ppo: LoadedRoute) -> None:
    step = ppo.step("niveau-5")
    assert [d.document for d in step.documents] == ["tlv-aanvraag"]
    assert part(step, "samenwerkingsverband") is Responsibility.TAKES_PART


def test_ppo_hgw_cycle_and_questions(ppo: LoadedRoute) -> None:
    cycle = next(b for b in ppo.step("niveau-1").blocks if b.id == "cyclus-hgw")
    assert cycle.items == ["waarnemen", "begrijpen", "plannen", "realiseren"]
    questions = next(b for b in ppo.step("niveau-3").blocks if b.kind.value == "vragen")
    assert questions.items == ["Wat is nodig voor dit kind in deze klas?", "Wat heeft de leerkracht nodig?"]


# Raw from the seed; PDF_FIXES repairs only what the extraction broke.
PPO_KEY_SENTENCES = [
    "De school concludeert dat er ondanks de ingezette hulp onvoldoende afgestemd kan worden op de "
    "onderwijsbehoeften van de leerl ing.",
    "De leerling heeft baat bij onderwijs op een school voor Speciaal (basis -) onderwijs of observatieplek.",
    "De IB-er begeleidt ouders bij het zoeken naar een passende school.",
    "Aanvraag toelaatbaarheidsverklaring (TLV) bij het Samenwerkingsverband",
    "De school is handelingsverlegen en concludeert onvoldoende tegemoet te kunnen komen aan de "
    "onderwijsbehoefte van de leerling.",
    "Externe specialist van PPO of AED wordt betrokken in overleg met ouders. (OT)",
    "Indien nodig worden andere partijen betrokken (denk bv aan: VvE, Gemeente, CJG, JGZ, Veilig Thuis)",
    "Onderzoek wordt (indien nodig) aangevraagd in overleg met ouders",
    "Leerlingen met een arrangement of eigen leerlijn krijgen een ontwikkelingsperspectief (OPP).",
    "De leerkracht brengt de leerling in een (groeps-)bespreking met de intern begeleider (IB-er). "
    "De ondersteuningsvraag wordt verhelderd.",
    "Observatie en/of gesprek door IB-er of specialist. Doel: Samen met de leerkracht de onderwijsbehoeften "
    "verder in kaart brengen/scherp formuleren; geven \n\nvan advies en ondersteuning aan de leerkracht.",
    "Leerkracht houdt de regie en voert het plan / de afspraken uit.",
    "Er wordt een follow-up moment ingepland met leerkracht en IB-er/specialist. Heeft de extra ondersteuning "
    "heb gewenste effect? Specialist koppelt terug \n\naan IB-er.",
    "Consequente denkrichting: Wat is nodig voor dit kind in deze klas? Wat heeft de leerkracht nodig?",
    "Indien nodig wordt een OT gepland en een groeidocument opgesteld, in aanloop naar niveau 4",
    "De leerling wordt besproken in een unit-overleg",
    "De leerkracht beschrijft de aanpak in het handelingsplan en evalueert. Heeft het afstemmen van het "
    "aanbod het gewenste effect?",
    "De leerkracht werkt volgens de 7 uitgangspunten van handelingsgericht werken.",
    "De leerkracht hanteert de cyclus van handelingsgericht werken (waarnemen, begrijpen, plannen en realiseren).",
    "De leerkracht evalueert het aanbod en de aanpak en reflecteert op eigen handelen.",
    "(ouders geven toestemming \nvoor overleg externen)",
    "(ouders vullen het \ngroeidocument aan)",
]

PDF_FIXES = {"leerl ing": "leerling", "(basis -) onderwijs": "(basis-)onderwijs"}


def fix_pdf(sentence: str) -> str:
    for broken, fixed in PDF_FIXES.items():
        sentence = sentence.replace(broken, fixed)
    return sentence


@pytest.mark.parametrize("sentence", PPO_KEY_SENTENCES)
def test_ppo_key_sentences_are_in_the_route(ppo: LoadedRoute, sentence: str) -> None:
    assert normalise(fix_pdf(sentence)) in route_text(ppo)


# ---------------------------------------------------------------------------
# Both routes: decision-aid phrases and the wegwijzer
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [SPRINGSCHANS, PPO], ids=["de-springschans", "ondersteuningsniveaus-ppo"])
def test_every_step_has_recognition_phrases_and_parent_summary(path: Path) -> None:
    loaded = load_route(path)
    for step in loaded.route.steps:
        assert 4 <= len(step.phrases) <= 8, step.id
        assert step.parents is not None and step.parents.plain, step.id
        assert step.roles, step.id


@pytest.mark.parametrize("path", [SPRINGSCHANS, PPO], ids=["de-springschans", "ondersteuningsniveaus-ppo"])
def test_wegwijzer_can_advise_every_step(path: Path) -> None:
    loaded = load_route(path)
    aid = loaded.route.wegwijzer
    assert aid is not None and 4 <= len(aid.questions) <= 8
    assert advised_steps(loaded) == {s.id for s in loaded.route.steps}
    for question in aid.questions:
        assert 2 <= len(question.answers) <= 4, question.id


def test_springschans_wegwijzer_evaluation_answers(springschans: LoadedRoute) -> None:
    aid = springschans.route.wegwijzer
    assert aid is not None
    evaluation = next(q for q in aid.questions if q.id == "vraag-evaluatie")
    outcomes = {a.text: a.outcome for a in evaluation.answers}
    assert outcomes["De interventie is passend geweest"] == "fase-2"
    assert outcomes["Er zijn aangepaste of aanvullende doelen nodig"] == "fase-5"
    # Issue 11: outcome 3 is a new OT (fase 4) that explores the options, not fase 6 itself.
    assert outcomes["De extra ondersteuning overstijgt wat de school kan"] == "fase-4"
