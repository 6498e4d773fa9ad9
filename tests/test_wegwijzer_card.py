"""The action card (generator/wegwijzer/card.py): per reader, from the real routes.

No browser: these check the data the card is built from, so a glitch in the texts (a
repeated deadline, a dangling colon) or a contact who is the reader fails here first.
"""

from __future__ import annotations

import pytest

from generator.model import DocumentUse
from generator.layout import Layout
from generator.links import PageLinks
from generator.wegwijzer.card import READERS, action_card, document_line, role_kinds
from support.routes import site_routes
from support.wegwijzer import routes_with_wegwijzer


def step_of(loaded: object, step_id: str) -> object:
    return next(s for s in loaded.route.steps if s.id == step_id)


def card_for(slug: str, step: str) -> dict:
    loaded = next(r for r in site_routes() if r.slug == slug)
    return action_card(loaded, step_of(loaded, step), PageLinks(Layout(), slug, f"{slug}/wegwijzer/index.md"))


def test_a_deadline_the_action_already_says_is_said_once() -> None:
    use = DocumentUse.model_validate({"document": "opp", "handeling": "Na plaatsing (binnen 6 weken) OPP",
                                      "termijn": "na plaatsing binnen zes weken"})
    assert document_line(use, "Ontwikkelingsperspectief (OPP)", "OPP") == "Na plaatsing binnen zes weken"
    other = DocumentUse.model_validate({"document": "x", "handeling": "opstellen", "termijn": "binnen zes weken"})
    assert document_line(other, "Plan", None) == "opstellen (termijn: binnen zes weken)"
    said = DocumentUse.model_validate({"document": "x", "handeling": "binnen 6 weken opstellen en bespreken",
                                       "termijn": "binnen zes weken"})
    assert document_line(said, "Plan", None) == "binnen 6 weken opstellen en bespreken"


def test_an_action_ending_in_a_colon_gets_what_follows_it() -> None:
    use = DocumentUse.model_validate({"document": "aanvraag", "handeling": "Aanvraag verzenden naar/ ter beoordeling van:",
                                      "inhoud": ["Via LDOS naar bestuur CEO"]})
    assert document_line(use, "Aanvraag (TLV)", "TLV") == "Aanvraag verzenden naar/ ter beoordeling van: Via LDOS naar bestuur CEO"
    bare = DocumentUse.model_validate({"document": "aanvraag", "handeling": "Verzenden naar:"})
    assert document_line(bare, "Aanvraag", None) == "Verzenden naar"


def test_de_kempen_stap_6_reads_without_glitches() -> None:
    card = card_for("de-kempen", "stap-6")
    texts = [f"{r['name']}: {r['text']}" for reader in card["readers"].values() for r in reader["record"]]
    assert texts
    assert not any(t.rstrip().endswith(":") for t in texts), texts
    assert not any("(na plaatsing binnen zes weken)" in t for t in texts), texts
    assert any("Via LDOS naar bestuur CEO" in t for t in texts)
    parent = card["readers"]["ouder"]
    assert any("tekenen" in t.lower() or "handtekening" in t.lower() for t in (r["text"] for r in parent["record"]))


@pytest.mark.parametrize("loaded", routes_with_wegwijzer(), ids=lambda r: r.slug)
def test_the_contact_is_never_the_reader(loaded: object) -> None:
    kinds = role_kinds(loaded)
    names = {r.name: kinds[r.id] for r in loaded.route.roles}
    links = PageLinks(Layout(), loaded.slug, f"{loaded.slug}/wegwijzer/index.md")
    outcomes = {a.outcome for q in loaded.route.wegwijzer.questions for a in q.answers if a.outcome}
    assert outcomes
    for step_id in outcomes:
        card = action_card(loaded, step_of(loaded, step_id), links)
        assert set(card["readers"]) == {reader for reader, _ in READERS}
        for reader, part in card["readers"].items():
            if part["contact"]:
                assert names[part["contact"]["name"]] not in (reader, "leerling"), (step_id, reader)
            assert not any(r["text"].rstrip().endswith(":") for r in part["record"]), (step_id, reader)


def test_the_teacher_card_of_springschans_fase_2_says_what_to_record() -> None:
    card = card_for("de-springschans", "fase-2")
    teacher = card["readers"]["leerkracht"]
    assert teacher["contact"]["name"] != "Leerkracht"
    assert any(r["name"] == "Leerlingdossier" for r in teacher["record"])
    assert len(teacher["record"]) == 1  # the record and the document say the same once
    assert teacher["do"] and card["next"][0]["url"].endswith("fase-3/")


def test_wanneer_bent_u_hier_is_never_an_empty_section(built_site: object) -> None:
    """De Kempen stap 6 has no signals, only people's own words: they show, not folded away."""
    html = (built_site / "de-kempen" / "stappen" / "stap-6" / "index.html").read_text(encoding="utf-8")
    assert "Wanneer ben je hier" not in html
    section = html.split(">Wanneer bent u hier", 1)[1].split("<h2", 1)[0]
    assert "past een speciale school beter bij mijn kind?" in section
    assert "<details" not in section
