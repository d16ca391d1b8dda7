"""Benchmark: every evaluation report in every document format, read back, compared with its ``.txt``.

    python benchmarks/bench_documents.py            # all reports, all formats
    python benchmarks/bench_documents.py --reports 8 --repeat 3

Each report's text is rendered with real tools (``summarizer.testing.renderers``: reportlab PDF in DejaVu Sans,
python-docx, a news page with navigation, related links and comments, TCVN3 and VNI plain text, and a Word file
typed in the ``.VnTime`` font), written to a temporary folder, and read with ``read_report`` as a user's file
would be. Printed per format: the share of reports whose ledger (every figure as written, value, kind, unit,
period, basis, target) is identical to the ``.txt``'s, and the median seconds to read one document (per page for
PDF), measured in this one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.reading.reports import read_report  # noqa: E402
from summarizer.testing.renderers import (  # noqa: E402
    FORMATS,
    find_font,
    ledger_signature,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", type=Path, default=ROOT / "eval" / "reports")
    ap.add_argument("--reports", type=int, default=None, help="Only the first N reports.")
    ap.add_argument("--repeat", type=int, default=3, help="Reads per document; the fastest counts.")
    args = ap.parse_args()
    font = find_font()
    if font is None:
        sys.exit("no TrueType font with Vietnamese letters found (apt-get install fonts-dejavu-core)")
    paths = sorted(args.dataset.glob("*.txt"))[: args.reports]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, (suffix, make) in FORMATS.items():
            same, seconds, per_page, differ = 0, [], [], []
            for path in paths:
                text = read_report(path).text
                doc = Path(tmp) / f"{path.stem}-{fmt}{suffix}"
                doc.write_bytes(make(text, font))
                best = float("inf")
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    report = read_report(doc)
                    best = min(best, time.perf_counter() - started)
                seconds.append(best)
                pages = len(report.document.pages) if report.document and report.document.pages else 0
                if pages:
                    per_page.append(best / pages)
                if ledger_signature(report.text) == ledger_signature(text):
                    same += 1
                else:
                    differ.append(path.stem)
            rows.append((fmt, same, len(paths), statistics.median(seconds), max(seconds), per_page, differ))
    print(f"{'format':<18} {'same ledger':>12} {'median s/doc':>13} {'max s/doc':>10} {'median s/page':>14}")
    for fmt, same, n, med, top, per_page, differ in rows:
        page = f"{statistics.median(per_page):.3f}" if per_page else "-"
        print(f"{fmt:<18} {f'{same}/{n}':>12} {med:>13.3f} {top:>10.3f} {page:>14}")
        if differ:
            print(f"  differ: {', '.join(differ)}")


if __name__ == "__main__":
    main()
