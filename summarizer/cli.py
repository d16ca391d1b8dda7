"""The thin shell: arguments, progress bars, output files and exit codes (0 done, 1 failed items, 2 usage)."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from summarizer.asking.prompts import DEFAULT_PROMPT
from summarizer.config import Settings
from summarizer.engines.batch import source_texts
from summarizer.engines.direct import Summarizer
from summarizer.errors import ConfigError, InputError, SummarizerError
from summarizer.io import write_atomic
from summarizer.reading.documents import EXTENSIONS
from summarizer.reading.reports import read_report
from summarizer.writing.briefing import render_markdown
from summarizer.writing.review import render_review

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Vietnamese local-government reports -> grounded English briefings.",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

BackendOpt = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="openai | compatible | local (default: local unless a key or URL is set)."),
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Model name (default per backend).")]
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible server URL (or OPENAI_BASE_URL).")
]
ModelPathOpt = Annotated[
    Path | None, typer.Option("--model-path", help="Any GGUF file for the local backend (default: the shipped Qwen).")
]
PromptOpt = Annotated[str, typer.Option("--prompt", help="Prompt id@version under prompts/.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
ChunkOpt = Annotated[
    int,
    typer.Option(
        "--chunk-chars",
        min=1000,
        help="Reports longer than this many characters are summarized in parts and merged "
        "(recorded in provenance and the cache key).",
    ),
]
_CHUNK_DEFAULT = Settings().chunk_chars
TimeBudgetOpt = Annotated[
    float,
    typer.Option(
        "--time-budget",
        min=0,
        help="Seconds one report may wait on the model; then its briefing is written from what code knows and "
        "marked degraded (0: no limit).",
    ),
]
_BUDGET_DEFAULT = Settings().report_budget_s or 0.0
ModelProseOpt = Annotated[
    bool,
    typer.Option(
        "--model-prose",
        help="Ask the model for title and lead too, from the checked facts with figures by reference; kept only "
        "where every check passes (for strong models; the embedded one does not pass them).",
    ),
]


@app.callback()
def _root() -> None:
    """Vietnamese local-government reports -> grounded English briefings.

    Runs offline on an embedded local model when no OPENAI_API_KEY / OPENAI_BASE_URL is set.
    """


def _fail(message: str, code: int, debug: bool = False) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
    if debug:
        err.print_exception()
    return typer.Exit(code)


def _items_progress(*, rate: bool = False, disable: bool = False) -> Progress:
    """The progress bar of long work, on stderr: done/total, elapsed, ETA (and items/s for batches)."""
    columns: list[Any] = [TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}")]
    if rate:
        columns.append(TextColumn("{task.fields[rate]}"))
    return Progress(*columns, TimeElapsedColumn(), TimeRemainingColumn(), console=err, disable=disable)


@contextmanager
def _model_progress() -> Iterator[Any]:
    """A progress bar for assembling the local model the first time."""
    progress = Progress(
        TextColumn("assembling local model"), BarColumn(), DownloadColumn(), TimeRemainingColumn(), console=err
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            progress.start()
            task = progress.add_task("model", total=total)
        progress.update(task, completed=done)

    try:
        yield update
    finally:
        if task is not None:
            progress.stop()


def _settings(
    backend: str | None,
    model: str | None,
    base_url: str | None,
    model_path: Path | None,
    chunk_chars: int,
    time_budget: float = _BUDGET_DEFAULT,
    model_prose: bool = False,
) -> Settings:
    return Settings.resolve(
        backend=backend,
        model=model,
        base_url=base_url,
        model_path=model_path,
        chunk_chars=chunk_chars,
        report_budget_s=time_budget or None,
        model_prose=model_prose,
    )


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
    chunk_chars: ChunkOpt = _CHUNK_DEFAULT,
    time_budget: TimeBudgetOpt = _BUDGET_DEFAULT,
    model_prose: ModelProseOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Summarize reports into a structured summary and an English briefing.

    Example: summarizer summarize eval/reports/bac-tu-liem-2023-12-15.txt
    """
    try:
        settings = _settings(backend, model, base_url, model_path, chunk_chars, time_budget, model_prose)
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    results: list[dict[str, Any]] = []
    failed = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    try:
        with _model_progress() as on_model, Summarizer(settings, prompt=prompt, on_model_progress=on_model) as s:
            progress = _items_progress(disable=len(reports) < 2)
            with progress:
                task = progress.add_task("summarizing", total=len(reports))
                for path in reports:
                    record: dict[str, Any] = {"report": str(path)}
                    try:
                        report = read_report(path)
                        summary = s.summarize(report)
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
                            stem = report.name
                            json_path, md_path = out / f"{stem}.summary.json", out / f"{stem}.briefing.md"
                            review_path = out / f"{stem}.review.html"
                            source_path = out / f"{stem}.source.txt"
                            write_atomic(json_path, summary.model_dump_json(indent=2))
                            write_atomic(md_path, briefing)
                            write_atomic(review_path, render_review(summary, report.text))
                            write_atomic(source_path, report.text)
                            record.update(
                                summary_path=str(json_path),
                                briefing_path=str(md_path),
                                review_path=str(review_path),
                                source_path=str(source_path),
                            )
                        elif len(reports) == 1:
                            record["summary"] = summary.model_dump(mode="json")
                            if not as_json:
                                sys.stdout.write(briefing)
                    except InputError as e:
                        failed += 1
                        record.update(status="failed", error=str(e), error_class=type(e).__name__)
                        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
                    except SummarizerError as e:
                        if isinstance(e, ConfigError) or type(e).__name__ == "LocalServerError":
                            raise
                        failed += 1
                        record.update(status="failed", error=f"{path}: {e}", error_class=type(e).__name__)
                        err.print(f"[red]error:[/red] {path}: {e}", highlight=False, soft_wrap=True)
                    results.append(record)
                    progress.advance(task)
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(130) from None
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise _fail(str(e), 1, debug) from None
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


def _count_inputs(source: Path) -> int | None:
    if source.is_dir():
        return sum(1 for p in source.iterdir() if p.suffix.lower() in EXTENSIONS)
    if source.is_file():
        with source.open("rb") as f:
            return sum(1 for line in f if line.strip())
    return None


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
    chunk_chars: ChunkOpt = _CHUNK_DEFAULT,
    time_budget: TimeBudgetOpt = _BUDGET_DEFAULT,
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
    from summarizer.config import cache_dir
    from summarizer.engines.batch import estimate_cost, iter_items, run_batch
    from summarizer.engines.cache import ResultCache

    try:
        settings = _settings(backend, model, base_url, model_path, chunk_chars, time_budget, model_prose)
        price_pair = _parse_price(price)
        if engine not in ("local", "ray"):
            raise ConfigError(f"unknown engine {engine!r}; choose local or ray")
        if via not in ("direct", "batch-api"):
            raise ConfigError(f"unknown --via {via!r}; choose direct or batch-api")
        if not source.exists():
            raise ConfigError(f"{source}: no such file or folder")
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    cache = None if no_cache else ResultCache(cache_path or cache_dir() / "results.sqlite")
    total = _count_inputs(source)
    stats = None
    try:
        with _model_progress() as on_model, Summarizer(settings, prompt=prompt, on_model_progress=on_model) as s:
            model_name = s.model_name

            progress = _items_progress(rate=True)
            with progress:
                task = progress.add_task("batch", total=total, rate="")
                import time as _time

                t0 = _time.monotonic()

                def on_record(rec: dict[str, Any]) -> None:
                    progress.advance(task)
                    done = progress.tasks[0].completed
                    progress.update(task, rate=f"{done / max(1e-9, _time.monotonic() - t0):.1f}/s")
                    if rec.get("status") == "failed":
                        err.print(f"[red]failed:[/red] {rec['id']}: {rec['error']}", highlight=False, soft_wrap=True)
                    elif rec.get("degraded"):
                        err.print(f"[yellow]degraded:[/yellow] {rec['id']}: {rec['degraded']}", highlight=False)

                items = iter_items(source)
                if via == "batch-api":
                    from summarizer.engines.batch_api import run_batch_api

                    stats = run_batch_api(
                        items,
                        out,
                        summarizer=s,
                        cache=cache,
                        retry_failed=retry_failed,
                        on_record=on_record,
                    )
                elif engine == "ray":
                    from summarizer.engines.ray_engine import run_batch_ray

                    stats = run_batch_ray(
                        items,
                        out,
                        summarizer=s,
                        cache=cache,
                        concurrency=concurrency,
                        retry_failed=retry_failed,
                        on_record=on_record,
                    )
                else:
                    stats = run_batch(
                        items,
                        out,
                        summarize=s.asummarize,
                        key_of=s.recipe.key,
                        cache=cache,
                        concurrency=concurrency,
                        rpm=rpm,
                        tpm=tpm,
                        retry_failed=retry_failed,
                        max_tokens=settings.max_tokens,
                        on_record=on_record,
                        aclose=s.aclose,
                    )
    except KeyboardInterrupt:
        err.print("interrupted; re-run the same command to resume (finished items are kept)")
        raise typer.Exit(130) from None
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise _fail(str(e), 1, debug) from None
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
        from summarizer.writing.review import write_batch_pages

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
    from summarizer.schema import Summary
    from summarizer.writing.review import write_batch_pages

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
        raise _fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise _fail(str(e), 1, debug) from None


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
    from summarizer.writing.table import indicator_rows, load_summaries, write_table

    try:
        loaded = load_summaries(path)
        rows = write_table(indicator_rows(loaded.summaries), out)
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise _fail(str(e), 1, debug) from None
    if loaded.failed:
        err.print(f"left out {len(loaded.failed)} failed record(s)", highlight=False)
    err.print(f"wrote {rows} rows from {len(loaded.summaries)} reports -> {out}", highlight=False)


eval_app = typer.Typer(
    help="Score outputs against the source and gold annotations; compare runs.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")
DatasetOpt = Annotated[Path, typer.Option("--dataset", help="Folder of report files (.txt, .pdf, .docx, .html).")]
GoldOpt = Annotated[Path | None, typer.Option("--gold", help="Folder of gold .json files (default: DATASET/../gold).")]


def _load(dataset: Path, gold: Path | None, debug: bool) -> list[Any]:
    from summarizer.evaluation import load_dataset

    try:
        return load_dataset(dataset, gold)
    except SummarizerError as e:
        raise _fail(str(e), 2, debug) from None


def _print_report(doc: dict[str, Any], dest: Path, as_json: bool) -> None:
    from summarizer.evaluation.report import render_markdown_report

    if as_json:
        sys.stdout.write(
            json.dumps(
                {"aggregate": doc["aggregate"], "baselines": doc.get("baselines", {}), "reports": doc["reports"]},
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        sys.stdout.write(render_markdown_report(doc))
        err.print(f"wrote {dest / 'metrics.json'}, {dest / 'report.md'}, {dest / 'report.html'}", highlight=False)


@eval_app.command("run")
def eval_run(
    dataset: DatasetOpt = Path("eval/reports"),
    gold: GoldOpt = None,
    name: Annotated[str | None, typer.Option("--name", help="Run name (default: backend-model-time).")] = None,
    runs: Annotated[Path, typer.Option("--runs", help="Where runs are saved.")] = Path("eval/runs"),
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N reports.")] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    model_path: ModelPathOpt = None,
    prompt: PromptOpt = DEFAULT_PROMPT,
    chunk_chars: ChunkOpt = _CHUNK_DEFAULT,
    time_budget: TimeBudgetOpt = _BUDGET_DEFAULT,
    model_prose: ModelProseOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Metrics as JSON on stdout.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Summarize a dataset, then score it; re-running the same --name resumes.

    Example: summarizer eval run --dataset eval/reports --backend local --name local-v1
    """
    from summarizer.evaluation.run import run_eval, score_run

    samples = _load(dataset, gold, debug)[:limit]
    try:
        settings = _settings(backend, model, base_url, model_path, chunk_chars, time_budget, model_prose)
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    import time as _time

    run_name = (
        name
        or f"{settings.backend}-{(settings.model or 'default').replace('/', '_')}-{_time.strftime('%Y%m%d-%H%M%S')}"
    )
    run_dir = runs / run_name
    failed = 0
    try:
        with _model_progress() as on_model, Summarizer(settings, prompt=prompt, on_model_progress=on_model) as s:
            progress = _items_progress()
            with progress:
                task = progress.add_task(f"eval {run_name}", total=len(samples))

                def done(sid: str, status: str) -> None:
                    nonlocal failed
                    if status.startswith("failed"):
                        failed += 1
                        err.print(f"[red]error:[/red] {sid}: {status.removeprefix('failed: ')}", highlight=False)
                    progress.advance(task)

                run_eval(samples, s, run_dir, on_done=done)
    except KeyboardInterrupt:
        err.print("interrupted; re-run the same command to resume")
        raise typer.Exit(130) from None
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise _fail(str(e), 1, debug) from None
    doc, dest = score_run(run_dir, samples)
    _print_report(doc, dest, as_json)
    if failed:
        raise typer.Exit(1)


@eval_app.command("score")
def eval_score(
    run: Annotated[Path, typer.Argument(help="A run folder (eval/runs/NAME) or a batch results JSONL.")],
    dataset: DatasetOpt = Path("eval/reports"),
    gold: GoldOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Metrics as JSON on stdout.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Score saved outputs only (no model calls).

    Example: summarizer eval score eval/runs/local-v1
    """
    from summarizer.evaluation.run import score_run

    samples = _load(dataset, gold, debug)
    try:
        doc, dest = score_run(run, samples)
    except SummarizerError as e:
        raise _fail(str(e), 2, debug) from None
    _print_report(doc, dest, as_json)


@eval_app.command("compare")
def eval_compare(
    run_a: Annotated[Path, typer.Argument(help="Scored run A (folder or metrics.json).")],
    run_b: Annotated[Path, typer.Argument(help="Scored run B.")],
    as_json: Annotated[bool, typer.Option("--json", help="Deltas as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Show two scored runs side by side with deltas per metric and per report.

    Example: summarizer eval compare eval/runs/local-v1 eval/runs/openai-v1
    """
    from summarizer.evaluation.report import compare_markdown
    from summarizer.evaluation.run import load_metrics

    try:
        a, b = load_metrics(run_a), load_metrics(run_b)
    except SummarizerError as e:
        raise _fail(str(e), 2, debug) from None
    if as_json:
        keys = set(a["aggregate"]) | set(b["aggregate"])
        deltas = {
            k: {"a": a["aggregate"].get(k), "b": b["aggregate"].get(k)}
            | (
                {"delta": b["aggregate"][k] - a["aggregate"][k]}
                if isinstance(a["aggregate"].get(k), (int, float)) and isinstance(b["aggregate"].get(k), (int, float))
                else {}
            )
            for k in sorted(keys)
        }
        sys.stdout.write(json.dumps({"a": a["run"], "b": b["run"], "metrics": deltas}, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(compare_markdown(a, b))


def main() -> None:
    """Console entry point."""
    if "--debug" not in sys.argv:
        logging.getLogger("instructor").setLevel(logging.CRITICAL)
    app()


if __name__ == "__main__":
    main()
