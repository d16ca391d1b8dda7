"""The thin shell: arguments, progress bars, output files and exit codes (0 done, 1 failed items, 2 usage)."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from summarizer.briefing import render_markdown
from summarizer.config import Settings
from summarizer.errors import ConfigError, InputError, SummarizerError
from summarizer.inputs import read_report
from summarizer.io import write_atomic
from summarizer.summarize import Summarizer

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


def _settings(backend: str | None, model: str | None, base_url: str | None, model_path: Path | None) -> Settings:
    return Settings.resolve(backend=backend, model=model, base_url=base_url, model_path=model_path)


@app.command()
def summarize(
    reports: Annotated[list[Path], typer.Argument(help="Report text files (UTF-8 Vietnamese).", show_default=False)],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write <stem>.summary.json and .briefing.md here.")
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    model_path: ModelPathOpt = None,
    prompt: PromptOpt = "summarize@v1",
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Summarize reports into a structured summary and an English briefing.

    Example: summarizer summarize eval/reports/bac-tu-liem-2023-12-15.txt
    """
    try:
        settings = _settings(backend, model, base_url, model_path)
    except ConfigError as e:
        raise _fail(str(e), 2, debug) from None
    results: list[dict[str, Any]] = []
    failed = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    try:
        with _model_progress() as on_model, Summarizer(settings, prompt=prompt, on_model_progress=on_model) as s:
            progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=err,
                disable=len(reports) < 2,
            )
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
                        )
                        if out is not None:
                            stem = report.name
                            json_path, md_path = out / f"{stem}.summary.json", out / f"{stem}.briefing.md"
                            write_atomic(json_path, summary.model_dump_json(indent=2))
                            write_atomic(md_path, briefing)
                            record.update(summary_path=str(json_path), briefing_path=str(md_path))
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


eval_app = typer.Typer(
    help="Score outputs against the source and gold annotations; compare runs.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")
DatasetOpt = Annotated[Path, typer.Option("--dataset", help="Folder of report .txt files.")]
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
            json.dumps({"aggregate": doc["aggregate"], "reports": doc["reports"]}, ensure_ascii=False) + "\n"
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
    prompt: PromptOpt = "summarize@v1",
    as_json: Annotated[bool, typer.Option("--json", help="Metrics as JSON on stdout.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Summarize a dataset, then score it; re-running the same --name resumes.

    Example: summarizer eval run --dataset eval/reports --backend local --name local-v1
    """
    from summarizer.evaluation.run import run_eval, score_run

    samples = _load(dataset, gold, debug)[:limit]
    try:
        settings = _settings(backend, model, base_url, model_path)
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
            progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=err,
            )
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
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if "--debug" not in sys.argv:
        logging.getLogger("instructor").setLevel(logging.CRITICAL)
    app()


if __name__ == "__main__":
    main()
