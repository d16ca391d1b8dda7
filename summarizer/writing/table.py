"""One row per indicator across many reports, for people who compare districts in a spreadsheet or pandas.

Reads batch results (JSONL records) or a folder of ``*.summary.json``; writes CSV, or Parquet when the
path ends in ``.parquet`` (the ``parquet`` extra installs ``pyarrow``). Values are numbers, not strings.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError, InputError
from summarizer.saved import load_outputs
from summarizer.schema import Summary

__all__ = ["COLUMNS", "TableResult", "indicator_rows", "load_summaries", "write_table"]

COLUMNS = (
    "report_id",
    "body_en",
    "body_vi",
    "meeting_date",
    "indicator",
    "value",
    "value_high",
    "unit",
    "scale",
    "base_value",
    "denominator",
    "period",
    "basis",
    "comparison",
    "grounding",
    "grounding_note",
    "chosen_by",
    "name_status",
    "gloss",
    "source_text",
    "span_start",
    "span_end",
    "prompt_version",
    "model",
)


@dataclass
class TableResult:
    """What was read: summaries by report id, and the ids that had none (failed records)."""

    summaries: list[tuple[str, Summary]]
    failed: list[str]


def load_summaries(path: Path) -> TableResult:
    """Summaries from a batch results JSONL or a folder of ``*.summary.json`` (run folders included)."""
    if not path.exists():
        raise InputError(str(path), "no such results file or folder")
    records = load_outputs(path)
    ok = [(rid, rec.summary) for rid, rec in records.items() if rec.summary is not None]
    failed = [rid for rid, rec in records.items() if rec.summary is None]
    return TableResult(ok, failed)


def indicator_rows(summaries: Iterable[tuple[str, Summary]]) -> Iterator[dict[str, Any]]:
    """One dict per indicator, keys as ``COLUMNS``."""
    for rid, s in summaries:
        p = s.provenance
        for ind in s.indicators:
            yield {
                "report_id": rid,
                "body_en": s.meeting.body_en,
                "body_vi": s.meeting.body_vi,
                "meeting_date": s.meeting.date,
                "indicator": ind.name,
                "value": ind.value,
                "value_high": ind.value_high,
                "unit": ind.unit,
                "scale": ind.scale,
                "base_value": ind.base_value,
                "denominator": ind.denominator,
                "period": ind.period,
                "basis": ind.basis,
                "comparison": ind.comparison,
                "grounding": ind.grounding,
                "grounding_note": ind.grounding_note,
                "chosen_by": ind.chosen_by,
                "name_status": ind.name_status,
                "gloss": ind.gloss,
                "source_text": ind.source_text,
                "span_start": ind.span[0],
                "span_end": ind.span[1],
                "prompt_version": f"{p.prompt_id}@{p.prompt_version}",
                "model": p.model,
            }


def write_table(rows: Iterable[dict[str, Any]], out: Path) -> int:
    """Write rows to CSV (or Parquet for ``.parquet``); returns the number of rows."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ConfigError("writing Parquet needs pyarrow: pip install 'summarizer[parquet]'") from None
        data = list(rows)
        table = pa.Table.from_pylist(data, schema=_arrow_schema(pa)) if data else _arrow_schema(pa).empty_table()
        tmp = out.with_suffix(".parquet.tmp")
        pq.write_table(table, tmp)
        tmp.replace(out)
        return len(data)
    tmp = out.with_suffix(out.suffix + ".tmp")
    n = 0
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            n += 1
    tmp.replace(out)
    return n


def _arrow_schema(pa: Any) -> Any:
    numbers = {"value", "value_high", "base_value", "denominator"}
    ints = {"span_start", "span_end"}
    return pa.schema([(c, pa.float64() if c in numbers else pa.int64() if c in ints else pa.string()) for c in COLUMNS])
