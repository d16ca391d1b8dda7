"""Fingerprint what the program makes of each report with no model: the full ledger (every figure with its
period, subject, name and cue), the meeting facts, and the summary and briefing that ``build_summary`` assembles
from an empty draft and from a draft that picks the first candidates under one fixed name. Two checkouts that
print the same fingerprints behave the same on those texts: the check for a refactoring that must change nothing.

    python eval/fingerprint.py --out /tmp/fp-new            # the 42 reports and the 500-article corpus sample
    diff <(cd /tmp/fp-old && sha256sum *) <(cd /tmp/fp-new && sha256sum *)

Writes one dump per text (made by this code, from the evaluation reports and ``tests/data/corpus_sample``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.checking.assembly import build_summary  # noqa: E402
from summarizer.reading.ledger import read_fully  # noqa: E402
from summarizer.reading.meeting import find_meeting_facts  # noqa: E402
from summarizer.reading.reports import Report, read_report  # noqa: E402
from summarizer.schema import Draft, DraftIndicator  # noqa: E402
from summarizer.testing.synthetic import blank_provenance  # noqa: E402
from summarizer.writing.briefing import render_markdown  # noqa: E402


def texts(dataset: Path, corpus: Path, limit: int) -> list[tuple[str, str]]:
    out = [(p.stem, read_report(p).text) for p in sorted(dataset.glob("*.txt"))]
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                break
            art = json.loads(line)
            try:
                out.append((f"corpus-{n:03d}", Report.from_text(art["text"]).text))
            except Exception:
                continue
    return out


def dump(text: str) -> str:
    ledger = read_fully(text)
    facts = find_meeting_facts(ledger)
    lines = [repr(f) for f in ledger.figures]
    lines.append(repr((ledger.document_period, ledger.document_year, ledger.convention)))
    lines.append(facts.model_dump_json() if hasattr(facts, "model_dump_json") else repr(facts))
    empty = build_summary(Draft.empty(), ledger, facts, blank_provenance(), [])
    lines += [empty.model_dump_json(), render_markdown(empty)]
    picks = [DraftIndicator(figure=f.id, name="Budget revenue") for f in ledger.candidates()[:14]]
    chosen = Draft.empty().model_copy(update={"indicators": picks, "title": "Meeting"})
    summary = build_summary(chosen, ledger, facts, blank_provenance(), [])
    lines += [summary.model_dump_json(), render_markdown(summary)]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dataset", type=Path, default=ROOT / "eval" / "reports")
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "corpus_sample.jsonl.gz")
    ap.add_argument("--limit", type=int, default=500)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts(args.dataset, args.corpus, args.limit):
        (args.out / f"{name}.txt").write_text(dump(text), encoding="utf-8")
    print(f"fingerprinted {len(list(args.out.glob('*.txt')))} texts into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
