"""Dates as Dutch readers expect them ('23 november 2026'), independent of the system locale."""

from __future__ import annotations

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def dutch_date(iso: str) -> str:
    """'2026-11-23' → '23 november 2026'; anything else is returned unchanged."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return iso
