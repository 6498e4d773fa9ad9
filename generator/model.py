"""The typed model of an ondersteuningsroute.

Route files are written by Dutch school and SWV staff, so every key in a route file is
Dutch (the field *alias*), while the Python attribute names stay English. The model is
deliberately permissive in shape: the five real sources differ a lot (phases, levels,
a branching stappenplan, a per-actor table), so most step fields are optional lists of
the source's own sentences rather than a rigid template.

Nothing here knows about MkDocs; the plugin, the CLI and the tests all use these classes.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StringConstraints
from pydantic_core import PydanticCustomError

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters a YAML escape ("\\x1b", "\\u202e") can put into text: invisible on the
site, and able to recolour or reorder a terminal when a message quotes the text."""


def _no_control(value: str) -> str:
    """Refuse invisible control characters (tab and line break stay allowed)."""
    found = _CONTROL.search(value)
    if found:
        raise PydanticCustomError("stuurteken", "control character U+{code}", {"code": f"{ord(found.group()):04X}"})
    return value


def _one_line(value: object) -> object:
    """Titles, names and labels are one line: a line break would end a heading or an anchor."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _real_date(value: str) -> str:
    """JJJJ-MM-DD must also be a day that exists: no month 13, no 30 February."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("datum_bestaat_niet", "date does not exist", {"date": value}) from None
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_control)]
"""A non-empty piece of Dutch text, shown as plain text (never as HTML or Markdown)."""

Line = Annotated[str, BeforeValidator(_one_line), StringConstraints(strip_whitespace=True, min_length=1),
                 AfterValidator(_no_control)]
"""Text on one line (titles, names, labels, abbreviations): every run of white space,
line breaks included, becomes one space, so a heading, anchor or abbreviation stays whole."""

Slug = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60),
]
"""A stable id: lower case letters, digits and hyphens. Used in URLs, so it must not change."""

# Flags (start, eind, bijlage) are StrictBool: pydantic would otherwise read 'on', 'off', 'yes', 'no' and 1/0 (text and
# numbers in our YAML) as booleans, the very YAML 1.1 trap the loader avoids.

IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_real_date)]
"""A date as JJJJ-MM-DD; kept as text so YAML never turns it into something else."""


class Strict(BaseModel):
    """Base for every part of a route file: unknown keys are errors, keys are Dutch aliases."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=True)


def field(alias: str, description: str, **kwargs: object) -> object:
    """A model field with its Dutch key and the Dutch help text editors show."""
    return Field(alias=alias, description=description, **kwargs)  # type: ignore[call-overload]


# ---------------------------------------------------------------------------
# Enumerations (values are what route authors type)
# ---------------------------------------------------------------------------


class RouteKind(str, Enum):
    """Who owns the route: one school, or a samenwerkingsverband for all its schools."""

    SCHOOL = "school"
    SWV = "samenwerkingsverband"


class Responsibility(str, Enum):
    """How strongly a role is involved in a step; ordered from most to least."""

    FINAL = "eindverantwoordelijk"
    RESPONSIBLE = "verantwoordelijk"
    DIRECTION = "regie"
    CONTACT = "contactpersoon"
    TAKES_PART = "doet-mee"
    INFORMED = "wordt-geinformeerd"


class ParentPart(str, Enum):
    """The kinds of things a route asks of, or promises to, parents."""

    INFORMED = "geinformeerd"
    CONVERSATION = "gesprek"
    TAKES_PART = "neemt-deel"
    CONTRIBUTES = "draagt-bij"
    PERMISSION = "toestemming"
    CONSENT = "instemming"
    SIGNS = "ondertekent"
    DECIDES = "beslist"


class TransitionKind(str, Enum):
    """Why a route moves from one step to another; drawn differently in the flowchart."""

    UP = "opschalen"
    DOWN = "afschalen"
    NEXT = "vervolg"
    BACK = "terug"
    REPEAT = "herhalen"
    BRANCH = "keuze"


class RuleKind(str, Enum):
    """Route-wide rules. Only `nooit-overslaan` is checked by the validator; all are shown."""

    NEVER_SKIP = "nooit-overslaan"
    FREE_ORDER = "vrije-volgorde"
    EVERY_STEP = "bij-elke-stap"
    SCALING = "op-en-afschalen"
    GENERAL = "algemeen"


class TierLayer(str, Enum):
    """The general layers of passend onderwijs, used only to line routes up on Vergelijken."""

    BASIC = "basis"
    SCHOOL = "school"
    SUPPORT_TEAM = "ondersteuningsteam"
    EXTRA = "extra"
    SPECIAL = "speciaal"


class BlockKind(str, Enum):
    """Kinds of extra content inside a route or step, each with its own presentation."""

    PROCEDURE = "procedure"
    CRITERIA = "criteria"
    QUESTIONS = "vragen"
    REGULATION = "regeling"
    OPTIONS = "mogelijkheden"
    LIST = "lijst"
    NOTE = "opmerking"


# ---------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------


class Cited(Strict):
    """A claim the handbook adds to the source's sentences (an arrow, a responsibility, a
    deadline, a rule), with what it rests on.

    `bron` is a verbatim fragment of the source document, so `routewijzer check --bron` can
    find it there; `afgeleid` says why the claim is a reading of the source rather than its
    words. Both are optional, so a new route still validates; `check` counts what is uncited.
    """

    source_quote: Text | None = field(
        "bron",
        "Letterlijk fragment uit het brondocument waarop dit rust (een paar woorden tot een zin); "
        "'routewijzer check --bron' zoekt het op in de tekst van de bron.",
        default=None,
    )
    derived: Text | None = field(
        "afgeleid",
        "Als dit niet letterlijk in de bron staat maar eruit is afgeleid: waarom (bijvoorbeeld "
        "'afgeleid uit het stroomschema'). Dit staat op de pagina naast de bewering.",
        default=None,
    )

    @property
    def cited(self) -> bool:
        """True when the claim names its source fragment or the reason it is derived."""
        return bool(self.source_quote or self.derived)


class CitedText(Cited):
    """A piece of text with its citation, e.g. a deadline: `{tekst: ..., bron: ...}`."""

    text: Text = field("tekst", "De tekst, zoals de bron hem geeft.")

    def __str__(self) -> str:
        return self.text


def plain_text(value: "str | CitedText") -> str:
    """The text of a list entry that may be plain text or cited text."""
    return value if isinstance(value, str) else value.text


# ---------------------------------------------------------------------------
# Route-wide building blocks
# ---------------------------------------------------------------------------


class SubItem(Strict):
    """A list item with its own sub-items, for nested lists in a source (e.g. question lists)."""

    text: Text = field("tekst", "De tekst van het punt.")
    items: list[Text] = field("punten", "Onderliggende punten.", default_factory=list)


Item = Union[Text, SubItem]


class Block(Strict):
    """A titled piece of content: a procedure, a criteria or question list, a regulation."""

    id: Slug | None = field("id", "Optioneel: vaste id, voor een anker op de pagina.", default=None)
    kind: BlockKind = field("soort", "Wat voor onderdeel dit is.", default=BlockKind.LIST)
    title: Line = field("titel", "Titel zoals de bron hem gebruikt.")
    text: Text | None = field("tekst", "Inleidende tekst.", default=None)
    items: list[Item] = field("punten", "De punten, criteria, vragen of stappen.", default_factory=list)
    footer: Text | None = field("slot", "Tekst na de punten.", default=None)


class Tier(Strict):
    """A tier of support in the route's own words (basisondersteuning, 'Sterke basis', ...)."""

    id: Slug = field("id", "Vaste id van het niveau.")
    name: Line = field("naam", "Naam van het niveau zoals de bron die gebruikt.")
    description: Text | None = field("omschrijving", "Korte uitleg.", default=None)
    layer: TierLayer | None = field(
        "laag",
        "Optioneel: bij welke algemene laag van passend onderwijs dit niveau hoort (basis, school, "
        "ondersteuningsteam, extra of speciaal). Alleen gebruikt om routes naast elkaar te zetten op de "
        "pagina Vergelijken.",
        default=None,
    )


class Role(Strict):
    """Someone who acts in the route: a person, a team or an organisation."""

    id: Slug = field("id", "Vaste id van de rol.")
    name: Line = field("naam", "Naam van de rol, bijvoorbeeld 'Intern begeleider (IB)'.")
    abbreviation: Line | None = field("afkorting", "Afkorting zoals 'IB'.", default=None)
    description: Text = field("omschrijving", "Wie dit is, in één of twee zinnen.")
    source_note: Text | None = field(
        "herkomst", "Waar de omschrijving vandaan komt als die niet uit de bron is.", default=None
    )


class Document(Strict):
    """A document or record the route asks for (OPP, groeidocument, TLV-aanvraag, ...)."""

    id: Slug = field("id", "Vaste id van het document.")
    name: Line = field("naam", "Naam van het document.")
    abbreviation: Line | None = field("afkorting", "Afkorting zoals 'OPP'.", default=None)
    description: Text = field("omschrijving", "Wat het document is en waarvoor het dient.")
    where: Text | None = field("vastgelegd-in", "Waar het wordt vastgelegd (ParnasSys, Kindkans, ...).", default=None)
    source_note: Text | None = field("herkomst", "Bron van de omschrijving als die niet uit de route komt.", default=None)


class Term(Strict):
    """A glossary entry; `herkomst` says where a meaning comes from when not from the route."""

    term: Line = field("term", "Het begrip.")
    abbreviation: Line | None = field("afkorting", "Afkorting, als het begrip er een heeft.", default=None)
    meaning: Text = field("uitleg", "Wat het betekent.")
    source_note: Text | None = field("herkomst", "Bron van de uitleg als die niet uit de route komt.", default=None)


class Rule(Cited):
    """A route-wide rule, shown prominently on the overview and checked where possible."""

    id: Slug = field("id", "Vaste id van de regel.")
    kind: RuleKind = field("soort", "Soort regel; 'nooit-overslaan' wordt gecontroleerd.")
    text: Text = field("tekst", "De regel in de woorden van de bron.")
    step: Slug | None = field("stap", "De stap waar de regel over gaat (verplicht bij 'nooit-overslaan').", default=None)
    items: list[Text] = field("punten", "Punten die bij de regel horen.", default_factory=list)


class ChangeEntry(Strict):
    """One entry of the change log a route carries between ondersteuningsplan periods."""

    version: Line = field("versie", "Versienummer.")
    date: IsoDate = field("datum", "Datum als JJJJ-MM-DD.")
    text: Text = field("tekst", "Wat er veranderde.")


class Source(Strict):
    """The document the route was taken from, with its version as the source states it."""

    title: Line = field("titel", "Titel van het brondocument.")
    version: Line | None = field("versie", "Versie of datum zoals de bron die noemt ('versie 5-6-23').", default=None)
    date: Line | None = field("datum", "Datum zoals de bron die noemt ('mei 2022').", default=None)
    file: Text | None = field("bestand", "Het bestand waar de route uit is overgenomen.", default=None)
    note: Text | None = field("opmerking", "Opmerking over de bron of de overname.", default=None)


class Organisation(Strict):
    """The school and/or samenwerkingsverband behind the route."""

    name: Line = field("naam", "Naam van de organisatie zoals die op de site moet staan.")
    school: Line | None = field("school", "Naam van de school, als de route van één school is.", default=None)
    swv: Line | None = field("samenwerkingsverband", "Naam van het samenwerkingsverband.", default=None)
    note: Text | None = field("opmerking", "Bijvoorbeeld: 'naam van de school staat niet in het document'.", default=None)
    display: Text | None = field(
        "weergavenaam",
        "Optioneel: de korte naam die bezoekers in titels, kop en menu zien, bijvoorbeeld 'De Springschans'. "
        "Zonder weergavenaam staat 'naam' er.",
        default=None,
    )

    @property
    def display_name(self) -> str:
        """The name readers see in titles, the header and menus: the author's choice, else `naam`."""
        return self.display or self.name


# ---------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------


class RolePart(Cited):
    """What one role does in one step, and how responsible it is."""

    role: Slug = field("rol", "Id van de rol (uit 'rollen').")
    responsibility: Responsibility = field("verantwoordelijkheid", "Hoe de rol betrokken is.")
    condition: Text | None = field(
        "voorwaarde",
        "Alleen als de bron de verantwoordelijkheid aan een voorwaarde bindt: wanneer die geldt ('wanneer er "
        "sprake is van ...'). De pagina's tonen de voorwaarde naast de verantwoordelijkheid.",
        default=None,
    )
    tasks: list[Text] = field("taken", "Wat de rol in deze stap doet.", default_factory=list)


class ParentItem(Strict):
    """One thing parents are asked, told or may decide in a step."""

    kind: ParentPart = field("soort", "Wat er van ouders gevraagd of verwacht wordt.")
    text: Text = field("tekst", "In de woorden van de bron.")
    plain: Text | None = field(
        "eenvoudig",
        "Hetzelfde in eenvoudige taal voor ouders (B1, 'u'); de pagina voor ouders toont dit eerst en de "
        "woorden van de bron achter 'Zo staat het in de bron'. Mogelijkheden schrijft u als mogelijkheid "
        "('de school kan ...').",
        default=None,
    )


class Parents(Strict):
    """The parents' part in a step: what the source says, plus a plain-language summary."""

    items: list[ParentItem] = field("punten", "Wat ouders in deze stap doen, horen of beslissen.", default_factory=list)
    plain: Text | None = field(
        "eenvoudig", "Uitleg voor ouders in eenvoudige taal (B1), alleen wat de bron zegt.", default=None
    )
    title: Text | None = field(
        "titel",
        "Optioneel: de titel van de stap voor ouders, in gewone woorden, bijvoorbeeld 'naar het speciaal "
        "basisonderwijs (TLV)'. Zonder titel staat de gewone titel van de stap er.",
        default=None,
    )


class DocumentUse(Cited):
    """A document a step makes, fills in, signs or sends, with who and by when."""

    document: Slug = field("document", "Id van het document (uit 'documenten').")
    action: Text = field("handeling", "Wat er met het document gebeurt: opstellen, aanvullen, ondertekenen, ...")
    by: list[Slug] = field("wie", "Ids van de rollen die dit doen.", default_factory=list)
    deadline: Text | None = field("termijn", "Termijn zoals de bron die noemt ('binnen zes weken').", default=None)
    details: list[Item] = field("inhoud", "Wat erin moet staan, volgens de bron.", default_factory=list)


class ActorColumn(Strict):
    """One row of a per-actor table (seed 004: doel and middel per leerling, leerkracht, ...)."""

    actor: Line = field("betrokkene", "Voor wie: Leerling, Leerkracht, Ouders, School, ...")
    goals: list[Text] = field("doel", "Doelen voor deze betrokkene.", default_factory=list)
    means: list[Item] = field("middel", "Middelen of mogelijkheden.", default_factory=list)
    means_intro: Text | None = field("middel-inleiding", "Tekst boven de middelen.", default=None)


class Transition(Cited):
    """An arrow from this step to another, with the condition the source gives."""

    to: Slug = field("naar", "Id van de stap waar deze overgang naartoe gaat.")
    kind: TransitionKind = field("soort", "Soort overgang.", default=TransitionKind.NEXT)
    condition: Text = field("voorwaarde", "Wanneer deze overgang geldt, in de woorden van de bron.")
    label: Line | None = field("label", "Korte tekst bij de pijl in het stroomschema.", default=None)


class Step(Strict):
    """A phase, level or step of the route, with everything the source says about it."""

    id: Slug = field("id", "Vaste id van de stap, bijvoorbeeld 'stap-3'.")
    label: Line = field("label", "Het label dat de bron gebruikt: 'Fase 3', 'niveau 4', 'Stap 5A'.")
    title: Line = field("titel", "Titel van de stap.")
    tier: Slug = field("niveau", "Id van het ondersteuningsniveau (uit 'niveaus').")
    start: StrictBool = field("start", "Hier begint de route.", default=False)
    end: StrictBool = field("eind", "Hier mag de route eindigen (geen vervolgstap nodig).", default=False)
    summary: Text = field("samenvatting", "Eén zin: waar deze stap om draait.")
    description: list[Text] = field("omschrijving", "Alinea's uit de bron over deze stap.", default_factory=list)
    goal: list[Text] = field("doel", "Doel van de stap.", default_factory=list)
    signals: list[Text] = field("signalen", "Wanneer je in deze stap bent.", default_factory=list)
    actions: list[Item] = field("acties", "Wat er gebeurt.", default_factory=list)
    roles: list[RolePart] = field("rollen", "Wie doet wat.", default_factory=list)
    parents: Parents | None = field("ouders", "De rol van ouders.", default=None)
    documents: list[DocumentUse] = field("documenten", "Documenten in deze stap.", default_factory=list)
    records: list[Text] = field("vastleggen", "Wat waar wordt vastgelegd.", default_factory=list)
    legal: list[Item] = field("wettelijk-kader", "Wettelijk kader bij deze stap.", default_factory=list)
    deadlines: list[Union[Text, CitedText]] = field(
        "termijnen", "Termijnen: tekst, of {tekst, bron/afgeleid} met de plek in de bron.", default_factory=list
    )
    evaluation: list[Text] = field("evaluatie", "Hoe en hoe vaak er geëvalueerd wordt.", default_factory=list)
    actors: list[ActorColumn] = field("per-betrokkene", "Doel en middel per betrokkene.", default_factory=list)
    blocks: list[Block] = field("onderdelen", "Procedures, criteria, vragenlijsten in deze stap.", default_factory=list)
    notes: list[Text] = field("opmerkingen", "Opmerkingen, uitzonderingen en 'let op'.", default_factory=list)
    transitions: list[Transition] = field("overgangen", "Mogelijke volgende stappen.", default_factory=list)
    phrases: list[Text] = field(
        "herkenning",
        "Voor de wegwijzer: hoe leerkrachten en ouders deze situatie zelf beschrijven.",
        default_factory=list,
    )

    @property
    def own_title(self) -> str:
        """The title, or '' where the source's title only repeats the label ('Zorgoverleg')."""
        return "" if self.title.strip().casefold() == self.label.strip().casefold() else self.title

    @property
    def name(self) -> str:
        """'<label>: <titel>', the name a step has in headings, navigation and links."""
        return f"{self.label}: {self.own_title}" if self.own_title else self.label


# ---------------------------------------------------------------------------
# Wegwijzer (decision aid)
# ---------------------------------------------------------------------------


class Answer(Strict):
    """An answer option: leads to another question or to a step (the advice)."""

    text: Line = field("tekst", "De tekst van het antwoord.")
    next: Slug | None = field("volgende", "Id van de volgende vraag.", default=None)
    outcome: Slug | None = field("advies", "Id van de stap die de wegwijzer dan aanraadt.", default=None)
    current: Slug | None = field(
        "huidige-stap", "De stap waar iemand met dit antwoord nu is (voor de controle op regels).", default=None
    )
    reason: Text | None = field("toelichting", "Waarom dit antwoord tot dit advies leidt.", default=None)


class Question(Strict):
    """One guided question, asked one at a time."""

    id: Slug = field("id", "Vaste id van de vraag.")
    text: Line = field("vraag", "De vraag, kort.")
    hint: Text | None = field("hint", "Extra uitleg onder de vraag.", default=None)
    answers: list[Answer] = field("antwoorden", "De antwoorden.", min_length=2)


class Exclusion(Strict):
    """A step the questions never suggest, with the reason why."""

    step: Slug = field("stap", "Id van de stap.")
    reason: Text = field("reden", "Waarom de wegwijzer deze stap niet als advies geeft.")


class Wegwijzer(Strict):
    """The guided questions of a route's decision aid."""

    start: Slug = field("start", "Id van de eerste vraag.")
    questions: list[Question] = field("vragen", "De vragen.", min_length=1)
    excluded: list[Exclusion] = field("uitgesloten", "Stappen die nooit als advies uitkomen.", default_factory=list)


# ---------------------------------------------------------------------------
# The route
# ---------------------------------------------------------------------------


class Route(Strict):
    """One ondersteuningsroute, as written in one file in `routes/`."""

    title: Line = field("titel", "Naam van de route.")
    kind: RouteKind = field("soort", "Route van een school of van een samenwerkingsverband.")
    organisation: Organisation = field("organisatie", "Wie de route publiceert.")
    source: Source = field("bron", "Het brondocument.")
    plan_period: Line | None = field(
        "ondersteuningsplan", "Periode van het ondersteuningsplan, bijvoorbeeld '2022-2026'.", default=None
    )
    appendix: StrictBool = field("bijlage", "De route is een bijlage bij het ondersteuningsplan.", default=False)
    version: Line = field("versie", "Versie van dit routebestand, bijvoorbeeld '1.0'.")
    date: IsoDate = field("datum", "Datum van deze versie, JJJJ-MM-DD.")
    changelog: list[ChangeEntry] = field("wijzigingen", "Wat er per versie veranderde.", default_factory=list)
    introduction: list[Text] = field("inleiding", "Inleiding: alinea's uit de bron.", default_factory=list)
    tiers: list[Tier] = field("niveaus", "De ondersteuningsniveaus in de woorden van de route.", min_length=1)
    roles: list[Role] = field("rollen", "Alle rollen in de route.", min_length=1)
    documents: list[Document] = field("documenten", "Alle documenten in de route.", default_factory=list)
    rules: list[Rule] = field("regels", "Regels die voor de hele route gelden.", default_factory=list)
    blocks: list[Block] = field("onderdelen", "Regelingen, criteria en andere route-brede inhoud.", default_factory=list)
    terms: list[Term] = field("begrippen", "Begrippen en afkortingen.", default_factory=list)
    steps: list[Step] = field("stappen", "De stappen, fasen of niveaus, in volgorde.", min_length=1)
    wegwijzer: Wegwijzer | None = field("wegwijzer", "De vragen van de wegwijzer.", default=None)


class LoadedRoute(BaseModel):
    """A validated route together with where it came from; the unit every renderer takes."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    slug: str
    path: str
    route: Route
