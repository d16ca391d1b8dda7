"""The ``eval`` commands: run, score and compare evaluations against the gold annotations."""

from __future__ import annotations

import json
import sys
import time
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
from summarizer.engines.direct import Summarizer
from summarizer.errors import ConfigError, SummarizerError
from summarizer.evaluation import load_dataset
from summarizer.evaluation.report import compare_markdown, render_markdown_report
from summarizer.evaluation.run import load_metrics, run_eval, score_run

eval_app = typer.Typer(
    help="Score outputs against the source and gold annotations; compare runs.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")
DatasetOpt = Annotated[Path, typer.Option("--dataset", help="Folder of report files (.txt, .pdf, .docx, .html).")]
GoldOpt = Annotated[Path | None, typer.Option("--gold", help="Folder of gold .json files (default: DATASET/../gold).")]


def _load(dataset: Path, gold: Path | None, debug: bool) -> list[Any]:
    try:
        return load_dataset(dataset, gold)
    except SummarizerError as e:
        raise fail(str(e), 2, debug) from None


ShowUnseenOpt = Annotated[
    bool,
    typer.Option(
        "--show-unseen",
        help="Also list the errors found on unseen reports (what those reports say); once read, a report is seen.",
    ),
]


def _print_report(doc: dict[str, Any], dest: Path, as_json: bool, show_unseen: bool) -> None:
    if as_json:
        sys.stdout.write(
            json.dumps(
                {"aggregate": doc["aggregate"], "baselines": doc.get("baselines", {}), "reports": doc["reports"]},
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        sys.stdout.write(render_markdown_report(doc, show_unseen=show_unseen))
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
    chunk_chars: ChunkOpt = CHUNK_DEFAULT,
    time_budget: TimeBudgetOpt = BUDGET_DEFAULT,
    model_prose: ModelProseOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Metrics as JSON on stdout.")] = False,
    show_unseen: ShowUnseenOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Summarize a dataset, then score it; re-running the same --name resumes.

    Example: summarizer eval run --dataset eval/reports --backend local --name local-v1
    """
    samples = _load(dataset, gold, debug)[:limit]
    try:
        settings = make_settings(backend, model, base_url, model_path, chunk_chars, time_budget, model_prose)
    except ConfigError as e:
        raise fail(str(e), 2, debug) from None
    run_name = (
        name or f"{settings.backend}-{(settings.model or 'default').replace('/', '_')}-{time.strftime('%Y%m%d-%H%M%S')}"
    )
    run_dir = runs / run_name
    failed = 0
    try:
        with model_progress() as on_model, Summarizer(settings, prompt=prompt, on_model_progress=on_model) as s:
            progress = items_progress()
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
        raise fail(str(e), 2, debug) from None
    except SummarizerError as e:
        raise fail(str(e), 1, debug) from None
    doc, dest = score_run(run_dir, samples, show_unseen=show_unseen)
    _print_report(doc, dest, as_json, show_unseen)
    if failed:
        raise typer.Exit(1)


@eval_app.command("score")
def eval_score(
    run: Annotated[Path, typer.Argument(help="A run folder (eval/runs/NAME) or a batch results JSONL.")],
    dataset: DatasetOpt = Path("eval/reports"),
    gold: GoldOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Metrics as JSON on stdout.")] = False,
    show_unseen: ShowUnseenOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Score saved outputs only (no model calls).

    Example: summarizer eval score eval/runs/local-v1
    """
    samples = _load(dataset, gold, debug)
    try:
        doc, dest = score_run(run, samples, show_unseen=show_unseen)
    except SummarizerError as e:
        raise fail(str(e), 2, debug) from None
    _print_report(doc, dest, as_json, show_unseen)


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
    try:
        a, b = load_metrics(run_a), load_metrics(run_b)
    except SummarizerError as e:
        raise fail(str(e), 2, debug) from None
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
