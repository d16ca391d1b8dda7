"""Runner: summarize a dataset into a run folder (resumable), then score saved outputs."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.engines.direct import Summarizer
from summarizer.errors import InputError
from summarizer.evaluation.baselines import BASELINES, baseline_outputs
from summarizer.evaluation.dataset import Sample
from summarizer.evaluation.report import metrics_document, render_html, render_markdown_report
from summarizer.evaluation.scorers import ReportScore, aggregate, score_output
from summarizer.io import write_atomic
from summarizer.reading.reports import Report
from summarizer.saved import load_outputs, records_from_lines
from summarizer.writing.briefing import render_markdown

__all__ = ["load_metrics", "run_eval", "score_baselines", "score_jsonl", "score_run", "split_aggregates"]


def run_eval(
    samples: list[Sample],
    summarizer: Summarizer,
    run_dir: Path,
    on_done: Callable[[str, str], None] | None = None,
) -> None:
    """Summarize every sample into ``run_dir/outputs``; outputs already there are kept (resume)."""
    out = run_dir / "outputs"
    out.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        summary_path = out / f"{sample.id}.summary.json"
        if summary_path.exists():
            if on_done:
                on_done(sample.id, "cached")
            continue
        try:
            summary = summarizer.summarize(Report(name=sample.id, text=sample.text, source=sample.id))
        except Exception as e:  # a bug on one report is recorded with its class; the run goes on
            write_atomic(out / f"{sample.id}.error.json", json.dumps({"error": str(e), "class": type(e).__name__}))
            if on_done:
                on_done(sample.id, f"failed: {e}")
            continue
        write_atomic(out / f"{sample.id}.briefing.md", render_markdown(summary))
        write_atomic(summary_path, summary.model_dump_json(indent=2))
        (out / f"{sample.id}.error.json").unlink(missing_ok=True)
        if on_done:
            on_done(sample.id, "ok")


def _git_commit() -> str | None:
    try:
        res = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return res.stdout.strip() or None


def _sample_for(rid: str, by_id: dict[str, Sample]) -> Sample | None:
    return by_id.get(rid) or by_id.get(rid.split("#", 1)[0])


def _score_chunk(lines: list[str], first_line: int, samples: list[Sample]) -> list[ReportScore]:
    by_id = {s.id: s for s in samples}
    scores = []
    for rid, rec in records_from_lines(lines, first_line).items():
        sample = _sample_for(rid, by_id)
        if sample is not None:
            scores.append(score_output(sample, rec))
    return scores


def score_jsonl(path: Path, samples: list[Sample], workers: int | None = None) -> list[ReportScore]:
    """Score a results JSONL with one process per core: each parses and scores its share of the lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    workers = max(1, min(workers or os.cpu_count() or 1, len(lines) // 500 or 1))
    if workers == 1:
        return _score_chunk(lines, 1, samples)
    size = -(-len(lines) // workers)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_score_chunk, lines[i : i + size], i + 1, samples) for i in range(0, len(lines), size)]
        return [score for f in futures for score in f.result()]


def score_run(path: Path, samples: list[Sample], *, show_unseen: bool = False) -> tuple[dict[str, Any], Path]:
    """Score saved outputs (a run folder or a batch results JSONL); write metrics.json, report.md, report.html."""
    if not path.exists():
        raise InputError(str(path), "no such run folder or results file")
    outputs = load_outputs(path)
    scores = [score_output(s, outputs.get(s.id)) for s in samples]
    models = sorted({o.summary.provenance.model for o in outputs.values() if o.summary})
    prompts = sorted(
        {
            f"{o.summary.provenance.prompt_id}@{o.summary.provenance.prompt_version}"
            for o in outputs.values()
            if o.summary
        }
    )
    meta = {
        "outputs": len(outputs),
        "models": ", ".join(models) or "–",
        "prompts": ", ".join(prompts) or "–",
        "scored_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit() or "–",
    }
    name = path.stem if path.is_file() else path.name
    doc = metrics_document(name, aggregate(scores), scores, meta, baselines=score_baselines(samples))
    doc["splits"] = split_aggregates(samples, scores)
    doc["split_of"] = {s.id: s.split for s in samples if s.split}
    dest = path.with_suffix(".eval") if path.is_file() else path
    dest.mkdir(parents=True, exist_ok=True)
    write_atomic(dest / "metrics.json", json.dumps(doc, ensure_ascii=False, indent=1))
    write_atomic(dest / "report.md", render_markdown_report(doc, show_unseen=show_unseen))
    write_atomic(dest / "report.html", render_html(doc, show_unseen=show_unseen))
    return doc, dest


def split_aggregates(samples: list[Sample], scores: list[ReportScore]) -> dict[str, dict[str, Any]]:
    """The aggregate metrics of each split (seen / unseen), in the order the splits file names them."""
    split_of = {s.id: s.split for s in samples}
    names = list(dict.fromkeys(s.split for s in samples if s.split))
    return {name: aggregate([sc for sc in scores if split_of.get(sc.id) == name]) for name in names}


def score_baselines(samples: list[Sample]) -> dict[str, dict[str, Any]]:
    """The trivial baselines' aggregate metrics on the same samples, by the same scorers."""
    per: dict[str, list[ReportScore]] = {name: [] for name in BASELINES}
    for sample in samples:
        for name, record in baseline_outputs(sample).items():
            per[name].append(score_output(sample, record))
    return {name: aggregate(scores) for name, scores in per.items()}


def load_metrics(path: Path) -> dict[str, Any]:
    """A scored run's metrics.json, from the run folder or the file itself."""
    target = path / "metrics.json" if path.is_dir() else path
    if not target.exists() and path.is_file():
        target = path.with_suffix(".eval") / "metrics.json"
    if not target.exists():
        raise InputError(str(path), "has no metrics.json; run 'summarizer eval score' on it first")
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data
