"""Dutch dates and the version line shown on the overview, print cover and PDF."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from generator.dates import dutch_date
from generator.render import render


@pytest.mark.parametrize(("iso", "expected"), [
    ("2026-11-23", "23 november 2026"),
    ("2023-06-05", "5 juni 2023"),
    ("2024-02-29", "29 februari 2024"),
    ("2022-01-01", "1 januari 2022"),
    ("2022-13-01", "2022-13-01"),  # not a date: shown as written
])
def test_dutch_date(iso: str, expected: str) -> None:
    assert dutch_date(iso) == expected


def test_version_partial_escapes_and_formats() -> None:
    route = SimpleNamespace(version="<b>2</b>", date="2026-11-23")
    html = render("partials/version.html", route=route)
    assert "versie &lt;b&gt;2&lt;/b&gt; van" in html
    assert '<time datetime="2026-11-23">23 november 2026</time>' in html
