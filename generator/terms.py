"""Names of terms, roles and documents as the site shows and anchors them.

A route writes 'Intern begeleider (IB)'; the Begrippen page, the abbreviation tooltips and
the comparison show 'Intern begeleider' with 'IB' beside it, and the anchor of the term is
an ASCII slug of that name. Kept apart from the pages so that the tooltips
(generator/abbreviations.py) and the URL layout need no page renderer.
"""

from __future__ import annotations

import re
import unicodedata

_TRAILING_ABBREVIATION = re.compile(r"\s*\(([^()]+)\)\s*$")


def slugify(text: str) -> str:
    """ASCII slug for anchors: 'Één-op-één (OPP)' → 'een-op-een-opp'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "begrip"


def strip_abbreviation(name: str) -> str:
    """'Intern begeleider (IB)' → 'Intern begeleider': the abbreviation is shown separately."""
    stripped = _TRAILING_ABBREVIATION.sub("", name)
    return stripped or name
