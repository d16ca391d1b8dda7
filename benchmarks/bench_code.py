"""Benchmark: what the program's own reading costs per report, no model, for two or more checkouts.

    python benchmarks/bench_code.py --checkouts /tmp/landed . [--repeat 3]

Each checkout (``git worktree add /tmp/landed <commit>``) reads every report of ``eval/reports`` and assembles its
summary from an empty draft (ledger, meaning, fit checks, meeting, briefing data: everything but the model call), in
its own process, the checkouts taking turns report by report and round by round so both see the same machine load.
Prints the median and maximum milliseconds per report and the ratio of medians to the first checkout. The embedded
model's time dwarfs this (about 50 s a report); the point is that a rule costs no measurable time, which the model
benchmark (``bench_local.py --checkouts``) cannot show through its noise.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from summarizer.checking.assembly import build_summary
from summarizer.reading.ledger import build_ledger, reset_caches
from summarizer.reading.meeting import find_meeting_facts
from summarizer.schema import Draft
from summarizer.testing.synthetic import blank_provenance
out = []
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    reset_caches()
    start = time.perf_counter()
    ledger = build_ledger(text)
    build_summary(Draft.empty(), ledger, find_meeting_facts(ledger), blank_provenance(), [])
    out.append(time.perf_counter() - start)
print(json.dumps(out))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkouts", nargs="+", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    reports = sorted(str(p) for p in (ROOT / "eval" / "reports").glob("*.txt"))
    times: dict[Path, list[float]] = {c: [] for c in args.checkouts}
    for _ in range(args.repeat):
        for checkout in args.checkouts:
            run = subprocess.run(
                [sys.executable, "-c", _CHILD, str(checkout.resolve()), *reports],
                capture_output=True,
                text=True,
                check=True,
            )
            times[checkout].extend(json.loads(run.stdout.strip().splitlines()[-1]))
    first = statistics.median(times[args.checkouts[0]])
    print(f"{'checkout':30} {'reports':>7} {'median ms':>10} {'max ms':>8} {'ratio':>6}")
    for checkout, seconds in times.items():
        median = statistics.median(seconds)
        print(
            f"{checkout!s:30} {len(seconds) // args.repeat:7d} {median * 1000:10.1f} {max(seconds) * 1000:8.1f} "
            f"{median / first:6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
