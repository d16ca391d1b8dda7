"""The schemas are accepted by OpenAI strict structured outputs and by llama.cpp's grammar builder."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest
from pydantic import BaseModel, ValidationError, create_model

from summarizer.schema import (
    Draft,
    Summary,
    draft_model,
    schema_sha256,
    selection_model,
    strict_json_schema,
    strict_problems,
)


@pytest.mark.parametrize("model", [Summary, Draft, draft_model(["F1", "F5", "F9"], 2)])
def test_schema_is_openai_strict(model: type) -> None:
    schema = strict_json_schema(model)
    assert strict_problems(schema) == []


def test_strict_checker_catches_what_openai_rejects() -> None:
    bad = {"type": "object", "properties": {"a": {"type": "string", "default": "x"}}, "required": []}
    problems = strict_problems(bad)
    assert any("additionalProperties" in p for p in problems)
    assert any("not every property is required" in p for p in problems)
    assert any("default" in p for p in problems)


def test_optional_fields_are_required_nullable() -> None:
    schema = strict_json_schema(Summary)
    meeting = schema["$defs"]["Meeting"]
    assert "date" in meeting["required"]
    assert {"type": "null"} in meeting["properties"]["date"]["anyOf"]


def test_draft_ids_are_an_enum_with_bounds() -> None:
    model = draft_model(["F3", "F7"], min_indicators=2)
    schema = strict_json_schema(model, keep_lengths=True)
    ind = schema["$defs"]["DraftIndicator"]["properties"]["figure"]
    assert ind["enum"] == ["F3", "F7"]
    assert schema["properties"]["indicators"]["minItems"] == 2
    assert schema["properties"]["indicators"]["maxItems"] == 2
    # prose is never capped by the grammar (a cap cuts sentences); length is validated and re-asked instead
    assert "maxLength" not in schema["properties"]["summary"] and "maxLength" not in schema["properties"]["title"]
    with pytest.raises(ValidationError):
        model.model_validate({**_draft(), "indicators": [{"figure": "F4", "name": "x"}, {"figure": "F3", "name": "y"}]})


def _draft() -> dict[str, object]:
    return {
        "title": "t",
        "body_en": "b",
        "body_vi": "b",
        "place": None,
        "indicators": [],
        "officials": [],
        "topics": [],
        "directives": [],
        "summary": "s",
    }


def test_extra_fields_forbidden() -> None:
    with pytest.raises(ValidationError):
        Draft.model_validate({**_draft(), "value": 63275})


def test_schema_hash_is_stable_across_processes_and_tracks_changes() -> None:
    code = "from summarizer.schema import Summary, schema_sha256; print(schema_sha256(Summary))"
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert fresh == schema_sha256(Summary) and len(fresh) == 64
    changed = create_model("Summary", __base__=Summary, extra_field=(int, 0))
    assert schema_sha256(changed) != schema_sha256(Summary) != schema_sha256(Draft)


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="llama-cpp-python not installed")
def test_llama_cpp_builds_a_grammar_from_the_draft_schema() -> None:
    """llama.cpp silently falls back to free JSON if the schema fails to convert: make sure it converts."""
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    schema = strict_json_schema(draft_model(["F1", "F2", "F3"], 2), keep_lengths=True)
    gbnf = json_schema_to_gbnf(json.dumps(schema))
    enum_rule = next(line for line in gbnf.splitlines() if '\\"F1\\"' in line)
    assert all(f'\\"{i}\\"' in enum_rule for i in ("F1", "F2", "F3")) and "F4" not in gbnf
    assert gbnf.startswith("root") or "\nroot ::=" in gbnf


def test_a_schema_is_made_once_per_class_and_handed_out_as_a_fresh_copy() -> None:
    model = selection_model(3, named=True)
    first = model.model_json_schema()
    first["properties"]["figures"]["minItems"] = 99
    again = model.model_json_schema()
    assert again["properties"]["figures"]["minItems"] == 3
    assert again == selection_model(3, named=True).model_json_schema()
    assert again != selection_model(5, named=True).model_json_schema()
    assert model.model_json_schema(mode="serialization") == BaseModel.model_json_schema.__func__(  # type: ignore[attr-defined]
        model, mode="serialization"
    )
