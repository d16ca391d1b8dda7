"""Benchmark: score N saved outputs generated synthetically from the 22 gold reports; prints outputs/s.

    python eval/bench_score.py [--n 10000] [--repeats 5]

Outputs are the perfect summaries of the 22 reports and every mutation that applies to them, in rotation, written to a
results JSONL first (so parsing the saved file is part of the measured work, as with `eval score`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.evaluation import aggregate, load_dataset  # noqa: E402
from summarizer.evaluation.run import score_jsonl  # noqa: E402
from summarizer.testing.synthetic import MUTATIONS, NotApplicable, mutate, perfect_summary  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workers", type=int, default=None, help="scoring processes (default: one per core)")
    args = parser.parse_args()

    samples = load_dataset(ROOT / "eval" / "reports")
    variants = []
    for s in samples:
        perfect = perfect_summary(s)
        variants.append((s, json.loads(perfect.model_dump_json())))
        for kind in MUTATIONS:
            try:
                variants.append((s, json.loads(mutate(perfect, s, kind).model_dump_json())))
            except NotApplicable:
                continue
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "results.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(args.n):
                s, summary = variants[i % len(variants)]
                f.write(json.dumps({"id": f"{s.id}#{i}", "status": "ok", "summary": summary}, ensure_ascii=False))
                f.write("\n")
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            scores = score_jsonl(path, samples, workers=args.workers)
            agg = aggregate(scores)
            times.append(time.perf_counter() - start)
    med = statistics.median(times)
    print(f"outputs scored: {args.n} × {args.repeats} runs, {len(scores)} scores per run")
    print(f"wall time per run: median {med:.2f} s (min {min(times):.2f}, max {max(times):.2f})")
    print(f"throughput: {args.n / med:,.0f} outputs/s (goal: {args.n} in under 10 s)")
    print(f"variants: {len(variants)} distinct outputs over {len(samples)} reports")
    print(f"sanity: fully right {agg['fully_right']}, clean {agg['clean_briefings']}, recall {agg['recall_by_span']}")


if __name__ == "__main__":
    main()
