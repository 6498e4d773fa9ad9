"""The JSON Schema of a route file, generated from the model so the two never drift apart."""

from __future__ import annotations

from typing import Any

from .model import Route

SCHEMA_ID = "route.schema.json"


def route_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for editors and for the published open data."""
    schema = Route.model_json_schema(by_alias=True, mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Routewijzer-route",
        "description": "Een ondersteuningsroute (passend onderwijs) zoals Routewijzer die leest.",
    }
    return schema
