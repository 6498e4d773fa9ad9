"""The readability report for parents' texts: a Flesch-Douma figure per route and warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.load import load_route, load_routes
from generator.readability import B1_MAX_WORDS, measure, parent_texts, report_lines, sentences, syllable_count

ROOT = Path(__file__).resolve().parent.parent


def _starter(tmp_path: Path, plain: str) -> Path:
    """The starter route with its first parents' plain text replaced."""
    assert main(["new", "De Regenboog", "--map", str(tmp_path)]) == 0
    path = tmp_path / "de-regenboog.yaml"
    text = path.read_text(encoding="utf-8")
    old = "      eenvoudig: De leerkracht vertelt u wat hij of zij extra doet.\n"
    assert old in text
    path.write_text(text.replace(old, f'      eenvoudig: "{plain}"\n'), encoding="utf-8")
    return path


def test_syllables_and_sentences_are_dutch() -> None:
    assert syllable_count("kind") == 1
    assert syllable_count("ondersteuning") >= 4
    assert syllable_count("toelaatbaarheidsverklaring") >= 6
    assert sentences("De school belt u. Daarna komt er een gesprek! Is dat goed?") == [
        "De school belt u.", "Daarna komt er een gesprek!", "Is dat goed?"]


def test_plain_text_scores_higher_than_jargon(tmp_path: Path) -> None:
    easy = measure(load_route(_starter(tmp_path / "a", "De juf belt u. Ze zegt hoe het gaat. U mag ook bellen.")))
    hard = measure(load_route(_starter(tmp_path / "b", "Het multidisciplinair ondersteuningsteam formuleert "
                                                       "onderwijsbehoeften ten behoeve van handelingsgerichte "
                                                       "arrangementen.")))
    assert easy.flesch_douma is not None and hard.flesch_douma is not None
    assert easy.flesch_douma > hard.flesch_douma + 30
    assert hard.long_word_share > easy.long_word_share


def test_long_sentence_and_unexplained_jargon_are_warned(tmp_path: Path) -> None:
    long_sentence = " ".join(["de school en u praten samen"] * 4) + "."
    path = _starter(tmp_path, f"{long_sentence[0].upper()}{long_sentence[1:]} Het ZAT en het groeidocument volgen. "
                              "De IB kijkt mee bij het OPP.")
    lines = report_lines(load_route(path))
    assert lines[0].startswith(f"{load_route(path).path}: leesbaarheid van de teksten voor ouders: Flesch-Douma ")
    warnings = "\n".join(lines[1:])
    assert f"zin van {len(long_sentence.split())} woorden (B1: hoogstens {B1_MAX_WORDS})" in warnings
    assert "'ZAT' wordt niet uitgelegd" in warnings
    assert "'groeidocument' wordt niet uitgelegd" in warnings
    # IB and OPP are explained by the route (the afkorting of a role and of a document).
    assert "'IB'" not in warnings and "'OPP'" not in warnings
    assert "Stap 1: ouders.eenvoudig" in warnings


def test_parent_texts_prefer_the_plain_wording() -> None:
    loaded = load_route(ROOT / "routes" / "de-kempen.yaml")
    texts = {t.text for t in parent_texts(loaded.route)}
    assert "De school kan een kennismakingsgesprek met u houden." in texts
    assert "Kennismakingsgesprek" not in texts


@pytest.mark.parametrize("loaded", load_routes([ROOT / "routes"])[0], ids=lambda r: r.slug)
def test_the_five_routes_read_plainly(loaded) -> None:
    """The parents' texts of the real routes stay near B1: Flesch-Douma 55 or more, short sentences."""
    r = measure(loaded)
    assert r.texts >= 10 and r.flesch_douma is not None
    assert r.flesch_douma >= 55, f"{loaded.slug}: Flesch-Douma {r.flesch_douma:.0f}"
    assert r.words_per_sentence <= 15


def test_check_prints_the_readability_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "routes" / "ijssel-berkel.yaml")]) == 0
    out = capsys.readouterr().out
    assert "leesbaarheid van de teksten voor ouders: Flesch-Douma" in out
    assert "woorden per zin" in out and "lange woorden" in out
