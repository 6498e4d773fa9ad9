"""The stated bounds on what one route file may cost, checked before a build starts.

A route file may come from any school in a samenwerkingsverband and a portal builds
hundreds, so `routewijzer check` (and therefore the build, which loads routes the same
way) refuses files whose size, expansion, question tree or step graph would make the
build slow or huge. Each limit is far above the largest real route (see the numbers in
the comments) and far below the point where a build takes minutes. README.md lists them
for route authors; change them there too.
"""

from __future__ import annotations

MAX_BYTES = 1_000_000
"""Bytes in a route file. Real routes are 20–60 kB; anything near a megabyte is a mistake."""

MAX_NODES = 200_000
"""Values after expanding aliases (&a / *a). A large real route has a few thousand."""

MAX_EXPANDED_CHARS = 2_000_000
"""Characters of text after expanding aliases: twice what MAX_BYTES allows without any
alias. A few hundred aliases of one long text would otherwise multiply a small file into
hundreds of megabytes (the 'billion laughs' attack), which exhausts memory while checking."""

MAX_DEPTH = 50
"""Nesting levels of lists and sections. Real routes nest at most 8 deep."""

MAX_PATHS = 500
"""Answer paths through the wegwijzer (first question → advice). Real routes have 11–20.
The page 'Alle paden' lists every path; each two-answer question doubles their number, so
14 such questions made 16,384 paths, a 15 MB page and a 2½-minute build."""

MAX_STEPS = 60
"""Steps in one route. Real routes have 5–8. The flowchart layout (Graphviz) grows much
faster than linearly: measured here, 60 steps with 115 arrows take 2 s, 80 with 233 take
16 s, 100 with 198 take 28 s and 150 with 298 take 100 s — per chart, and a route has two."""

MAX_TRANSITIONS = 120
"""Transitions (arrows) in one route, all steps together. Real routes have 4–16; the
layout time follows the number of arrows most (see MAX_STEPS)."""

GRAPHVIZ_TIMEOUT = 120
"""Seconds one flowchart layout may take; routes within the limits above need a few."""
