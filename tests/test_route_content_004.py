"""Content tests for routes/de-kempen.yaml against its source, seed 004 (SWV PO De Kempen).

These pin concrete facts of the source (steps, the never-skip rule, deadlines, signatures,
the request routing, the decision aid's step-3 rule) so that editing the route file cannot
silently drop or change them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.load import load_route, parse_route
from generator.model import LoadedRoute, ParentPart, Route, RuleKind, Step, SubItem
from generator.problems import RouteProblems
from generator.validate import skips

ROOT = Path(__file__).resolve().parents[1]
ROUTE_FILE = ROOT / "routes" / "de-kempen.yaml"
SEED_FILE = Path("/work/shared/seeds/004_0184ae46a9f71f08.txt")

STEP_IDS = ["beginsituatie"] + [f"stap-{n}" for n in range(1, 8)]
STEP_LABELS = ["Beginsituatie"] + [f"Stap {n}" for n in range(1, 8)]


def normalise(text: str) -> str:
    """Collapse whitespace and rejoin words the PDF extraction split over lines with a hyphen."""
    text = re.sub(r"-[ \t]*\n\s*(?=[a-z])", "-", text)
    return " ".join(text.split())


def strings(value: object) -> Iterator[str]:
    """Every string inside a dumped model, in document order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


@pytest.fixture(scope="module")
def loaded() -> LoadedRoute:
    return load_route(ROUTE_FILE)


@pytest.fixture(scope="module")
def route(loaded: LoadedRoute) -> Route:
    return loaded.route


@pytest.fixture(scope="module")
def route_text(route: Route) -> str:
    return normalise(" ".join(strings(route.model_dump(mode="json"))))


def step(route: Route, step_id: str) -> Step:
    return next(s for s in route.steps if s.id == step_id)


def item_texts(items: list) -> list[str]:
    """Flatten a list of Text/SubItem into plain strings."""
    out: list[str] = []
    for item in items:
        if isinstance(item, SubItem):
            out.append(item.text)
            out.extend(item.items)
        else:
            out.append(item)
    return out


# --------------------------------------------------------------------------- metadata


def test_source_and_version(loaded: LoadedRoute) -> None:
    r = loaded.route
    assert loaded.slug == "de-kempen"
    assert r.kind.value == "samenwerkingsverband"
    assert r.source.title == "Stappenplan ondersteuning in beeld"
    assert r.source.version == "Versie 5-6-23"
    assert r.source.file == SEED_FILE.name
    assert r.version == "1.1" and r.date == "2026-12-01"  # 1.1: issue 11 corrections
    assert len(r.changelog) == 2
    assert ROUTE_FILE.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../schema/route.schema.json"
    )


def test_eight_steps_in_source_order(route: Route) -> None:
    assert [s.id for s in route.steps] == STEP_IDS
    assert [s.label for s in route.steps] == STEP_LABELS
    assert [s.id for s in route.steps if s.start] == ["beginsituatie"]
    assert step(route, "stap-7").title.startswith("Terugplaatsing/ bestendiging vanuit het SBO of SO")


def test_tiers_are_marked_as_routewijzers_grouping(route: Route) -> None:
    tiers = {t.id: t for t in route.tiers}
    assert [s.tier for s in route.steps] == (
        ["basisondersteuning"] * 4 + ["extra-ondersteuning"] * 2 + ["speciale-ondersteuning"] * 2
    )
    for tier in tiers.values():
        assert tier.description and "Routewijzer" in tier.description


# --------------------------------------------------------------------------- rules


def test_never_skip_step_3_and_free_order(route: Route) -> None:
    kinds = {r.kind: r for r in route.rules}
    assert kinds[RuleKind.NEVER_SKIP].step == "stap-3"
    assert "stap 3 kan nooit overgeslagen worden" in kinds[RuleKind.NEVER_SKIP].text.lower()
    assert "niet stapsgewijs" in kinds[RuleKind.FREE_ORDER].text


def test_no_transition_skips_step_3(route: Route) -> None:
    order = {s.id: i for i, s in enumerate(route.steps)}
    three = order["stap-3"]
    moves = [(s.id, t.to) for s in route.steps for t in s.transitions]
    assert moves, "the route must have transitions"
    for origin, target in moves:
        assert skips(route, origin, target) is None
        assert not (order[origin] < three < order[target]), (origin, target)
    # The free order is used: stap 1 may go straight to stap 3, stap 3 to 4, 5 or 6.
    assert ("stap-1", "stap-3") in moves
    assert {("stap-3", "stap-4"), ("stap-3", "stap-5"), ("stap-3", "stap-6"), ("stap-6", "stap-7")} <= set(moves)


def test_validator_rejects_a_transition_that_skips_step_3() -> None:
    raw = ROUTE_FILE.read_text(encoding="utf-8")
    anchor = "      - naar: stap-3\n        soort: opschalen\n        voorwaarde: Leerkracht overlegt met IB"
    assert raw.count(anchor) == 1
    bad = raw.replace(anchor, "      - naar: stap-4\n        soort: opschalen\n        voorwaarde: Leerkracht overlegt met IB")
    with pytest.raises(RouteProblems) as info:
        parse_route(bad.encode("utf-8"), "de-kempen.yaml", "de-kempen")
    assert "stap-3" in str(info.value)


# --------------------------------------------------------------------------- content


def test_zesmaandenregeling(route: Route) -> None:
    block = next(b for b in route.blocks if b.id == "zesmaandenregeling")
    assert block.kind.value == "regeling"
    assert block.text and "wordt gefinancierd door het SWV" in normalise(block.text)
    assert "centrale Commissie Toelaatbaarheidsverklaringen (CT)" in normalise(block.text)
    start = step(route, "beginsituatie")
    assert any("zesmaandenregeling" in n for n in start.notes)
    assert "Let op: dit is ook mogelijk bij een nieuwe leerling binnen het BAO vanuit het SO." in start.notes


@pytest.mark.parametrize(("step_id", "moment"), [("stap-5", "toekenning"), ("stap-6", "plaatsing")])
def test_opp_within_six_weeks(route: Route, step_id: str, moment: str) -> None:
    uses = [u for u in step(route, step_id).documents if u.document == "opp"]
    assert len(uses) == 1
    assert uses[0].deadline == f"na {moment} binnen zes weken"
    assert "Uitstroomperspectief" in item_texts(uses[0].details)
    groei = [u for u in step(route, step_id).documents if u.document == "groeidocument"]
    assert any(f"OPP: na {moment} binnen zes weken" in item_texts(u.details) for u in groei)


def test_no_opp_before_step_5(route: Route) -> None:
    for step_id in STEP_IDS[:5]:
        assert not [u for u in step(route, step_id).documents if u.document == "opp"], step_id


def signatures(route: Route, step_id: str):
    return [u for u in step(route, step_id).documents if u.action.startswith("Handtekening")]


def test_signatures_step_5(route: Route) -> None:
    (sign,) = signatures(route, "stap-5")
    assert sign.document == "groeidocument"
    assert set(sign.by) == {"ouders", "directeur", "deskundige"}
    assert item_texts(sign.details) == [
        "Ouders",
        "Directeur",
        "Eén deskundige (orthopedagoog, psycholoog, maatschappelijk werker, arts en psychiater)",
    ]


def test_signatures_step_6(route: Route) -> None:
    (sign,) = signatures(route, "stap-6")
    assert set(sign.by) == {"ouders", "directeur"}
    assert "2 directeuren (verwijzende school/instelling en ontvangende school)" in item_texts(sign.details)
    motivering = [u for u in step(route, "stap-6").documents if u.document == "motivering"]
    assert len(motivering) == 1
    assert set(motivering[0].by) == {"orthopedagoog-kk", "materiedeskundigen"}
    assert "Betrokken orthopedagoog KK ondertekent motivering" in motivering[0].action
    assert "twee onafhankelijke materiedeskundigen" in motivering[0].action
    assert "twee noodzakelijke handtekeningen" in motivering[0].action


def test_signatures_step_7(route: Route) -> None:
    (sign,) = signatures(route, "stap-7")
    assert "Een of twee betrokken deskundigen" in item_texts(sign.details)
    assert "2 directeuren (verwijzende en ontvangende school)" in item_texts(sign.details)


@pytest.mark.parametrize("step_id", ["stap-5", "stap-6", "stap-7"])
def test_parents_sign(route: Route, step_id: str) -> None:
    parents = step(route, step_id).parents
    assert parents is not None
    assert any(p.kind is ParentPart.SIGNS for p in parents.items)


@pytest.mark.parametrize("step_id", ["stap-6", "stap-7"])
def test_parents_consent_to_setting(route: Route, step_id: str) -> None:
    parents = step(route, step_id).parents
    assert parents is not None
    consent = [p.text for p in parents.items if p.kind is ParentPart.CONSENT]
    assert consent and consent[0].startswith("Instemmen met passende onderwijssetting")


def test_every_step_has_parents_plain_language(route: Route) -> None:
    for s in route.steps:
        assert s.parents is not None and s.parents.items, s.id
        assert s.parents.plain and len(s.parents.plain) < 600, s.id


def test_per_actor_doel_and_middel(route: Route) -> None:
    for s in route.steps:
        actors = {a.actor: a for a in s.actors}
        second = "School" if s.id in ("stap-6", "stap-7") else "Leerkracht"
        assert set(actors) == {"Leerling", second, "Ouders"}, s.id
        for name in ("Leerling", second, "Ouders"):
            assert actors[name].goals, (s.id, name)
        for name in ("Leerling", second):
            assert actors[name].means, (s.id, name)
        if s.id not in ("stap-6", "stap-7"):  # the source gives parents no middel at 6 and 7
            assert actors["Ouders"].means, s.id
    leerkracht_1 = next(a for a in step(route, "stap-1").actors if a.actor == "Leerkracht")
    assert leerkracht_1.means_intro == "Leerkracht kan zich de volgende (proces)vragen stellen:"
    assert "Welke signalen zie ik?" in item_texts(leerkracht_1.means)
    school_6 = next(a for a in step(route, "stap-6").actors if a.actor == "School")
    assert "Triadeoverleg (BAO-SBO/SO)" in item_texts(school_6.means)


def test_legal_frame_per_step(route: Route) -> None:
    for step_id in STEP_IDS[:4]:
        assert item_texts(step(route, step_id).legal) == ["Geen verplichtingen"], step_id
    for step_id in STEP_IDS[4:]:
        assert any(t.startswith("NAW-gegevens") for t in item_texts(step(route, step_id).legal)), step_id
    assert any("BSN" in t for t in item_texts(step(route, "stap-6").legal))
    assert "Twee deskundigen (orthopedagoog, psycholoog, maatschappelijk werker, arts en psychiater)" in item_texts(
        step(route, "stap-6").legal
    )


def test_step_6_request_routing(route: Route) -> None:
    s = step(route, "stap-6")
    request = [u for u in s.documents if u.document == "aanvraag"]
    assert len(request) == 1
    assert request[0].action == "Aanvraag verzenden naar/ ter beoordeling van:"
    assert item_texts(request[0].details) == [
        "Via LDOS naar bestuur CEO indien passend ook nog naar SWV PO de Kempen CCT "
        "(zes-maandenregeling, onder- of zij-instroom en TLV S(B)O buiten KK)"
    ]
    assert {"ceo", "cct"} <= {p.role for p in s.roles}


def test_step_3_ib_and_leerlingbespreking(route: Route) -> None:
    s = step(route, "stap-3")
    block = next(b for b in s.blocks if b.id == "leerlingbespreking")
    assert block.kind.value == "vragen"
    assert item_texts(block.items)[0] == "Wat is al ingezet?"
    assert len(block.items) == 4
    ib = next(p for p in s.roles if p.role == "intern-begeleider")
    assert any("preventieve inzet orthopedagoog/ medewerker CPO" in t for t in ib.tasks)


def test_ib_has_regie_from_step_4(route: Route) -> None:
    for step_id in ("stap-4", "stap-5"):
        ib = next(p for p in step(route, step_id).roles if p.role == "intern-begeleider")
        assert ib.responsibility.value == "regie"


def test_step_7_notes_and_bestendiging(route: Route) -> None:
    s = step(route, "stap-7")
    assert "Let op: budget stimuleringsregeling terugplaatsing vanuit SWV (arrangement)" in s.notes
    assert any(n.startswith("Terugplaatsing is maatwerk") for n in s.notes)
    block = next(b for b in s.blocks if b.id == "bestendiging")
    assert len(block.items) == 2
    assert any(r.text.startswith("Opmerking: CEO kan altijd nog gegevens opvragen") for r in route.rules)


def test_unexpanded_terms_say_so(route: Route) -> None:
    terms = {t.abbreviation or t.term: t for t in route.terms}
    for abbreviation in ("CEO", "CPO", "KK", "LDOS", "IVO", "CCT"):
        term = terms[abbreviation]
        assert term.source_note and "niet uit" in term.source_note, abbreviation


def test_herkenning_on_every_step(route: Route) -> None:
    for s in route.steps:
        assert 4 <= len(s.phrases) <= 8, s.id


# --------------------------------------------------------------------------- wegwijzer


def paths(route: Route) -> Iterator[tuple[list[str], str | None, str, str | None]]:
    """Every path through the question tree: (answers taken, current step, advice, toelichting)."""
    aid = route.wegwijzer
    assert aid is not None
    questions = {q.id: q for q in aid.questions}

    def walk(qid: str, taken: list[str], current: str | None):
        for answer in questions[qid].answers:
            here = answer.current or current
            if answer.next:
                yield from walk(answer.next, taken + [answer.text], here)
            else:
                yield taken + [answer.text], here, answer.outcome, answer.reason

    yield from walk(aid.start, [], None)


def test_wegwijzer_shape(route: Route) -> None:
    aid = route.wegwijzer
    assert aid is not None
    assert 5 <= len(aid.questions) <= 9
    for q in aid.questions:
        assert 2 <= len(q.answers) <= 4, q.id
        for a in q.answers:
            assert a.outcome is None or a.reason, (q.id, a.text)
    outcomes = {advice for _, _, advice, _ in paths(route)}
    excluded = {e.step for e in aid.excluded}
    assert outcomes | excluded == set(STEP_IDS)


def test_wegwijzer_never_advises_past_step_3_from_before_it(route: Route) -> None:
    order = {s: i for i, s in enumerate(STEP_IDS)}
    checked = 0
    for taken, current, advice, _ in paths(route):
        if current is not None and order[current] < order["stap-3"]:
            checked += 1
            assert order[advice] <= order["stap-3"], (taken, current, advice)
    assert checked >= 5


def test_wegwijzer_step_2_with_external_help_gives_step_3(route: Route) -> None:
    found = [
        (advice, reason)
        for taken, current, advice, reason in paths(route)
        if current == "stap-2" and "buiten de school" in taken[-1]
    ]
    assert found, "there must be a path for someone at stap 2 who wants external help"
    for advice, reason in found:
        assert advice == "stap-3"
        assert reason and "Stap 3 kan nooit overgeslagen worden" in reason


# --------------------------------------------------------------------------- verbatim text

KEY_SENTENCES = [
    "Stappenplan hoeft niet stapsgewijs doorlopen te worden, stap 3 kan nooit overgeslagen worden.",
    "Let op: dit is ook mogelijk bij een nieuwe leerling binnen het BAO vanuit het SO.",
    "Een leerling die vanuit onder-instroom of zij-instroom op een (speciale) basisschool start en waarbij binnen 6 "
    "maanden na start op deze basisschool of SBO vastgelegd is in een groeidocument en vastgesteld door de centrale "
    "Commissie Toelaatbaarheidsverklaringen (CT) dat deze leerling op termijn mogelijk heen zal stromen naar het SO "
    "school wordt gefinancierd door het SWV",
    "Hierdoor wordt gefaciliteerd dat kinderen die voorzienbaar op latere leeftijd doorstromen naar het SO wél kunnen "
    "starten op een basisschool of een SBO.",
    "Leerkracht zet acties uit op basis van eigen bevindingen en inzichten.",
    "Is er voorsprong, achterstand of verschil op onderdelen TL, BL, RE, SP en/of SEO (en overige ontwikkelingsdomeinen)?",
    "Leerkracht bespreekt leerling met IB en ouders en noteert gemaakte afspraken.",
    "Nieuwe acties plannen (doelgericht) op basis van intensivering, vertraging, verrijking, verbreding en/of versnelling.",
    "Op het niveau van stap 3 maakt IB de afweging of externe partners betrokken worden, bijvoorbeeld preventieve "
    "inzet orthopedagoog/ medewerker CPO.",
    "Advies: leg bij verwachting dat stap 4, 5 of 6 nodig zijn deze stap vast.",
    "IB’er, als scharnierpunt, weegt af welke betrokkenen aanwezig zijn. De intern begeleider houdt de regie over het proces.",
    "Kortdurend en/of lage intensiteit (lichte ondersteuning)",
    "Langdurig en/of hoge intensiteit (zware ondersteuning), ook SBO+ arrangementen",
    "SBO / SO beoordeelt of ze aan de ondersteuningsbehoeften van de leerling kunnen voldoen (zorgplicht).",
    "Ouders, leerkracht, IB, externe betrokkenen bespreken passende onderwijssetting en verkennen de mogelijkheden "
    "(contact/oriëntatie andere setting).",
    "Betrokken orthopedagoog KK ondertekent motivering, bij deze motivering kijken twee onafhankelijke materiedeskundigen",
    "Via LDOS naar bestuur CEO indien passend ook nog naar SWV PO de Kempen CCT (zes-maandenregeling, onder- of "
    "zij-instroom en TLV S(B)O buiten KK)",
    "Let op: budget stimuleringsregeling terugplaatsing vanuit SWV (arrangement)",
    "Terugplaatsing is maatwerk, er wordt altijd contact opgenomen met CEO om af te stemmen over de "
    "ondersteuningsmogelijkheden.",
    "Bestendiging: eerste jaar contact vanuit PO bij S(B)O om perspectief te checken, daarna als het kind 12 jaar oud is.",
    "Bij signalering van verrassend positief of negatief perspectief (b.v. SBO+/terugplaatsing PO/ SO categorie "
    "laag-midden-hoog arrangement) informeert de S(B)O school de verwijzende school.",
    "Opmerking: CEO kan altijd nog gegevens opvragen als het dossier onvoldoende helder is.",
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED_FILE.exists():
        pytest.skip("seed 004 not available")
    return normalise(SEED_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sentence", KEY_SENTENCES, ids=lambda s: s[:40])
def test_key_sentence_is_in_source_and_route(sentence: str, seed_text: str, route_text: str) -> None:
    assert sentence in seed_text, "test sentence must be copied from the source"
    assert sentence in route_text
