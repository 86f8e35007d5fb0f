"""The JSON Schema of scenario files, generated from the models."""

from __future__ import annotations

from trainer.core.scenario import Scenario


def scenario_schema() -> dict:
    """The JSON Schema that editors use to complete and check scenario keys."""
    schema = Scenario.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
