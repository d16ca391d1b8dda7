"""Reliability figures: a batch with a share of calls faulted on a real loopback socket.

    python benchmarks/bench_faults.py [--n 1000] [--fault-rate 0.2] [--concurrency 16]

Prints: records written vs inputs (lost = inputs - unique records), permanent failures by reason, HTTP
calls made and calls per item (retries are bounded by the policy), and wall time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.config import Settings  # noqa: E402
from summarizer.engines.batch import Item, run_batch  # noqa: E402
from summarizer.engines.direct import Summarizer  # noqa: E402
from summarizer.testing.fakeserver import FakeOpenAI, Fault  # noqa: E402

FAULTS = [
    Fault("status", 429, {"Retry-After": "0"}),
    Fault("status", 500),
    Fault("status", 502),
    Fault("status", 503),
    Fault("reset"),
    Fault("malformed"),
    Fault("content", content='{"title": 1}'),
    Fault("truncated"),
    Fault("refusal"),
    Fault("empty"),
    Fault("status", 400),
    Fault("stall", seconds=1.5),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    seeds = [
        (ROOT / "eval" / "reports" / f).read_text(encoding="utf-8")
        for f in ("bac-tu-liem-2023-12-15.txt", "tay-ho-2024-10-12.txt")
    ]
    items = [Item(f"r{i}", seeds[i % 2] + f"\n\nSố {i}.") for i in range(args.n)]
    rng = random.Random(3)
    injected: Counter[str] = Counter()

    def fault_every(_: int) -> Fault | None:
        if rng.random() >= args.fault_rate:
            return None
        f = rng.choice(FAULTS)
        injected[f.kind if f.kind != "status" else f"HTTP {f.status}"] += 1
        return f

    with FakeOpenAI(fault_every=fault_every) as fake, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            backend="compatible",
            model="m",
            base_url=fake.base_url,
            api_key="sk-bench",
            retry_cap_s=0.05,
            transport_retries=3,
            max_reasks=1,
            timeout_s=1.0,
        )
        out = Path(tmp) / "out.jsonl"
        t0 = time.perf_counter()
        with Summarizer(settings) as s:
            stats = run_batch(
                items,
                out,
                summarize=s.asummarize,
                concurrency=args.concurrency,
                key_of=lambda t: s.recipe.key(t),
                aclose=s.aclose,
            )
        wall = time.perf_counter() - t0
        recs = [json.loads(line) for line in out.read_text().splitlines()]
        calls = len(fake.requests)
    ids = {r["id"] for r in recs}
    reasons = Counter(
        f"{r['error_class']}: {r['error'].split(' after ')[0][:70]}" for r in recs if r["status"] == "failed"
    )
    print(
        f"inputs {args.n}; faults injected {sum(injected.values())} of {calls} calls "
        f"({sum(injected.values()) / calls:.1%}): {dict(injected)}"
    )
    print(f"records {len(recs)}, unique ids {len(ids)}, lost {args.n - len(ids)}, duplicates {len(recs) - len(ids)}")
    print(f"ok {stats.done}, permanent failures {stats.failed} (every one with a reason):")
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason}")
    print(f"HTTP calls {calls} = {calls / args.n:.2f} per item; bound: {(1 + 1) * (3 + 1) * 3} per item")
    print(f"wall {wall:.1f} s")


if __name__ == "__main__":
    main()
