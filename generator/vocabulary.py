"""The Dutch words for the model's enumerations, and the sets of them that mean something.

Route files use fixed values ('eindverantwoordelijk', 'opschalen', 'nooit-overslaan');
pages say them in sentences, table cells, headings and arrow labels. Every such word, and
every group of values a page treats alike ("who leads a step", "who to talk to"), is
defined here once, so renaming a word or regrouping a responsibility is one edit.
Templates get these words from the view objects; they spell none of them out.
"""

from __future__ import annotations

import re

from collections.abc import Iterable

from .model import ParentPart, Responsibility, RouteKind, RuleKind, TransitionKind

# ---------------------------------------------------------------------------
# Route kinds
# ---------------------------------------------------------------------------

ROUTE_KIND_NAMES: dict[RouteKind, str] = {
    RouteKind.SCHOOL: "Route van een school",
    RouteKind.SWV: "Route van een samenwerkingsverband",
}
"""What kind of route this is, as the overview, the print version and the route cards say it."""

# ---------------------------------------------------------------------------
# Responsibilities
# ---------------------------------------------------------------------------

RESPONSIBILITY_WORDS: dict[Responsibility, str] = {
    Responsibility.FINAL: "eindverantwoordelijk",
    Responsibility.RESPONSIBLE: "verantwoordelijk",
    Responsibility.DIRECTION: "regie",
    Responsibility.CONTACT: "contactpersoon",
    Responsibility.TAKES_PART: "doet mee",
    Responsibility.INFORMED: "wordt geïnformeerd",
}
"""How a responsibility reads in a sentence or table cell."""

RESPONSIBILITY_SYMBOLS: dict[Responsibility, str] = {
    Responsibility.FINAL: "E",
    Responsibility.RESPONSIBLE: "V",
    Responsibility.DIRECTION: "R",
    Responsibility.CONTACT: "C",
    Responsibility.TAKES_PART: "D",
    Responsibility.INFORMED: "I",
}
"""One-letter codes for the roles × steps matrix; always paired with hidden full text and a legend."""

# Four different questions about responsibilities, each with its own answer. They are kept
# apart on purpose: merging any two would change what a page says.

LEADS_STEP: tuple[Responsibility, ...] = (Responsibility.FINAL, Responsibility.DIRECTION)
"""Who *leads* a step: marked ★ on step pages and Wie doet wat, and named as 'wie leidt'
in a step's answers block."""

IN_CHARGE: tuple[Responsibility, ...] = (Responsibility.FINAL, Responsibility.DIRECTION, Responsibility.RESPONSIBLE)
"""Who is *in charge* of a layer on Vergelijken (its column 'Regie en eindverantwoordelijkheid'):
those who lead, and those responsible; listed in this order."""

TALK_TO: frozenset[Responsibility] = frozenset(
    {Responsibility.FINAL, Responsibility.RESPONSIBLE, Responsibility.DIRECTION, Responsibility.CONTACT})
"""Who a reader *talks to* in a step ('Met wie praat u' in the wegwijzer): everyone who leads,
is responsible or is the named contact, not those who only take part or are informed."""

CONTACT_PREFERENCE: tuple[Responsibility, ...] = (
    Responsibility.CONTACT, Responsibility.DIRECTION, Responsibility.RESPONSIBLE, Responsibility.FINAL,
    Responsibility.TAKES_PART)
"""The one *contact* on a wegwijzer card ('Uw aanspreekpunt'), first match wins: a named contact
person first, the one with the regie next (never the reader's own role, never the pupil)."""

PARENT_CONTACT_PREFERENCE: tuple[tuple[Responsibility, ...], ...] = (
    (Responsibility.CONTACT,), (Responsibility.FINAL, Responsibility.DIRECTION), (Responsibility.RESPONSIBLE,))
"""Parents' one contact on a step page and Voor ouders, group by group: the named contact person,
else who leads, else who is responsible (else the first role of the step that is not family)."""


def either(words: Iterable[str]) -> str:
    """'a', 'a of b', 'a, b of c': alternatives as a Dutch sentence says them."""
    items = list(words)
    return " of ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


# ---------------------------------------------------------------------------
# Transitions
# ---------------------------------------------------------------------------

TRANSITION_WORDS: dict[TransitionKind, str] = {
    TransitionKind.UP: "Opschalen",
    TransitionKind.DOWN: "Afschalen",
    TransitionKind.NEXT: "Vervolg",
    TransitionKind.BACK: "Terug",
    TransitionKind.REPEAT: "Herhalen",
    TransitionKind.BRANCH: "Keuze",
}
"""A transition's kind as a heading word: 'Opschalen naar Stap 4' on a step page."""

EDGE_WORDS: dict[TransitionKind, str] = {
    TransitionKind.UP: "opschalen",
    TransitionKind.DOWN: "afschalen",
    TransitionKind.NEXT: "vervolg",
    TransitionKind.BACK: "terug",
    TransitionKind.REPEAT: "opnieuw",
    TransitionKind.BRANCH: "keuze",
}
"""Short arrow labels in the flowchart, used when a transition has no `label` of its own."""

TRANSITION_PHRASES: dict[TransitionKind, str] = {
    TransitionKind.UP: "Opschalen naar",
    TransitionKind.DOWN: "Afschalen naar",
    TransitionKind.NEXT: "Daarna",
    TransitionKind.BACK: "Terug naar",
    TransitionKind.REPEAT: "Opnieuw",
    TransitionKind.BRANCH: "Keuze",
}
"""How the overview's text version of the flowchart starts each arrow: 'Opschalen naar: Stap 4'."""

# ---------------------------------------------------------------------------
# Tiers
# ---------------------------------------------------------------------------

TIER_COLOURS = 6
"""Number of tier colours defined in CSS (`rw-tier--1` … `rw-tier--6`); further tiers reuse them."""


def tier_class(position: int) -> str:
    """CSS class of the tier at 0-based `position` in the route's tier list: 'rw-tier--N'.

    The one rule for every place that colours a tier (flowchart, badges, overview, Vergelijken),
    so a step's badge always has the colour of its box in the flowchart: the seventh tier starts
    the colours again at 1.
    """
    return f"rw-tier--{position % TIER_COLOURS + 1}"


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

RULE_STYLE: dict[RuleKind, tuple[str, str]] = {
    RuleKind.NEVER_SKIP: ("warning", "Let op: deze stap mag nooit worden overgeslagen"),
    RuleKind.FREE_ORDER: ("info", "Volgorde van de stappen"),
    RuleKind.EVERY_STEP: ("info", "Bij elke stap"),
    RuleKind.SCALING: ("info", "Op- en afschalen"),
    RuleKind.GENERAL: ("note", "Regel voor de hele route"),
}
"""Material admonition type and Dutch heading per rule kind (overview and print version)."""

# ---------------------------------------------------------------------------
# Parents
# ---------------------------------------------------------------------------

PARENT_PART_WORDS: dict[ParentPart, str] = {
    ParentPart.INFORMED: "Ouders worden geïnformeerd",
    ParentPart.CONVERSATION: "Gesprek met ouders",
    ParentPart.TAKES_PART: "Ouders doen mee",
    ParentPart.CONTRIBUTES: "Ouders dragen bij",
    ParentPart.PERMISSION: "Toestemming van ouders",
    ParentPart.CONSENT: "Instemming van ouders",
    ParentPart.SIGNS: "Ouders ondertekenen",
    ParentPart.DECIDES: "Ouders beslissen",
}
"""What a parents' item is, as a label."""

PARENTS_DECIDE: frozenset[ParentPart] = frozenset(
    {ParentPart.PERMISSION, ParentPart.CONSENT, ParentPart.SIGNS, ParentPart.DECIDES})
"""What parents decide or sign: toestemming, instemming, handtekening, beslissen. A signature
counts as deciding: by signing, parents agree (issue 12)."""

PARENT_GROUPS: tuple[tuple[str, str, frozenset[ParentPart]], ...] = (
    ("verteld", "Wat ouders te horen krijgen", frozenset({ParentPart.INFORMED})),
    ("gevraagd", "Wat er van ouders gevraagd wordt",
     frozenset({ParentPart.CONVERSATION, ParentPart.TAKES_PART, ParentPart.CONTRIBUTES})),
    ("beslissen", "Waar ouders over beslissen", PARENTS_DECIDE),
)
"""Parents' items grouped by what they mean for parents: told, asked, or deciding."""

PARENT_GROUPS_YOU: dict[str, str] = {
    "verteld": "Wat u te horen krijgt",
    "gevraagd": "Wat wij u vragen",
    "beslissen": "Waar u over beslist",
}
"""The same groups addressed to parents themselves, for the Voor ouders page."""

DECIDE_WORDS: dict[ParentPart, str] = {
    ParentPart.PERMISSION: "Toestemming",
    ParentPart.CONSENT: "Instemming",
    ParentPart.SIGNS: "Handtekening",
    ParentPart.DECIDES: "Beslissen",
}
"""Short labels for what parents decide, in the order a parent meets them."""


READER_ROLE_WORDS: dict[str, frozenset[str]] = {
    "leerkracht": frozenset({"leerkracht", "leerkrachten", "groepsleerkracht"}),
    "ouder": frozenset({"ouder", "ouders"}),
    "leerling": frozenset({"leerling", "kind"}),
}
"""The first word of a role's id or name that makes it the teacher, the parents or the pupil.

A step page never names the teacher as "with whom"; parents are never told to contact
themselves or their child; the wegwijzer's card speaks to the reader it was asked for."""


def role_kind(role_id: str, name: str) -> str:
    """'leerkracht', 'ouder', 'leerling' or '' for any other role, by its id or its name."""
    for text in (role_id, name.casefold()):
        word = re.split(r"[^a-z]+", text.strip())[0] if text.strip() else ""
        for kind, words in READER_ROLE_WORDS.items():
            if word in words:
                return kind
    return ""
