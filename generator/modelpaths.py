"""Where the model meets the file: field paths ↔ the Dutch keys of a route file, and a typed
route rescued from a file that does not validate.

The checks in generator/validate.py read the typed model (`step.transitions[0].to`), never
the Dutch keys, and report a field path such as ('steps', 2, 'transitions', 0, 'to').
`source_path` turns that into the file's own path (stappen[2].overgangen[0].naar) from the
model's aliases, so a renamed key can never silently break a check: the one place that
knows the keys is the model.

`routewijzer check` shows every problem at once, so the reference checks must also run
when pydantic refuses the file. `salvage` builds the same typed objects from such a file,
keeping every field that validates on its own and leaving out (None) what does not.
"""

from __future__ import annotations

import types
import typing
from functools import lru_cache
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .model import Route
from .yamlsource import PathKey

M = TypeVar("M", bound=BaseModel)

FieldPath = tuple[str | int, ...]
"""A path through the typed model: attribute names and list indexes, from `Route`."""


def unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional, list, Annotated and Union."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(unwrap(arg))
        return out
    return [annotation]


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The model classes inside an annotation (Optional, list, Union unwrapped)."""
    return [t for t in unwrap(annotation) if isinstance(t, type) and issubclass(t, BaseModel)]


def model_at(path: PathKey) -> type[BaseModel] | None:
    """The model class that describes the mapping at `path` (Dutch keys) in a route file."""
    current: type[BaseModel] | None = Route
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        match = next((f for f in current.model_fields.values() if f.alias == part), None)
        if match is None:
            return None
        models = models_in(match.annotation)
        current = models[0] if models else None
    return current


def source_path(path: FieldPath) -> PathKey:
    """The file's path (Dutch keys) of a field path; raises KeyError for a name the model lacks."""
    current: type[BaseModel] | None = Route
    out: list[str | int] = []
    for part in path:
        if isinstance(part, int):
            out.append(part)
            continue
        if current is None:
            raise KeyError(part)
        info = current.model_fields[part]
        out.append(info.alias or part)
        models = models_in(info.annotation)
        current = models[0] if models else None
    return tuple(out)


# ---------------------------------------------------------------------------
# Salvage: a typed route from a file pydantic refuses
# ---------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


@lru_cache(maxsize=None)
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _list_item(annotation: Any) -> Any | None:
    """The item type of `list[X]` or `list[X] | None`, else None."""
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is list:
            return typing.get_args(arg)[0]
    return None


def _rescue(annotation: Any, value: Any, adapter: TypeAdapter[Any]) -> Any:
    """`value` as the type says; else what can be kept of it (None when nothing can)."""
    try:
        return adapter.validate_python(value)
    except ValidationError:
        pass
    item = _list_item(annotation)
    if item is not None:
        # Constraints on the list (min_length) may fail while its items are fine: keep them,
        # one salvaged item per item of the file, so indexes still point at the file.
        return [_rescue(item, v, _adapter(item)) for v in value] if isinstance(value, list) else None
    models = models_in(annotation)
    if len(models) == 1 and isinstance(value, dict):
        return salvage(models[0], value)
    if isinstance(value, str) and str in unwrap(annotation):
        # Text that breaks a rule of its type (an id with a capital) still names what the
        # author meant: a reference check can then say "bedoelde je 'stap-1'?".
        return value.strip()
    return None


def salvage(model: type[M], data: Any) -> M | None:
    """A `model` built from data that does not validate, for checks that must still run.

    Each field keeps its value when that validates on its own; a nested part is salvaged in
    turn; what cannot be read is None, a missing field its default (None when required). So
    any attribute may be None where the type says otherwise: only code written for this
    (the reference checks) may read the result. None when `data` is no mapping at all.
    """
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in data:
            values[name] = _rescue(info.annotation, data[key], _field_adapter(model, name))
        elif info.is_required():
            values[name] = None
        else:
            values[name] = info.get_default(call_default_factory=True)
    return model.model_construct(**values)
