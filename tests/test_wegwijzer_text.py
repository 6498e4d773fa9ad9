"""Normalisation and stemming of the wegwijzer, and the Python/JavaScript twins agreeing."""

from __future__ import annotations

import re

import pytest

from generator.wegwijzer.text import STOPWORDS, normalise, stem, terms, words
from generator.wegwijzer.synonyms import groups_in, load_synonyms
from support.routes import site_routes as real_routes
from support.wegwijzer import run_node, situations


def test_normalise_lowercases_and_strips_accents() -> None:
    assert normalise("Geëvalueerd Ĳs CAFÉ") == "geevalueerd ijs cafe"


def test_words_split_on_punctuation() -> None:
    assert words("IB-er/ouders: 'zorgen'!") == ["ib", "er", "ouders", "zorgen"]


@pytest.mark.parametrize("forms, expected", [
    (["lezen", "leest", "lees"], "les"),
    (["zorgen", "zorgt", "zorg"], "zorg"),
    (["leerkracht", "leerkrachten"], "leerkrach"),
    (["specialist", "specialisten"], "specialis"),
    (["begeleiding", "begeleiden"], "begeleid"),
    (["speciaal", "speciale"], "special"),
    (["gesprek", "gesprekken"], "gesprek"),
    (["school", "scholen"], "schol"),
    (["maken", "maakt"], "mak"),
])
def test_inflected_forms_share_a_stem(forms: list[str], expected: str) -> None:
    assert {stem(f) for f in forms} == {expected}


def test_short_words_and_numbers_stay() -> None:
    assert stem("ib") == "ib" and stem("opp") == "opp" and stem("2023") == "2023"


def test_terms_drop_stopwords() -> None:
    assert terms("De juf maakt zich zorgen, hij leest nog steeds niet") == ["juf", "mak", "zorg", "les"]
    assert "niet" in STOPWORDS and "juf" not in STOPWORDS


def test_synonyms_find_paraphrase_and_phrases() -> None:
    syn = load_synonyms()
    assert "~extern" in groups_in("School wil iemand van buiten erbij halen", syn)
    assert "~leerkracht" in groups_in("de meester", syn)
    assert "~helpt-niet" in groups_in("het helpt niet", syn)
    assert "~helpt-niet" not in groups_in("het helpt wel", syn)
    # compounds: a long synonym inside a longer word
    assert {"~gedrag", "~extern"} <= set(groups_in("gedragsspecialist", syn))


def _word_list() -> list[str]:
    """Every word of every route plus the situations, and some hand-picked edge cases."""
    found: set[str] = {"heden", "lijkheden", "gemene", "zitten", "blijven", "wordt", "eens", "jas", "ijs",
                       "café", "geëvalueerd", "ruzie", "aaa", "x1", "bezorgdheid", "baarheid", "gekkigheid"}
    for loaded in real_routes():
        found.update(re.findall(r"\w+", loaded.route.model_dump_json(by_alias=True).lower()))
        for s in situations(loaded.slug):
            found.update(re.findall(r"\w+", s["tekst"].lower()))
    return sorted(found)


def test_js_stemmer_matches_python() -> None:
    word_list = _word_list()
    assert len(word_list) > 500
    js = run_node("console.log(JSON.stringify(input.map((w) => [ww.words(w), ww.words(w).map(ww.stem)])));",
                  word_list)
    python = [[words(w), [stem(x) for x in words(w)]] for w in word_list]
    mismatches = [(w, p, j) for w, p, j in zip(word_list, python, js) if p != j]
    assert not mismatches, mismatches[:20]


def test_js_synonym_groups_match_python() -> None:
    syn = load_synonyms()
    texts = [s["tekst"] for r in real_routes() for s in situations(r.slug)]
    texts += ["het helpt niet", "van buitenaf", "gedragsspecialist", "nog steeds", "in de klas",
              "het helpt nog steeds niet", "weten we echt niet meer", "gaat niet goed", "speciaal basisonderwijs"]
    search = {"synonyms": syn.to_json(), "stopwords": sorted(STOPWORDS), "steps": [], "params": {}}
    js = run_node("console.log(JSON.stringify(input.texts.map((t) => ww.groupsIn(t, input.search))));",
                  {"texts": texts, "search": search})
    assert js == [groups_in(t, syn) for t in texts]
