"""The commands that make briefings: summarize, batch, review, table."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer.asking.prompts import DEFAULT_PROMPT
from summarizer.cli.options import (
    BUDGET_DEFAULT,
    CHUNK_DEFAULT,
    BackendOpt,
    BaseUrlOpt,
    ChunkOpt,
    DebugOpt,
    ModelOpt,
    ModelPathOpt,
    ModelProseOpt,
    PromptOpt,
    TimeBudgetOpt,
    app,
    err,
    fail,
    items_progress,
    make_settings,
    model_progress,
)
from summarizer.config import cache_dir
from summarizer.documents.formats import EXTENSIONS
from summarizer.engines.batch import BatchStats, Item, estimate_cost, iter_items, run_batch, source_texts
from summarizer.engines.batch_api import run_batch_api
from summarizer.engines.cache import ResultCache
from summarizer.engines.direct import Summarizer
from summarizer.engines.pipeline import Briefed
from summarizer.engines.ray_engine import run_batch_ray
from summarizer.errors import ConfigError, InputError, LocalServerError, SummarizerError
from summarizer.io import write_atomic
from summarizer.reading.reports import Report, read_report
from summarizer.schema import Summary
from summarizer.writing.briefing import render_markdown
from summarizer.writing.review import render_review, write_batch_pages
from summarizer.writing.table import indicator_rows, load_summaries, write_table


@app.command()
def summarize(
    reports: Annotated[list[Path], typer.Argument(help="Report text files (UTF-8 Vietnamese).", show_default=False)],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write <stem>.summary.json, .briefing.md and .review.html here."),
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    model_path: ModelPathOpt = None,
    prompt: PromptOpt = DEFAULT_PROMPT,
    chunk_chars: ChunkOpt = CHUNK_DEFAULT,
    time_budget: TimeBudgetOpt = BUDGET_DEFAULT,
    model_prose: ModelProseOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Summarize reports into a structured summary and an English briefing.

    Example: summarizer summarize eval/reports/bac-tu-liem-2023-12-15.txt
    """
    try:
        settings = make_settings(backend, model, base_url, model_path, chunk_chars, time_budget, model_prose)
    except ConfigError as e:
        raise fail(str(e), 2, debug) from None
    results: list[dict[str, Any]] = []
    failed = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    try:
        with model_progress() as on_model, Summarizer(settings, prompt=prompt, on_model_progress=on_model) as s:
            progress = items_progress(disable=len(reports) < 2)
            with progress:
                task = progress.add_task("summarizing", total=len(reports))
                for path in reports:
                    record = _summarize_one(s, path, out, single=len(reports) == 1, as_json=as_json)
                    failed += record["status"] == "failed"
                    results.append(record)
                    progress.advance(task)
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(130) from None
    except ConfigError as e:
        raise fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise fail(str(e), 1, debug) from None
    if as_json:
        sys.stdout.write(json.dumps(results if len(results) != 1 else results[0], ensure_ascii=False, indent=2) + "\n")
    elif out is not None:
        for r in results:
            if r["status"] == "ok":
                err.print(
                    f"{r['report']}: {r['indicators']} indicators ({r['ungrounded']} ungrounded), "
                    f"{r['elapsed_s']:.0f} s -> {r['briefing_path']}",
                    highlight=False,
                )
    if failed:
        raise typer.Exit(1)


def _summarize_one(s: Summarizer, path: Path, out: Path | None, *, single: bool, as_json: bool) -> dict[str, Any]:
    """One report: summarized, written (or printed), and its record; a bad report is a failed record."""
    record: dict[str, Any] = {"report": str(path)}
    try:
        report = read_report(path)
        briefed = s.brief(report)
        summary = briefed.summary
        briefing = render_markdown(summary)
        record.update(
            status="ok",
            indicators=len(summary.indicators),
            ungrounded=len(summary.ungrounded),
            elapsed_s=summary.provenance.elapsed_s,
            tokens=summary.provenance.usage.total_tokens,
            degraded=summary.degraded,
        )
        if summary.degraded:
            err.print(f"[yellow]degraded:[/yellow] {path}: {summary.degraded}", highlight=False)
        if out is not None:
            record.update(_write_outputs(out, report, briefed, briefing))
        elif single:
            record["summary"] = summary.model_dump(mode="json")
            if not as_json:
                sys.stdout.write(briefing)
    except InputError as e:
        record.update(status="failed", error=str(e), error_class=type(e).__name__)
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
    except SummarizerError as e:
        if isinstance(e, ConfigError | LocalServerError):
            raise
        record.update(status="failed", error=f"{path}: {e}", error_class=type(e).__name__)
        err.print(f"[red]error:[/red] {path}: {e}", highlight=False, soft_wrap=True)
    return record


def _write_outputs(out: Path, report: Report, briefed: Briefed, briefing: str) -> dict[str, str]:
    """``<stem>.summary.json``, ``.briefing.md``, ``.review.html`` and the extracted ``.source.txt``."""
    paths = {
        "summary_path": out / f"{report.name}.summary.json",
        "briefing_path": out / f"{report.name}.briefing.md",
        "review_path": out / f"{report.name}.review.html",
        "source_path": out / f"{report.name}.source.txt",
    }
    summary = briefed.summary
    write_atomic(paths["summary_path"], summary.model_dump_json(indent=2))
    write_atomic(paths["briefing_path"], briefing)
    write_atomic(paths["review_path"], render_review(summary, report.text, ledger=briefed.ledger, facts=briefed.facts))
    write_atomic(paths["source_path"], report.text)
    return {k: str(v) for k, v in paths.items()}


def _count_inputs(source: Path) -> int | None:
    if source.is_dir():
        return sum(1 for p in source.iterdir() if p.suffix.lower() in EXTENSIONS)
    if source.is_file():
        with source.open("rb") as f:
            return sum(1 for line in f if line.strip())
    return None


def _run_engine(
    s: Summarizer,
    items: Iterable[Item],
    out: Path,
    *,
    engine: str,
    via: str,
    cache: ResultCache | None,
    concurrency: int,
    rpm: float | None,
    tpm: float | None,
    retry_failed: bool,
    on_record: Callable[[dict[str, Any]], None],
) -> BatchStats:
    """The batch on the chosen engine: the OpenAI Batch API, Ray, or asyncio in this process."""
    if via == "batch-api":
        return run_batch_api(items, out, summarizer=s, cache=cache, retry_failed=retry_failed, on_record=on_record)
    if engine == "ray":
        return run_batch_ray(
            items,
            out,
            summarizer=s,
            cache=cache,
            concurrency=concurrency,
            retry_failed=retry_failed,
            on_record=on_record,
        )
    return run_batch(
        items,
        out,
        summarize=s.asummarize,
        key_of=s.recipe.key,
        cache=cache,
        concurrency=concurrency,
        rpm=rpm,
        tpm=tpm,
        retry_failed=retry_failed,
        max_tokens=s.settings.max_tokens,
        on_record=on_record,
        aclose=s.aclose,
        reading_workers=min(4, os.cpu_count() or 1),
    )


def _parse_price(price: str | None) -> tuple[float, float] | None:
    if not price:
        return None
    try:
        a, b = (float(x) for x in price.split(","))
    except ValueError:
        raise ConfigError(f"--price {price!r}: expected IN,OUT in USD per million tokens, e.g. 0.15,0.60") from None
    return a, b


@app.command()
def batch(
    source: Annotated[
        Path, typer.Argument(help="A folder of reports (.txt, .pdf, .docx, .html) or a JSONL of {id, text}.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Results JSONL: one record per input.")],
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", help="Requests in flight.")] = 8,
    rpm: Annotated[float | None, typer.Option("--rpm", help="Requests per minute limit.")] = None,
    tpm: Annotated[float | None, typer.Option("--tpm", help="Tokens per minute limit (estimated).")] = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Re-run only items recorded as failed or degraded.")
    ] = False,
    cache_path: Annotated[Path | None, typer.Option("--cache", help="Result cache (SQLite).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the result cache.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (asyncio in this process) or ray.")] = "local",
    via: Annotated[
        str, typer.Option("--via", help="direct (chat completions) or batch-api (OpenAI Batch API).")
    ] = "direct",
    price: Annotated[
        str | None, typer.Option("--price", help="USD per 1M tokens as IN,OUT (overrides the table).")
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    model_path: ModelPathOpt = None,
    prompt: PromptOpt = DEFAULT_PROMPT,
    chunk_chars: ChunkOpt = CHUNK_DEFAULT,
    time_budget: TimeBudgetOpt = BUDGET_DEFAULT,
    model_prose: ModelProseOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Final accounting as JSON on stdout.")] = False,
    html_dir: Annotated[
        Path | None, typer.Option("--html", help="Also write a review page per result and an index.html here.")
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Summarize many reports: resumable, cached, one record per input, with cost accounting.

    Example: summarizer batch eval/reports --out results.jsonl --concurrency 16
    """

    try:
        settings = make_settings(backend, model, base_url, model_path, chunk_chars, time_budget, model_prose)
        price_pair = _parse_price(price)
        if engine not in ("local", "ray"):
            raise ConfigError(f"unknown engine {engine!r}; choose local or ray")
        if via not in ("direct", "batch-api"):
            raise ConfigError(f"unknown --via {via!r}; choose direct or batch-api")
        if not source.exists():
            raise ConfigError(f"{source}: no such file or folder")
    except ConfigError as e:
        raise fail(str(e), 2, debug) from None
    cache = None if no_cache else ResultCache(cache_path or cache_dir() / "results.sqlite")
    total = _count_inputs(source)
    stats = None
    try:
        with model_progress() as on_model, Summarizer(settings, prompt=prompt, on_model_progress=on_model) as s:
            model_name = s.model_name

            progress = items_progress(rate=True)
            with progress:
                task = progress.add_task("batch", total=total, rate="")
                t0 = time.monotonic()

                def on_record(rec: dict[str, Any]) -> None:
                    progress.advance(task)
                    done = progress.tasks[0].completed
                    progress.update(task, rate=f"{done / max(1e-9, time.monotonic() - t0):.1f}/s")
                    if rec.get("status") == "failed":
                        err.print(f"[red]failed:[/red] {rec['id']}: {rec['error']}", highlight=False, soft_wrap=True)
                    elif rec.get("degraded"):
                        err.print(f"[yellow]degraded:[/yellow] {rec['id']}: {rec['degraded']}", highlight=False)

                stats = _run_engine(
                    s, iter_items(source), out, engine=engine, via=via, cache=cache, concurrency=concurrency,
                    rpm=rpm, tpm=tpm, retry_failed=retry_failed, on_record=on_record,
                )  # fmt: skip
    except KeyboardInterrupt:
        err.print("interrupted; re-run the same command to resume (finished items are kept)")
        raise typer.Exit(130) from None
    except ConfigError as e:
        raise fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise fail(str(e), 1, debug) from None
    finally:
        if cache is not None:
            cache.close()
    assert stats is not None
    stats.cost_usd = estimate_cost(model_name, stats.prompt_tokens, stats.completion_tokens, price_pair)
    report = {
        "done": stats.done,
        "degraded": stats.degraded,
        "failed": stats.failed,
        "cached": stats.cached,
        "skipped": stats.skipped,
        "prompt_tokens": stats.prompt_tokens,
        "completion_tokens": stats.completion_tokens,
        "estimated_cost_usd": stats.cost_usd,
        "wall_s": stats.wall_s,
        "results": str(out),
    }
    if html_dir is not None:
        pages, index = write_batch_pages(out, source_texts(source), html_dir)
        report["html_index"] = str(index)
        err.print(f"wrote {pages} review pages and {index}", highlight=False)
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
    else:
        cost = "n/a (no price for this model; pass --price)" if stats.cost_usd is None else f"${stats.cost_usd:.4f}"
        err.print(
            f"done {stats.done} · failed {stats.failed} · cached {stats.cached} · skipped {stats.skipped} · "
            f"tokens in {stats.prompt_tokens:,} out {stats.completion_tokens:,} · cost {cost} · "
            f"wall {stats.wall_s:.1f} s -> {out}",
            highlight=False,
        )
    if stats.failed:
        raise typer.Exit(1)


@app.command()
def review(
    path: Annotated[Path, typer.Argument(help="A saved SUMMARY.json, or a batch RESULTS.jsonl.", show_default=False)],
    source: Annotated[
        Path | None, typer.Option("--source", help="The report the summary was made from (for SUMMARY.json).")
    ] = None,
    inputs: Annotated[
        Path | None, typer.Option("--inputs", help="What the batch read: a folder of reports or a JSONL (for results).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (one summary) or folder (results).")
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Write a review page: the English briefing beside the Vietnamese source, every figure linked.

    Example: summarizer review out/bac-tu-liem-2023-12-15.summary.json --source eval/reports/bac-tu-liem-2023-12-15.txt
    Example: summarizer review results.jsonl --inputs eval/reports --out pages/
    """
    try:
        if not path.is_file():
            raise InputError(str(path), "no such file")
        if path.suffix == ".jsonl":
            if inputs is None:
                raise ConfigError("reviewing batch results needs --inputs (the folder or JSONL the batch read)")
            pages, index = write_batch_pages(path, source_texts(inputs), out or path.with_suffix(".review"))
            err.print(f"wrote {pages} review pages and {index}", highlight=False)
            return
        if source is None:
            raise ConfigError("reviewing a summary needs --source (the report it was made from)")
        try:
            summary = Summary.model_validate_json(path.read_bytes())
        except ValueError:
            raise InputError(str(path), "is not a saved summary (summary.json)") from None
        report = read_report(source)
        dest = out or path.with_name(path.name.removesuffix(".summary.json").removesuffix(".json") + ".review.html")
        write_atomic(dest, render_review(summary, report.text))
        err.print(f"wrote {dest}", highlight=False)
    except ConfigError as e:
        raise fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise fail(str(e), 1, debug) from None


@app.command()
def table(
    path: Annotated[
        Path, typer.Argument(help="Batch RESULTS.jsonl, or a folder of *.summary.json.", show_default=False)
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="indicators.csv, or .parquet (needs pyarrow).")] = Path(
        "indicators.csv"
    ),
    debug: DebugOpt = False,
) -> None:
    """One row per indicator across all reports, numbers as numbers, for pandas or a spreadsheet.

    Example: summarizer table results.jsonl --out indicators.csv
    """
    try:
        loaded = load_summaries(path)
        rows = write_table(indicator_rows(loaded.summaries), out)
    except ConfigError as e:
        raise fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise fail(str(e), 1, debug) from None
    if loaded.failed:
        err.print(f"left out {len(loaded.failed)} failed record(s)", highlight=False)
    err.print(f"wrote {rows} rows from {len(loaded.summaries)} reports -> {out}", highlight=False)
