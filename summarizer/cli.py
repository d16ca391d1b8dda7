"""The thin shell: arguments, progress bars, output files and exit codes (0 done, 1 failed items, 2 usage)."""

from __future__ import annotations

import json
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
                TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(), TimeRemainingColumn(), console=err, disable=len(reports) < 2,
            )  # fmt: skip
            with progress:
                task = progress.add_task("summarizing", total=len(reports))
                for path in reports:
                    record: dict[str, Any] = {"report": str(path)}
                    try:
                        report = read_report(path)
                        summary = s.summarize(report)
                        briefing = render_markdown(summary)
                        record.update(status="ok", indicators=len(summary.indicators),
                                      ungrounded=len(summary.ungrounded),
                                      elapsed_s=summary.provenance.elapsed_s,
                                      tokens=summary.provenance.usage.total_tokens)  # fmt: skip
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


def main() -> None:
    """Console entry point."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    app()


if __name__ == "__main__":
    main()
