"""What the program alone names in hand-written sentences of the genre: every figure a sentence holds, with its
status, English name, basis and period, and the figures the reader dropped, then counts by status.

    python eval/probe/names.py [eval/probe/sentences.txt]

The sentences (``sentences.txt``, one a line) were written by the developers at stop 39 from general knowledge of
Vietnamese district and provincial socio-economic reports (budget, production value, jobs, poverty, schools, party
building, security, administrative reform), never copied from an evaluation report, to see what a reader of the
genre cannot yet say. They have no gold: read the output; rules found from them were then measured on ``eval/dev``,
the audit and the corpus sample before they were kept.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer.checking.assembly import build_summary  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.meeting import find_meeting_facts  # noqa: E402
from summarizer.schema import Draft  # noqa: E402
from summarizer.testing.synthetic import blank_provenance  # noqa: E402


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).with_name("sentences.txt")
    counts: Counter[str] = Counter()
    for text in path.read_text(encoding="utf-8").splitlines():
        if not text.strip():
            continue
        ledger = build_ledger(text)
        summary = build_summary(Draft.empty(), ledger, find_meeting_facts(ledger), blank_provenance(), [])
        print(f"# {text}")
        shown = {i.figure_id for i in summary.indicators}
        for i in summary.indicators:
            counts[i.name_status] += 1
            print(f"  {i.source_text!r:24} [{i.name_status}] {i.name!r} basis={i.basis} period={i.period}")
        for f in ledger.figures:
            if f.is_indicator_kind and f.id not in shown:
                counts["not shown"] += 1
                print(f"  {f.text!r:24} not shown")
    print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
