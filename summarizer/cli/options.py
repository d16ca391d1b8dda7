"""What every command shares: the Typer app, stderr console, common options, progress bars, settings and the
one-line failure."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from summarizer.config import Settings

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
CHUNK_DEFAULT = Settings().chunk_chars
TimeBudgetOpt = Annotated[
    float,
    typer.Option(
        "--time-budget",
        min=0,
        help="Seconds one report may wait on the model; then its briefing is written from what code knows and "
        "marked degraded (0: no limit).",
    ),
]
BUDGET_DEFAULT = Settings().report_budget_s or 0.0
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


def fail(message: str, code: int, debug: bool = False) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
    if debug:
        err.print_exception()
    return typer.Exit(code)


def items_progress(*, rate: bool = False, disable: bool = False) -> Progress:
    """The progress bar of long work, on stderr: done/total, elapsed, ETA (and items/s for batches)."""
    columns: list[Any] = [TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}")]
    if rate:
        columns.append(TextColumn("{task.fields[rate]}"))
    return Progress(*columns, TimeElapsedColumn(), TimeRemainingColumn(), console=err, disable=disable)


@contextmanager
def model_progress() -> Iterator[Any]:
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


def make_settings(
    backend: str | None,
    model: str | None,
    base_url: str | None,
    model_path: Path | None,
    chunk_chars: int,
    time_budget: float = BUDGET_DEFAULT,
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
