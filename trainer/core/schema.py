"""The JSON Schemas of scenario and workshop files, generated from the models."""

from __future__ import annotations

from trainer.core.scenario import Scenario


def scenario_schema() -> dict:
    """The JSON Schema that editors use to complete and check scenario keys."""
    schema = Scenario.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def workshop_schema() -> dict:
    """The JSON Schema of workshop files (docs/workshop.schema.json), from the Workshop model."""
    from trainer.core.workshop import Workshop

    schema = Workshop.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
