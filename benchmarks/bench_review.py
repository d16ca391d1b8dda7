"""Benchmark: review pages, index and indicator table for N batch results (no model); prints medians.

    python benchmarks/bench_review.py [--n 1000] [--repeats 3]

The results are the gold-built summaries of the 22 reports in rotation, written to a results JSONL with
their inputs, as a batch would leave them; each repeat writes every page, the index and the CSV table.
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

from summarizer.engines.batch import source_texts  # noqa: E402
from summarizer.evaluation import load_dataset  # noqa: E402
from summarizer.testing.synthetic import perfect_summary  # noqa: E402
from summarizer.writing.review import write_batch_pages  # noqa: E402
from summarizer.writing.table import indicator_rows, load_summaries, write_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    samples = load_dataset(ROOT / "eval" / "reports")
    summaries = [(s, json.loads(perfect_summary(s).model_dump_json())) for s in samples]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs = root / "inputs.jsonl"
        results = root / "results.jsonl"
        with inputs.open("w", encoding="utf-8") as fi, results.open("w", encoding="utf-8") as fr:
            for i in range(args.n):
                s, summary = summaries[i % len(summaries)]
                fi.write(json.dumps({"id": f"r{i}", "text": s.text}, ensure_ascii=False) + "\n")
                fr.write(json.dumps({"id": f"r{i}", "status": "ok", "summary": summary}, ensure_ascii=False) + "\n")
        pages_s, table_s = [], []
        for k in range(args.repeats):
            t0 = time.perf_counter()
            written, index = write_batch_pages(results, source_texts(inputs), root / f"pages{k}")
            pages_s.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            rows = write_table(indicator_rows(load_summaries(results).summaries), root / f"t{k}.csv")
            table_s.append(time.perf_counter() - t0)
        size = sum(p.stat().st_size for p in (root / "pages0").glob("*.html"))
    print(f"results: {args.n} · repeats: {args.repeats}")
    print(f"pages + index: median {statistics.median(pages_s):.2f} s ({written} pages, {size / 1e6:.1f} MB in all)")
    print(f"indicator table: median {statistics.median(table_s):.2f} s ({rows} rows)")
    per_page, per_row = 1000 * statistics.median(pages_s) / args.n, 1000 * statistics.median(table_s) / args.n
    print(f"per result: {per_page:.1f} ms for its page, {per_row:.2f} ms for its table rows; index: {index.name}")


if __name__ == "__main__":
    main()
