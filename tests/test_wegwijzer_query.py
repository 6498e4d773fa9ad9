"""The wegwijzer's query analysis: negation, compounds, separable verbs, diminutives, typos,
abbreviations, transitions; and the confirming question. Python and JS must agree."""

from __future__ import annotations

import pytest

from generator.model import LoadedRoute
from generator.wegwijzer.index import (PART_FACTOR, RouteIndex, StepIndex, abbreviations, analyse, build_index,
                                       compound_parts, pair, participle_base, particle_ends, rank, separable_verbs)
from generator.wegwijzer.paths import enumerate_paths
from generator.wegwijzer.synonyms import groups_in, load_synonyms
from generator.wegwijzer.text import clauses, join_particles, negated, stem, terms
from wegwijzer_devset import devset, route_payload
from support.routes import site_routes as real_routes
from support.wegwijzer import routes_with_wegwijzer, run_node

ROUTES = routes_with_wegwijzer()
IDS = [r.slug for r in ROUTES]


def route(slug: str) -> LoadedRoute:
    found = next((r for r in real_routes() if r.slug == slug), None)
    if found is None:
        pytest.skip(f"route {slug} ontbreekt")
    return found


def terms_of(text: str, loaded: LoadedRoute) -> set[str]:
    return {t for t, _ in analyse(text, build_index(loaded).vocab).terms}


def test_negation_covers_the_next_meaningful_words_of_its_clause() -> None:
    [clause] = clauses("Hij krijgt geen extra hulp meer")
    assert negated(clause) == [False, False, False, True, True, False]
    assert [negated(c) for c in clauses("geen zorgen, maar hij leest slecht")] == [[False, True], [False, False, False]]


def test_a_negated_word_or_phrase_gives_no_signal() -> None:
    loaded = route("ijssel-berkel")
    plain, negative = terms_of("Ons kind krijgt extra hulp", loaded), terms_of("Ons kind krijgt geen extra hulp", loaded)
    assert {"extra", "hulp", "~arrangement"} <= plain
    assert not {"extra", "hulp", "~arrangement"} & negative
    assert "~geen-zorg" in terms_of("Er zijn geen zorgen", loaded)


def test_join_particles_and_separable_verbs() -> None:
    assert join_particles(["om", "mee", "te", "denken"]) == ["om", "meedenken"]
    loaded = route("de-kempen")
    vocab = build_index(loaded).vocab
    assert stem("aanvraag") in vocab
    assert stem("aanvraag") in terms_of("De school vraagt een toelaatbaarheidsverklaring aan", loaded)


def test_a_particle_joins_its_verb_only_where_dutch_puts_it() -> None:
    assert particle_ends(["school", "vraagt", "een", "tlv", "aan"], 4)
    assert particle_ends(["stemt", "de", "aanpak", "af", "op", "de", "leerling"], 3)
    assert not particle_ends(["vraagt", "advies", "aan", "een", "collega"], 2)
    assert not particle_ends(["een", "school", "voor", "haar"], 2)
    vocab = frozenset({stem("afstemmen"), stem("voorschool"), stem("aanvraag")})
    # the route's own text is read the same way: "stemt ... af" is the 'afstemmen' of another step
    assert separable_verbs("De leerkracht stemt de aanpak af op de leerling.", vocab) == [stem("afstemmen")]
    assert separable_verbs("Een speciale school is beter voor haar; de juf vraagt advies aan een collega.", vocab) == []


def test_diminutives_share_the_stem_of_their_noun() -> None:
    assert stem("lijstje") == stem("lijst") and stem("kindje") == stem("kind") and stem("balletje") == stem("ballen")
    assert stem("lijstjes") == stem("lijst")


def test_compounds_split_against_the_route_vocabulary() -> None:
    loaded = route("de-springschans")
    vocab = build_index(loaded).vocab
    parts = compound_parts("taalspecialist", vocab, load_synonyms().known)
    assert parts and parts[0] == stem("specialist")
    assert compound_parts("begeleiding", frozenset({"leid"}), frozenset()) == []
    # a modifier is a stem as written: 'reken-' is rekenen's, although stem('reken') is 'rek'
    assert compound_parts("rekenspecialist", frozenset({stem("rekenen"), stem("specialist")}), frozenset()) \
        == [stem("specialist"), stem("rekenen")]


def test_one_typo_in_a_longer_word_is_forgiven() -> None:
    loaded = route("de-springschans")
    assert stem("arrangement") in terms_of("arrangemnt", loaded)
    assert not terms_of("arrang", loaded) & {stem("arrangement")}


def test_gemeente_does_not_match_inside_arrangement() -> None:
    syn = load_synonyms()
    assert "~jeugdhulp" in groups_in("de gemeente", syn)
    assert "~jeugdhulp" not in groups_in("een arrangement", syn)
    assert {"~gedrag", "~extern"} <= set(groups_in("gedragsspecialist", syn))


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_abbreviations_are_indexed_both_ways(loaded: LoadedRoute) -> None:
    index = build_index(loaded)
    table = abbreviations(loaded.route)
    assert table
    for full, short in table:
        for entry in index:  # a step that uses the abbreviation is found by the full form too
            if all(t in entry.weights for t in short):
                assert all(t in entry.weights for t in full), (entry.step, full, short)


def test_abbreviations_spelled_out_in_a_begrip_and_optional_word_parts() -> None:
    kempen = abbreviations(route("de-kempen").route)  # begrip "BAO, PO, SBO, SO": "BAO: basisonderwijs; ..."
    assert (("special", "basisonderwijs"), ("sbo",)) in kempen and (("basisonderwijs",), ("bao",)) in kempen
    assert (tuple(terms("technisch lezen")), ("tl",)) in kempen  # "TL, BL, ..." = "technisch lezen, ..."
    ppo = abbreviations(route("ondersteuningsniveaus-ppo").route)  # "Speciaal (basis)onderwijs" = "SO, SBO"
    assert (("special", "onderwijs"), ("so",)) in ppo and (("special", "basisonderwijs"), ("sbo",)) in ppo


def test_phrases_match_across_stopwords_but_not_across_a_negation() -> None:
    syn = load_synonyms()
    assert "~werkt-niet" in groups_in("het helpt nog steeds niet", syn)
    assert "~helpt-niet" in groups_in("als school weten we echt niet meer", syn)
    assert "~helpt-wel" in groups_in("het gaat goed", syn) and "~helpt-wel" not in groups_in("het gaat niet goed", syn)


def test_a_word_inside_a_matched_phrase_does_not_also_count_alone() -> None:
    syn = load_synonyms()
    assert "~gewone-school" in groups_in("het basisonderwijs", syn)
    found = groups_in("misschien naar het speciaal basisonderwijs", syn)
    assert "~speciaal" in found and "~gewone-school" not in found


def test_a_step_named_by_its_number_is_found() -> None:
    assert join_particles(["stap", "3", "en", "fase", "5b"]) == ["stap", "stap3", "en", "fase", "fase5b"]
    assert rank(build_index(route("de-kempen")), "stap 3")[0][0] == "stap-3"
    assert rank(build_index(route("ijssel-berkel")), "stap 5B")[0][0] == "stap-5b"
    assert rank(build_index(route("ondersteuningsniveaus-ppo")), "niveau 2")[0][0] == "niveau-2"


def test_past_participles_find_their_verb() -> None:
    vocab = frozenset({stem("evalueren"), stem("aanpassen"), stem("afschalen")})
    assert participle_base("geevalueerd", vocab) == [stem("evalueren")]
    assert participle_base("aangepast", vocab) == [stem("aanpassen")]
    assert participle_base("afgeschaald", vocab) == [stem("afschalen")]
    assert participle_base("gesprek", vocab) == [] and participle_base("geheel", vocab) == []
    # the verb stem as written: toe-ge-kend is 'toeken' (toekenning), not stem('toeken') = 'toek'
    assert participle_base("toegekend", frozenset({stem("toekenning")})) == [stem("toekenning")]
    assert (stem("aanpassen"), PART_FACTOR) in analyse("de aanpak is aangepast", vocab).terms


def test_word_pairs_count_in_either_order() -> None:
    assert pair("tlv", "aanvrag") == pair("aanvrag", "tlv") == "aanvrag tlv"
    index = build_index(route("stappenplan-rok"))
    assert rank(index, "TLV-aanvraag")[0][0] == rank(index, "aanvraag van de TLV")[0][0] == "tlv-aanvraag"


def test_no_longer_needed_moves_the_advice_back_along_the_route() -> None:
    index = build_index(route("de-springschans"))
    assert rank(index, "het arrangement wordt geevalueerd")[0][0] == "fase-5"
    assert rank(index, "het arrangement wordt geevalueerd, het is niet meer nodig")[0][0] == "fase-2"  # afschalen
    # the verb alone is said in the step where it is decided: no move
    rok = build_index(route("stappenplan-rok"))
    assert rank(rok, "afschalen")[0][0] == "basisondersteuning-school"


def test_near_ties_go_to_the_earlier_step() -> None:
    word = stem("xylofoon")
    index = RouteIndex((StepIndex("a", {word: 1.0}, frozenset()), StepIndex("b", {word: 1.02}, frozenset())), (-1, -1))
    assert [s for s, _ in rank(index, "xylofoon")] == ["a", "b"]
    index = RouteIndex((StepIndex("a", {word: 1.0}, frozenset()), StepIndex("b", {word: 1.1}, frozenset())), (-1, -1))
    assert [s for s, _ in rank(index, "xylofoon")] == ["b", "a"]


def test_abbreviation_and_full_form_find_the_same_step() -> None:
    loaded = route("de-springschans")
    index = build_index(loaded)
    assert ("sbo",) in [short for _, short in abbreviations(loaded.route)]
    assert rank(index, "SBO")[0][0] == rank(index, "speciaal basisonderwijs")[0][0] == "fase-6"


def test_helpt_niet_moves_the_advice_to_the_step_after_the_activity() -> None:
    loaded = route("stappenplan-rok")
    index = build_index(loaded)
    tried = "De juf heeft extra oefening in de klas gegeven"
    assert rank(index, tried)[0][0] == "basisondersteuning-klas"
    assert rank(index, tried + ", maar het helpt niet")[0][0] == "zorgoverleg"
    # what comes after the clause that says so is what the person wants next: not shifted
    assert rank(index, "Het helpt niet, nu willen we een multidisciplinair overleg")[0][0] == "mdo"


def test_route_wide_regulation_is_found_at_the_step_that_names_it() -> None:
    loaded = route("de-kempen")
    assert rank(build_index(loaded), "zesmaandenregeling")[0][0] == "beginsituatie"


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_js_analysis_and_ranking_equal_python_on_hard_inputs(loaded: LoadedRoute) -> None:
    data = route_payload(loaded.slug)
    texts = [c["tekst"] for part in ("tune", "heldout") for c in devset(loaded.slug, part)]
    texts += ["constructor", "__proto__ toString", "hasOwnProperty valueOf", "geen geen geen", "niet meer nodig",
              "lijstjes en briefjes", "taalspecialist gedragscoach", "rekenspecialist leesspecialisten", "is toegekend en aangevraagd", "vraagt het aan", "om mee te denken",
              "Ééntje ção naïeve", "12 34 5b", "de-het-een", "arrangemnt", "x" * 60, "maar en want, dus;"]
    js = run_node("console.log(JSON.stringify(input.texts.map((t) => ww.rank(t, input.search).map((r) => [r.id, r.score]))));",
                  {"texts": texts, "search": data["search"]})
    index = build_index(loaded)
    assert js == [[[step, value] for step, value in rank(index, t)] for t in texts]


CONFIRM = """
const data = input.data;
const reach = ww.reachable(data);
const ids = Object.keys(data.outcomes);
const out = [];
for (const a of ids) for (const b of ids) {
  if (a === b) continue;
  const candidates = [{ id: a, score: 2 }, { id: b, score: 1 }];
  const qid = ww.separatingQuestion(data, candidates);
  let outcome = null, current = candidates, q = qid;
  for (let n = 0; q && n < 8; n++) {
    const index = reach[q].findIndex((steps) => steps.includes(a));
    if (index < 0) break;
    const next = ww.afterAnswer(data, current, q, index);
    if (next.outcome) { outcome = next.outcome; break; }
    q = next.qid; current = next.candidates;
  }
  out.push([a, b, qid, qid ? reach[qid].map((s) => [s.includes(a), s.includes(b)]) : null, outcome]);
}
console.log(JSON.stringify(out));
"""


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_confirming_question_separates_every_pair_and_leads_to_the_true_step(loaded: LoadedRoute) -> None:
    data = route_payload(loaded.slug)
    reachable = {p.outcome for p in enumerate_paths(loaded.route.wegwijzer)}
    for a, b, qid, split, outcome in run_node(CONFIRM, {"data": data}):
        if a not in reachable or b not in reachable:
            continue  # a step the tree never advises (uitgesloten) cannot be confirmed by it
        assert qid in data["questions"], (a, b)
        assert any(x for x, _ in split) and any(y for _, y in split), (a, b, qid)   # it can lead to both
        assert any(x != y for x, y in split), (a, b, qid)                            # and tells them apart
        assert outcome == a, (a, b, qid, outcome)


def test_no_candidates_means_no_question() -> None:
    data = route_payload(ROUTES[0].slug)
    assert run_node("console.log(JSON.stringify([ww.separatingQuestion(input, []), "
                    "ww.separatingQuestion(input, [{id: Object.keys(input.outcomes)[0], score: 1}])]))", data) == [None, None]


def test_a_word_and_its_own_group_are_one_sign_not_two() -> None:
    # "groep" is a word of the group ~klas: a step with both counts the group at half
    assert "klas" in load_synonyms().single[stem("groep")]
    word = stem("groep")
    index = RouteIndex((StepIndex("a", {word: 1.0, "~klas": 1.0}, frozenset()),
                        StepIndex("b", {"~klas": 1.6}, frozenset())), (-1, -1))
    assert [s for s, _ in rank(index, "groep")] == ["b", "a"]
