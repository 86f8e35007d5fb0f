"""docs/authoring.md: its generated reference is current and names every scenario key."""

from __future__ import annotations

import subprocess
import sys

from trainer.core.docs import (
    AUTHORING,
    END,
    REGENERATE,
    START,
    authoring_reference,
    current_reference,
    scenario_models,
    splice,
)
from trainer.core.plan import DefaultDecision, TurnDecision


def test_the_reference_in_authoring_md_is_current():
    document = AUTHORING.read_text(encoding="utf-8")
    assert START in document and END in document, f"docs/authoring.md lost its markers {START} ... {END}"
    assert current_reference(document) == authoring_reference(), (
        f"docs/authoring.md is stale: the scenario or plan models changed. Run: {REGENERATE}")


def test_every_field_of_every_scenario_model_is_in_the_reference():
    reference = authoring_reference()
    models = scenario_models()
    assert len(models) >= 10  # Scenario, Brand, Strengths, Market, ... walked, not listed by hand
    missing = [f"{model.__name__}.{name}" for model in models for name in model.model_fields
               if f"| `{name}` |" not in reference]
    assert not missing, f"keys missing from the reference: {missing}"
    for model in models:
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no docstring"
            assert " ".join(info.description.split()).replace("|", "\\|") in reference


def test_every_plan_key_is_in_the_reference():
    reference = authoring_reference()
    for model in (DefaultDecision, TurnDecision):
        for name in model.model_fields:
            assert f"| `{name}` |" in reference


def test_every_table_of_a_scenario_file_has_a_section():
    reference = authoring_reference()
    for heading in ("[brand]", "[market]", "[market.field]", "[[events]]", "[[kols]]", "[creators]",
                    "[[providers]]", "[[objectives]]", "[[lessons]]", "[default]", "[[turn]]"):
        assert heading in reference


def test_splice_replaces_only_the_generated_part():
    document = f"# Guide\n\nhand-written\n\n{START}\nold\n{END}\n\nafter\n"
    out = splice(document, "new\n")
    assert out == f"# Guide\n\nhand-written\n\n{START}\nnew\n{END}\n\nafter\n"
    assert current_reference(out) == "new\n"
    assert splice(out, "new\n") == out


def test_the_module_checks_and_rewrites_from_the_command_line():
    done = subprocess.run([sys.executable, "-m", "trainer.core.docs", "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_guide_names_every_rule_and_its_limit():
    """Each problem code validate and balance can report is in docs/authoring.md's section 6,
    with the limits as the code sets them."""
    import re
    from pathlib import Path

    from trainer.core import balance, lessons, rules

    root = Path(__file__).resolve().parents[2]
    source = "".join((root / "trainer" / "core" / f"{m}.py").read_text(encoding="utf-8")
                     for m in ("rules", "balance", "lessons"))
    codes = set(re.findall(r'(?:Finding|_f)\(\s*"([a-z-]+)"', source))
    assert len(codes) >= 40
    guide = AUTHORING.read_text(encoding="utf-8")
    section = guide[guide.index("## 6. What validate and balance check"):guide.index("## 7.")]
    missing = sorted(c for c in codes if f"`{c}`" not in section)
    assert not missing, f"codes not in docs/authoring.md section 6: {missing}"
    assert f"{rules.KOL_FEE_SHARE:.0%}" in section and f"{rules.FESTIVAL_MAX:g} times" in section
    assert f"{balance.MIN_LEAD:.0%}" in section and f"{rules.CAMPAIGN_EVENT_LIFT:g} times" in section
    low, high = lessons.ROI_BAND
    assert f"**{low:g} and {high:g}**" in section and f"**{lessons.WEEK_ROI_MAX:g}**" in section


# ---------------------------------------------------------------- the workshop file

def test_the_workshop_reference_in_the_facilitator_guide_is_current():
    from trainer.core.docs import FACILITATOR, WORKSHOP_END, WORKSHOP_START, workshop_reference

    document = FACILITATOR.read_text(encoding="utf-8")
    assert WORKSHOP_START in document and WORKSHOP_END in document
    assert current_reference(document, WORKSHOP_START, WORKSHOP_END) == workshop_reference(), (
        f"docs/facilitator-guide.md is stale: the workshop model changed. Run: {REGENERATE}")


def test_every_field_of_the_workshop_model_is_in_its_reference():
    """Walked from the model: a field added to Workshop appears with its docstring, no list to edit."""
    from trainer.core.docs import workshop_models, workshop_reference
    from trainer.core.workshop import Workshop, WorkshopText

    reference = workshop_reference()
    assert workshop_models() == [Workshop, WorkshopText]
    for model in workshop_models():
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no docstring"
            assert f"| `{name}` |" in reference
            assert " ".join(info.description.split()).replace("|", "\\|") in reference
    assert "access_code" in reference and "[en], [zh]" in reference


def test_a_new_workshop_field_flows_into_the_reference(monkeypatch):
    from pydantic import Field, create_model

    from trainer.core import docs
    from trainer.core.workshop import Workshop

    extended = create_model("Workshop", __base__=Workshop,
                            rounds_note=(str, Field("", description="A note read out before each round.")))
    monkeypatch.setattr("trainer.core.workshop.Workshop", extended)
    assert "| `rounds_note` | text | `\"\"` |  | A note read out before each round. |" in docs.workshop_reference()
