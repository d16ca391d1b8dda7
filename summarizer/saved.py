"""Saved outputs read back: a run folder of ``*.summary.json`` or a batch results JSONL, by report id. Shared
by the evaluation and the table writer, so it sits below both."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import InputError
from summarizer.schema import Summary

__all__ = ["OutputRecord", "load_outputs", "records_from_lines"]


@dataclass
class OutputRecord:
    """One saved output: a summary, or why there is none."""

    id: str
    summary: Summary | None = None
    briefing: str | None = None
    error: str | None = None
    raw: dict[str, Any] | None = field(default=None, repr=False)


class _OkLine(BaseModel):
    """A successful batch record, parsed straight from JSON by pydantic (the common, fast path)."""

    model_config = ConfigDict(extra="ignore")
    id: str
    status: Literal["ok"]
    summary: Summary


def _record(rid: str, data: Any, briefing: str | None = None) -> OutputRecord:
    if not isinstance(data, dict):
        return OutputRecord(rid, error="output is not a JSON object")
    try:
        return OutputRecord(rid, summary=Summary.model_validate(data), briefing=briefing, raw=data)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        return OutputRecord(rid, error=f"schema: {loc}: {first['msg']}", raw=data)


def records_from_lines(lines: list[str], first_line: int = 1) -> dict[str, OutputRecord]:
    """Batch records (JSONL lines) by id; a line that cannot be read becomes a record that says why."""
    out: dict[str, OutputRecord] = {}
    for n, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        try:
            fast = _OkLine.model_validate_json(line)
        except ValidationError:
            pass
        else:
            out[fast.id] = OutputRecord(fast.id, summary=fast.summary)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            out[f"<line {n}>"] = OutputRecord(f"<line {n}>", error="line is not JSON")
            continue
        rid = str(rec.get("id", f"<line {n}>"))
        if rec.get("status") == "ok" and "summary" in rec:
            out[rid] = _record(rid, rec["summary"])
        else:
            out[rid] = OutputRecord(rid, error=str(rec.get("error") or "failed"), raw=rec)
    return out


def load_outputs(path: Path) -> dict[str, OutputRecord]:
    """Outputs by report id, from ``<run>/outputs/*.summary.json`` or a results JSONL of batch records."""
    out: dict[str, OutputRecord] = {}
    if path.is_file():
        return records_from_lines(path.read_text(encoding="utf-8").splitlines())
    folder = path / "outputs" if (path / "outputs").is_dir() else path
    if not folder.is_dir():
        raise InputError(str(path), "is neither a run folder nor a results JSONL")
    for p in sorted(folder.glob("*.summary.json")):
        rid = p.name.removesuffix(".summary.json")
        md = p.with_name(f"{rid}.briefing.md")
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            out[rid] = OutputRecord(rid, error="summary file is not JSON")
            continue
        out[rid] = _record(rid, data, md.read_text(encoding="utf-8") if md.exists() else None)
    for p in sorted(folder.glob("*.error.json")):
        rid = p.name.removesuffix(".error.json")
        out.setdefault(rid, OutputRecord(rid, error=json.loads(p.read_text(encoding="utf-8")).get("error", "failed")))
    return out
