"""Faithfulness: every statement in a route file appears on the page where a reader looks for it.

The test walks each route's model and collects every piece of text an author wrote
(steps, roles, responsibilities, documents, deadlines, rules, criteria, questions,
citations …), each with its field path. Every path belongs to one or more page types
(PAGE_TYPES: the overview, each step's own page, Wie doet wat, Documenten, Voor ouders,
the wegwijzer's list of paths), and each page type is checked on its own against the
visible text of that page only. So a step page that loses a field fails, even though the
print version still contains the whole route; and a field that no page type claims fails
`test_every_field_belongs_to_a_page_type`.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.load import load_routes
from generator.model import LoadedRoute
from generator.handbook import RouteView

ROOT = Path(__file__).resolve().parent.parent
ROUTES, _PROBLEMS = load_routes([ROOT / "routes"])

# Fields that hold references, ids or dates rather than statements.
NOT_STATEMENTS = {"id", "role", "document", "to", "tier", "step", "next", "outcome", "current", "by", "date", "file",
                  "start"}


class _TextOnly(HTMLParser):
    """Visible text of a page (plus title attributes), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def normalise(text: str) -> str:
    """Compare text as a reader sees it: entities resolved, whitespace folded, quotes unified."""
    text = html.unescape(text)
    text = text.replace("\u00ad", "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def statements(node: object, path: str = "") -> list[tuple[str, str]]:
    """(field path, text) for every authored text in a model tree."""
    found: list[tuple[str, str]] = []
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            if name in NOT_STATEMENTS:
                continue
            found.extend(statements(getattr(node, name), f"{path}.{info.alias or name}"))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(statements(item, f"{path}[{index}]"))
    elif isinstance(node, str) and not hasattr(node, "value"):
        found.append((path.lstrip("."), node))
    return found


def route_text(site: Path, loaded: LoadedRoute) -> str:
    """All visible text of the route's pages in the built site."""
    parts: list[str] = []
    for page in sorted((site / loaded.slug).rglob("*.html")):
        parser = _TextOnly()
        parser.feed(page.read_text(encoding="utf-8"))
        parts.append("".join(parser.parts))
    return normalise(" ".join(parts))


def page_text(page: Path) -> str:
    """Visible text of one built page."""
    parser = _TextOnly()
    parser.feed(page.read_text(encoding="utf-8"))
    return normalise("".join(parser.parts))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"(])")


def sentences_of(value: str) -> list[str]:
    """The sentences of a normalised text (split after . ! ? before a capital, digit, quote or '(')."""
    return [s for s in _SENTENCE_END.split(value) if s]


def shown(value: str, text: str) -> bool:
    """Whether a page shows a statement: whole, or sentence by sentence.

    Pages say a sentence once (generator.handbook.Once): a paragraph or list item
    leaves out the sentences the page said higher up, so a statement can be on the page in
    pieces. Every sentence must still be there; a field with a sentence of its own that a
    template drops fails."""
    return value in text or all(s in text for s in sentences_of(value))


SAID_ONCE = {"stap"}
"""Page types that say each sentence once, however many fields hold it (step pages: the
answers first, then the source text without what the answers already said). On the other
page types a text held by several fields must appear as often as the fields that hold it."""


_STEP = r"stappen\[(\d+)\]"

PAGE_TYPES: dict[str, tuple[str, list[str]]] = {
    # page type: (page path inside the route's folder, "{step}" for a step page; field-path patterns)
    "overzicht": ("index.html", [
        r"titel", r"organisatie\..+", r"bron\.(titel|versie|datum|opmerking)", r"ondersteuningsplan", r"versie",
        r"wijzigingen\[\d+\]\.(versie|tekst)", r"inleiding\[\d+\]", r"niveaus\[\d+\]\.(naam|omschrijving)",
        r"regels\[\d+\]\..+", r"onderdelen\[\d+\]\..+", r"begrippen\[\d+\]\..+",
        _STEP + r"\.(label|samenvatting)", _STEP + r"\.overgangen\[\d+\]\.(voorwaarde|label|bron|afgeleid)",
    ]),
    "stap": ("stappen/{step}/index.html", [
        # Everything about a step, on its own page; the parents' plain wording (per item, and the
        # plain heading 'titel' that names the step for parents) is on Voor ouders.
        _STEP + r"\.(?!ouders\.punten\[\d+\]\.eenvoudig$|ouders\.titel$).+",
    ]),
    "wie-doet-wat": ("wie-doet-wat/index.html", [
        r"rollen\[\d+\]\..+", _STEP + r"\.rollen\[\d+\]\.(taken\[\d+\]|voorwaarde|bron|afgeleid)",
    ]),
    "documenten": ("documenten/index.html", [
        r"documenten\[\d+\]\..+", _STEP + r"\.documenten\[\d+\]\.(handeling|termijn|inhoud.*)",
    ]),
    "voor-ouders": ("voor-ouders/index.html", [
        _STEP + r"\.ouders\.(titel|eenvoudig|punten\[\d+\]\.(tekst|eenvoudig))",
    ]),
    "wegwijzer": ("wegwijzer/paden/index.html", [
        r"wegwijzer\.vragen\[\d+\]\.(vraag|antwoorden\[\d+\]\.(tekst|toelichting))",
    ]),
}
"""Where each field of a route file must be readable. Patterns match the whole field path."""

NOT_ON_A_PAGE: list[tuple[str, str]] = [
    (r"bron\.bestand", "the file name of the source is a reference (NOT_STATEMENTS skips it anyway)"),
    (r"wegwijzer\.vragen\[\d+\]\.hint", "hints are shown by the wegwijzer script, one question at a time"),
    (r"wegwijzer\.uitgesloten\[\d+\]\.reden", "an editor's reason, checked by the validator"),
]
"""Fields no page type claims, each with the reason."""


def claimed_by(path: str) -> list[str]:
    """The page types whose patterns match a field path."""
    return [name for name, (_, patterns) in PAGE_TYPES.items() if any(re.fullmatch(p, path) for p in patterns)]


def expected_on(loaded: LoadedRoute, page_type: str) -> dict[str, list[tuple[str, str]]]:
    """Page path (relative to the route folder) -> statements that page must show."""
    template, patterns = PAGE_TYPES[page_type]
    pages: dict[str, list[tuple[str, str]]] = {}
    for path, value in statements(loaded.route):
        if path in replaced(loaded) or not any(re.fullmatch(p, path) for p in patterns):
            continue
        step = re.match(_STEP, path)
        page = template.format(step=loaded.route.steps[int(step.group(1))].id) if "{step}" in template and step else template
        pages.setdefault(page, []).append((path, value))
    return pages


def replaced(loaded: LoadedRoute) -> set[str]:
    """Field paths another field stands in for on purpose: `organisatie.naam` when the author
    gave a `weergavenaam` (the name readers see; the formal name may say '(naam niet in het
    document)', which is not for readers, and the note says so). The stand-in is checked."""
    return {"organisatie.naam"} if loaded.route.organisation.display else set()


def deduplicated_actions(loaded: LoadedRoute) -> set[str]:
    """Field paths of actions a step page leaves out on purpose because its description already
    says them word for word (RouteView.new_actions); they count once, in the description."""
    view = RouteView(loaded)
    paths: set[str] = set()
    for index, step in enumerate(loaded.route.steps):
        kept = [id(a) for a in view.new_actions(step)]
        for number, action in enumerate(step.actions):
            if id(action) not in kept:
                paths |= {p for p, _ in statements(action, f"stappen[{index}].acties[{number}]")}
    return paths


def merged_document_uses(loaded: LoadedRoute) -> set[str]:
    """Field paths of document uses the Documenten list merges into an identical earlier use of
    the same document (RouteView.document_uses: one entry, several steps); they count once."""
    view = RouteView(loaded)
    first = {id(group.use) for document in loaded.route.documents for group in view.document_uses(document.id)}
    paths: set[str] = set()
    for index, step in enumerate(loaded.route.steps):
        for number, use in enumerate(step.documents):
            if id(use) not in first:
                paths |= {p for p, _ in statements(use, f"stappen[{index}].documenten[{number}]")}
    return paths


def test_all_routes_load() -> None:
    assert not _PROBLEMS, "\n".join(str(p) for p in _PROBLEMS)
    assert len(ROUTES) >= 5


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_every_statement_appears_in_the_handbook(built_site: Path, loaded: LoadedRoute) -> None:
    text = route_text(built_site, loaded)
    items = statements(loaded.route)
    assert len(items) > 20, "the walk found suspiciously little text"
    missing = [f"{path}: {value!r}" for path, value in items
               if path not in replaced(loaded) and not shown(normalise(value), text)]
    assert not missing, f"{len(missing)} of {len(items)} statements are not in the pages:\n" + "\n".join(missing[:40])


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_each_page_type_shows_its_own_fields(built_site: Path, loaded: LoadedRoute, page_type: str) -> None:
    """Each page type on its own: a field missing from that page fails, wherever else it is."""
    pages = expected_on(loaded, page_type)
    shown_once = deduplicated_actions(loaded)
    if page_type == "documenten":
        shown_once |= merged_document_uses(loaded)
    if page_type == "wegwijzer" and loaded.route.wegwijzer is None:
        assert not pages
        return
    assert pages, f"{page_type}: no statements expected on this page type, so the patterns are wrong"
    missing: list[str] = []
    for page, items in sorted(pages.items()):
        file = built_site / loaded.slug / page
        assert file.is_file(), f"{file} was not built"
        text = page_text(file)
        # A text that several fields hold (a sentence in the description and again under
        # evaluation) must appear at least as often as the fields that contain it, or dropping
        # one of those fields from a template would go unnoticed. Not on pages that say each
        # sentence once (SAID_ONCE): there every sentence of every field must be on the page.
        held = [normalise(value) for path, value in items if path not in shown_once]
        for path, value in items:
            value = normalise(value)
            if page_type in SAID_ONCE:
                # Each sentence once: every sentence of the field is on the page, however many
                # fields hold it; one the page lacks is a dropped field.
                if not shown(value, text):
                    absent = [s for s in sentences_of(value) if s not in text]
                    missing.append(f"{page}: {path}: {value!r} (not on the page: {absent!r})")
                continue
            if value not in text:
                missing.append(f"{page}: {path}: {value!r}")
                continue
            needed = sum(value in other for other in held)
            if text.count(value) < needed:
                missing.append(f"{page}: {path}: {value!r} appears {text.count(value)}x, "
                               f"but {needed} fields contain it")
    total = sum(len(items) for items in pages.values())
    assert not missing, f"{len(missing)} of {total} statements are not on their {page_type} page:\n" + "\n".join(missing[:40])


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_every_field_belongs_to_a_page_type(loaded: LoadedRoute) -> None:
    """No authored text escapes the per-page checks: each field path is claimed by a page type
    or listed, with its reason, in NOT_ON_A_PAGE."""
    loose = [path for path, _ in statements(loaded.route)
             if not claimed_by(path) and not any(re.fullmatch(p, path) for p, _ in NOT_ON_A_PAGE)]
    assert not loose, "fields no page type checks:\n" + "\n".join(loose[:40])


def test_step_pattern_claims_the_citations() -> None:
    """The citations of a step's claims are part of what its step page must show."""
    for path in ("stappen[2].overgangen[0].bron", "stappen[2].rollen[1].afgeleid", "stappen[0].termijnen[0].bron",
                 "stappen[0].documenten[1].bron", "stappen[3].rollen[0].voorwaarde"):
        assert "stap" in claimed_by(path), path
    assert claimed_by("stappen[1].ouders.punten[0].eenvoudig") == ["voor-ouders"]
    assert claimed_by("stappen[1].ouders.titel") == ["voor-ouders"]
