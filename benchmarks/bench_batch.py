"""Batch throughput, memory and framework overhead against a loopback model with a fixed latency.

    python benchmarks/bench_batch.py [--latency 0.2] [--n 1000] [--big 10000]

The fake OpenAI-compatible server runs in its own process (so its CPU is not counted as ours) and answers
valid drafts after ``--latency`` seconds. Each configuration runs in a fresh child process that reports
wall time, CPU time and peak RSS. Prints: wall vs the ideal N x latency / concurrency and the efficiency
ratio (goal >= 90%), peak RSS at N and at --big items (goal: flat), framework CPU per item (goal: under 2%
of the latency).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _inputs(path: Path, n: int) -> None:
    seeds = [
        (ROOT / "eval" / "reports" / f).read_text(encoding="utf-8")
        for f in ("bac-tu-liem-2023-12-15.txt", "tay-ho-2024-10-12.txt")
    ]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(
                json.dumps({"id": f"r{i}", "text": seeds[i % 2] + f"\n\nBản tin số {i}."}, ensure_ascii=False) + "\n"
            )


def child(url: str, src: Path, out: Path, concurrency: int) -> None:
    from summarizer.config import Settings
    from summarizer.engines.batch import iter_items, run_batch
    from summarizer.engines.direct import Summarizer

    settings = Settings(backend="compatible", model="fake-model", base_url=url, api_key="sk-bench", timeout_s=30)
    with Summarizer(settings) as s:
        cpu0, t0 = time.process_time(), time.perf_counter()
        stats = run_batch(
            iter_items(src),
            out,
            summarize=s.asummarize,
            key_of=lambda text: s.recipe.key(text),
            cache=None,
            concurrency=concurrency,
            aclose=s.aclose,
        )
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": rss_mb, "done": stats.done, "failed": stats.failed}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10000)
    parser.add_argument("--child", nargs=4, metavar=("URL", "SRC", "OUT", "CONCURRENCY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        url, src, out, conc = args.child
        child(url, Path(src), Path(out), int(conc))
        return
    server = subprocess.Popen(
        [sys.executable, "-m", "summarizer.testing.fakeserver", "--latency", str(args.latency)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        with tempfile.TemporaryDirectory() as tmp:
            runs = [(args.n, 16), (args.n, 64), (args.big, 64)]
            print(f"loopback model latency {args.latency * 1000:.0f} ms; {os.cpu_count()} cores")
            print(
                f"{'items':>6} {'conc':>5} {'wall s':>8} {'ideal s':>8} {'efficiency':>10} {'peak RSS MB':>12} "
                f"{'CPU ms/item':>12} {'CPU % of latency':>17}"
            )
            for n, conc in runs:
                src, out = Path(tmp) / f"in{n}.jsonl", Path(tmp) / f"out{n}-{conc}.jsonl"
                _inputs(src, n)
                res = subprocess.run(
                    [sys.executable, __file__, "--child", url, str(src), str(out), str(conc)],
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                    check=True,
                )
                m = json.loads(res.stdout.strip().splitlines()[-1])
                ideal = n * args.latency / conc
                per_item = m["cpu"] / n * 1000
                print(
                    f"{n:>6} {conc:>5} {m['wall']:>8.2f} {ideal:>8.2f} {ideal / m['wall']:>10.1%} "
                    f"{m['rss_mb']:>12.0f} {per_item:>12.2f} {per_item / (args.latency * 1000):>17.1%}"
                    + ("" if m["failed"] == 0 else f"  ({m['failed']} failed)")
                )
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
