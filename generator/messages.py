"""Dutch messages for pydantic's structural errors, placed at the right line of the file.

Pydantic reports a location as a tuple of keys; `SourceData` knows where each key stood.
This module also turns an unknown key into a "bedoelde je …?" suggestion by looking up
which fields the model allows at that place.
"""

from __future__ import annotations

import difflib
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from .modelpaths import model_at, unwrap
from .problems import Problem
from .yamlsource import PathKey, SourceData, dotted

_UNION_TAGS = {"constrained-str", "str"}


def _is_union_tag(part: str) -> bool:
    """Pydantic's name for a text branch of a union: 'str', 'constrained-str', or that text
    type wrapped in a validator ('function-after[_no_control(), constrained-str]')."""
    return part in _UNION_TAGS or part.startswith(("function-after[", "function-before[", "function-wrap["))


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """The Dutch keys a route author may use in this part of the file."""
    return [f.alias for f in model.model_fields.values() if f.alias]


def _expected_enum(model: type[BaseModel] | None, key: str) -> list[str]:
    if model is None:
        return []
    match = next((f for f in model.model_fields.values() if f.alias == key), None)
    if match is None:
        return []
    for t in unwrap(match.annotation):
        if isinstance(t, type) and issubclass(t, Enum):
            return [str(m.value) for m in t]
    return []


def _clean_loc(loc: tuple[Any, ...], data: Any) -> tuple[PathKey, bool]:
    """Drop pydantic's union tags from a location; say whether this union branch applies."""
    path: list[str | int] = []
    current = data
    relevant = True
    for part in loc:
        if isinstance(part, str) and _is_union_tag(part) and not (isinstance(current, dict) and part in current):
            relevant = relevant and not isinstance(current, dict)
            continue
        if isinstance(part, str) and part[:1].isupper() and not (isinstance(current, dict) and part in current):
            relevant = relevant and isinstance(current, dict)
            continue
        path.append(part)
        if isinstance(current, dict):
            current = current.get(part) if isinstance(part, str) else None
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(path), relevant


def _describe(error: dict[str, Any], path: PathKey, value: Any) -> str:
    kind = error["type"]
    key = path[-1] if path else ""
    parent_model = model_at(path[:-1]) if path else None
    if kind == "missing":
        return f"verplicht veld '{key}' ontbreekt. Voeg '{key}:' toe."
    if kind == "extra_forbidden":
        options = allowed_keys(parent_model) if parent_model else []
        guess = difflib.get_close_matches(str(key), options, n=1, cutoff=0.6)
        hint = f" Bedoelde je '{guess[0]}'?" if guess else ""
        return f"onbekend veld '{key}'.{hint} Toegestaan hier: {', '.join(options)}."
    if kind in ("string_type",):
        if isinstance(value, bool):
            return ("verwacht tekst, maar dit is een ja/nee-waarde. Zet de tekst tussen aanhalingstekens, "
                    "bijvoorbeeld \"true\".")
        if isinstance(value, (int, float)):
            return (f"verwacht tekst, maar dit is een getal ({value}). Zet het tussen aanhalingstekens, "
                    f"bijvoorbeeld \"{value}\".")
        if isinstance(value, (dict, list)):
            return "verwacht één tekst, maar hier staat een lijst of sectie."
        return "verwacht tekst."
    if kind == "stuurteken":
        code = error.get("ctx", {}).get("code", "?")
        return (f"deze tekst bevat een onzichtbaar stuurteken (U+{code}); haal het weg (het komt vaak mee bij "
                "kopiëren, of staat er als code na een backslash).")
    if kind == "datum_bestaat_niet":
        return (f"'{value}' is geen bestaande datum: de maand moet 01 tot en met 12 zijn en de dag moet in die maand "
                "bestaan, bijvoorbeeld 2026-08-01.")
    if kind == "string_too_short" or (kind == "too_short" and isinstance(value, str)):
        return "deze tekst is leeg; vul hem in of laat het veld weg."
    if kind == "string_too_long":
        return f"deze tekst is te lang (maximaal {error.get('ctx', {}).get('max_length')} tekens)."
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        if "\\d{4}" in pattern:
            return f"'{value}' is geen datum in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-08-01."
        return (f"'{value}' is geen geldige id. Gebruik kleine letters, cijfers en streepjes, "
                "bijvoorbeeld 'stap-3' of 'intern-begeleider'.")
    if kind == "enum":
        options = _expected_enum(parent_model, str(key))
        guess = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f" Bedoelde je '{guess[0]}'?" if guess else ""
        return f"'{value}' is geen geldige waarde.{hint} Kies uit: {', '.join(options)}."
    if kind == "bool_type" or kind == "bool_parsing":
        return f"verwacht true of false, niet '{value}'."
    if kind in ("list_type",):
        return "verwacht een lijst (regels die beginnen met '- ')."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "verwacht een sectie met velden ('sleutel: waarde'), geen losse tekst of lijst."
    if kind == "too_short":
        minimum = error.get("ctx", {}).get("min_length", 1)
        return f"deze lijst moet minstens {minimum} punt(en) hebben."
    return "deze waarde is hier niet geldig; vergelijk met het voorbeeld van 'routewijzer new'."


def translate(error: ValidationError, source: SourceData) -> list[Problem]:
    """Every pydantic error of a route file as a Dutch problem at its line and column."""
    problems: list[Problem] = []
    for raw in error.errors():
        path, relevant = _clean_loc(raw["loc"], source.data)
        if not relevant:
            continue
        value = raw.get("input")
        prefer_key = raw["type"] in ("extra_forbidden",)
        position = source.position(path, prefer_key=prefer_key)
        problems.append(Problem(source.file, position.line, position.column, _describe(raw, path, value), dotted(path)))
    return problems
