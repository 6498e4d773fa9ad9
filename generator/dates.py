"""Dates as Dutch readers expect them ('23 november 2026'), independent of the system locale."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def dutch_date(iso: str) -> str:
    """'2026-11-23' → '23 november 2026'; anything that is not a real date is returned unchanged.

    Validation refuses impossible dates; this guard keeps '2026-00-05' from ever being shown
    as '5 december 2026' (month 0 would otherwise index the last month).
    """
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
