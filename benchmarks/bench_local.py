"""Benchmark: seconds and tokens per report on the embedded model, per prompt, with medians and ratios.

    python benchmarks/bench_local.py --runs eval/runs/local-v1 eval/runs/local-v3
    python benchmarks/bench_local.py --prompts summarize@v1 summarize@v3 --reports 4

    python benchmarks/bench_local.py --checkouts /tmp/landed . --reports 4

``--runs`` reads saved evaluation runs (``summarizer eval run``): each output records its elapsed time and
token usage. ``--prompts`` summarizes N reports of ``eval/reports`` live (half seen, half unseen, or one
``--split``), one server, the
prompts interleaved report by report so both see the same machine load. ``--checkouts`` does the same for
whole versions of the program (``git worktree add /tmp/landed <commit>``): each report is summarized by
each checkout's own ``summarizer summarize --backend local`` in turn; the time is the one each run
records, without its server's start-up. Only medians and ratios measured
in the same run are comparable; an absolute time depends on the machine and what else it runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.asking.prompts import load_prompt  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.engines.direct import Summarizer  # noqa: E402
from summarizer.evaluation import load_dataset  # noqa: E402
from summarizer.reading.reports import Report  # noqa: E402


def _row(
    name: str, seconds: list[float], prompt: list[int], completion: list[int], calls: list[int]
) -> dict[str, object]:
    median = statistics.median(seconds)
    return {
        "name": name,
        "reports": len(seconds),
        "median_s": round(median, 1),
        "min_s": round(min(seconds), 1),
        "max_s": round(max(seconds), 1),
        "max_over_median": round(max(seconds) / median, 2) if median else None,
        "median_prompt_tokens": statistics.median(prompt),
        "median_completion_tokens": statistics.median(completion),
        "calls_per_report": round(sum(calls) / len(calls), 2),
    }


def from_runs(paths: list[Path]) -> list[dict[str, object]]:
    rows = []
    for path in paths:
        seconds, prompt, completion, calls = [], [], [], []
        for f in sorted((path / "outputs").glob("*.summary.json")):
            usage = json.loads(f.read_text(encoding="utf-8"))["provenance"]
            seconds.append(usage["elapsed_s"])
            prompt.append(usage["usage"]["prompt_tokens"])
            completion.append(usage["usage"]["completion_tokens"])
            calls.append(usage["usage"]["calls"])
        if seconds:
            rows.append(_row(path.name, seconds, prompt, completion, calls))
    return rows


def _samples(n: int, split: str | None) -> list[Any]:
    """The first N reports of one split of ``eval/reports`` (``eval/splits.json``); without a split, the first
    N/2 seen and N/2 unseen ones, alternating."""
    samples = load_dataset(ROOT / "eval" / "reports")
    if split is not None:
        return [s for s in samples if s.split == split][:n]
    seen, unseen = [s for s in samples if s.split != "unseen"], [s for s in samples if s.split == "unseen"]
    mixed = [s for pair in zip(seen, unseen, strict=False) for s in pair]
    return mixed[:n]


def live(prompts: list[str], n: int, split: str | None = None) -> list[dict[str, object]]:
    """One embedded server; each report summarized with every prompt in turn (interleaved)."""
    samples = _samples(n, split)
    stats: dict[str, tuple[list[float], list[int], list[int], list[int]]] = {p: ([], [], [], []) for p in prompts}
    with Summarizer(Settings.resolve(backend="local")) as summarizer:
        for s in samples:
            for p in prompts:
                summarizer.prompt = load_prompt(p)
                out = summarizer.summarize(Report(name=s.id, text=s.text, source=s.id))
                u = out.provenance.usage
                seconds, prompt_tokens, completion_tokens, calls = stats[p]
                seconds.append(out.provenance.elapsed_s)
                prompt_tokens.append(u.prompt_tokens)
                completion_tokens.append(u.completion_tokens)
                calls.append(u.calls)
                print(
                    f"{s.id:28} {p:16} {out.provenance.elapsed_s:6.1f} s {u.completion_tokens:5} out", file=sys.stderr
                )
    return [_row(p, *stats[p]) for p in prompts]


def by_checkout(checkouts: list[Path], n: int, split: str | None = None) -> list[dict[str, object]]:
    """Each of the first N reports summarized by every checkout in turn (interleaved), each in a subprocess."""
    import os
    import subprocess
    import tempfile

    samples = _samples(n, split)
    stats: dict[str, tuple[list[float], list[int], list[int], list[int]]] = {
        str(c): ([], [], [], []) for c in checkouts
    }
    with tempfile.TemporaryDirectory() as tmp:
        for s in samples:
            for c in checkouts:
                out = Path(tmp) / f"{c.resolve().name}-{s.id}"
                report = ROOT / "eval" / "reports" / f"{s.id}.txt"
                env = {**os.environ, "PYTHONPATH": str(c.resolve())}
                cmd = [sys.executable, "-m", "summarizer.cli", "summarize", str(report), "--backend", "local"]
                subprocess.run([*cmd, "--out", str(out)], cwd=c, env=env, check=True, capture_output=True)
                prov = json.loads(next(out.glob("*.summary.json")).read_text(encoding="utf-8"))["provenance"]
                seconds, prompt_tokens, completion_tokens, calls = stats[str(c)]
                seconds.append(prov["elapsed_s"])
                prompt_tokens.append(prov["usage"]["prompt_tokens"])
                completion_tokens.append(prov["usage"]["completion_tokens"])
                calls.append(prov["usage"]["calls"])
                print(f"{s.id:28} {c!s:24} {prov['elapsed_s']:6.1f} s", file=sys.stderr)
    return [_row(str(c), *stats[str(c)]) for c in checkouts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", nargs="*", type=Path, default=[], help="saved evaluation run folders")
    parser.add_argument("--prompts", nargs="*", default=[], help="prompts to run live, e.g. summarize@v1")
    parser.add_argument("--checkouts", nargs="*", type=Path, default=[], help="program versions to run live")
    parser.add_argument("--reports", type=int, default=4, help="reports to run live (half seen, half unseen)")
    parser.add_argument("--split", choices=["seen", "unseen"], help="take the live reports from this split only")
    args = parser.parse_args()
    if not args.runs and not args.prompts and not args.checkouts:
        parser.error("give --runs, --prompts or --checkouts")
    if args.runs:
        rows = from_runs(args.runs)
    elif args.checkouts:
        rows = by_checkout(args.checkouts, args.reports, args.split)
    else:
        rows = live(args.prompts, args.reports, args.split)
    print(
        f"{'run':24} {'reports':>7} {'median s':>9} {'min':>6} {'max':>6} {'max/med':>7} "
        f"{'prompt tok':>10} {'compl. tok':>10} {'calls':>6}"
    )
    for r in rows:
        print(
            f"{r['name']!s:24} {r['reports']:>7} {r['median_s']:>9} {r['min_s']:>6} {r['max_s']:>6} "
            f"{r['max_over_median']!s:>7} "
            f"{r['median_prompt_tokens']:>10} {r['median_completion_tokens']:>10} {r['calls_per_report']:>6}"
        )
    if len(rows) >= 2:
        base = rows[0]
        for r in rows[1:]:
            ratio = float(r["median_s"]) / float(base["median_s"])  # type: ignore[arg-type]
            print(f"median seconds {r['name']} / {base['name']}: {ratio:.2f}")


if __name__ == "__main__":
    main()
