"""Samples (report text + gold annotation) and saved outputs (a run folder or a batch results JSONL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import InputError
from summarizer.inputs import read_report
from summarizer.schema import Summary

__all__ = ["Gold", "GoldIndicator", "OutputRecord", "Sample", "load_dataset", "load_outputs"]

SCALES = {"thousand": 1e3, "ten-thousand": 1e4, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True)
class GoldIndicator:
    """A key figure as an annotator read it."""

    name: str
    source_text: str
    span: tuple[int, int]
    value: float
    unit: str | None
    scale: str | None
    period: str | None
    comparison: str | None
    denominator: float | None
    quote: str
    base_value: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_value", self.value * SCALES.get(self.scale or "", 1.0))


@dataclass(frozen=True)
class Gold:
    report: str
    meeting: dict[str, Any]
    indicators: list[GoldIndicator]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Gold:
        inds = [
            GoldIndicator(
                name=i["name"],
                source_text=i["source_text"],
                span=(i["span"][0], i["span"][1]),
                value=float(i["value"]),
                unit=i.get("unit"),
                scale=i.get("scale"),
                period=i.get("period"),
                comparison=i.get("comparison"),
                denominator=float(i["denominator"]) if i.get("denominator") is not None else None,
                quote=i.get("quote", ""),
            )
            for i in data["indicators"]
        ]
        return cls(report=data["report"], meeting=data.get("meeting", {}), indicators=inds)


@dataclass(frozen=True)
class Sample:
    id: str
    text: str
    gold: Gold | None


@dataclass
class OutputRecord:
    """One saved output: a summary, or why there is none."""

    id: str
    summary: Summary | None = None
    briefing: str | None = None
    error: str | None = None
    raw: dict[str, Any] | None = field(default=None, repr=False)


def load_dataset(reports: Path, gold: Path | None = None) -> list[Sample]:
    """Every ``*.txt`` under ``reports`` with its ``<stem>.json`` gold from ``gold`` (default: ../gold)."""
    if not reports.is_dir():
        raise InputError(str(reports), "is not a folder of reports")
    gold_dir = gold if gold is not None else reports.parent / "gold"
    samples = []
    for path in sorted(reports.glob("*.txt")):
        report = read_report(path)
        gold_path = gold_dir / f"{path.stem}.json"
        g = Gold.from_json(json.loads(gold_path.read_text(encoding="utf-8"))) if gold_path.exists() else None
        samples.append(Sample(id=path.stem, text=report.text, gold=g))
    if not samples:
        raise InputError(str(reports), "holds no .txt reports")
    return samples


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
