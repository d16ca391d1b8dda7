"""OCR benchmark: the evaluation reports rendered to image-only PDFs, read back by OCR, compared with the text.

    python eval/bench_ocr.py [--limit N] [--variants clean,degraded]

Each report is typeset to PDF (reportlab, DejaVu Sans), every page rendered to an image and saved as a PDF of
images only: ``clean`` at 300 dpi; ``degraded`` at 150 dpi, turned 0.7 degrees, with
noise (seeded: the same every run). Generated here, not
real scans. The program reads it as any scanned PDF (``read_report``: Tesseract, Vietnamese model) and its figure
ledger is compared with the ledger of the text: share of the text's figures read identically (kind, value, scale,
unit), share of the scan's figures flagged as doubtful, and figures read wrong but *not* flagged (must be 0: a
wrong figure shown as verified). Prints medians of seconds per page.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.documents.ocr import pdf_images  # noqa: E402
from summarizer.errors import InputError  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.reports import read_report  # noqa: E402
from summarizer.testing.renderers import find_font, to_pdf  # noqa: E402


def _degrade(img: Any) -> Any:
    from PIL import Image

    small = img.resize((img.width // 2, img.height // 2))
    turned = small.rotate(0.7, expand=True, fillcolor="white")
    rng = random.Random(f"{img.width}x{img.height}")  # the same noise every run: results are comparable
    noise = Image.frombytes("L", turned.size, rng.randbytes(turned.size[0] * turned.size[1])).convert("RGB")
    return Image.blend(turned.convert("RGB"), noise, 0.12)


def scanned_pdf(text: str, font: Path, variant: str) -> bytes:
    images = pdf_images(to_pdf(text, font), dpi=300)
    if variant == "degraded":
        images = [_degrade(i) for i in images]
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=300)
    return buf.getvalue()


def _keys(text: str) -> Counter[tuple[object, ...]]:
    return Counter(
        (f.kind.value, f.value, f.scale, f.unit, f.high) for f in build_ledger(text).figures if f.is_indicator_kind
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--variants", default="clean,degraded")
    args = ap.parse_args()
    font = find_font()
    if font is None:
        print("error: no font with Vietnamese letters (apt-get install fonts-dejavu-core)", file=sys.stderr)
        return 2
    reports = sorted((ROOT / "eval" / "reports").glob("*.txt"))[: args.limit]
    for variant in args.variants.split(","):
        same = total = flagged = scanned = wrong_unflagged = failed = 0
        per_page: list[float] = []
        with tempfile.TemporaryDirectory() as tmp:
            for path in reports:
                text = path.read_text(encoding="utf-8")
                pdf = Path(tmp) / f"{path.stem}.pdf"
                pdf.write_bytes(scanned_pdf(text, font, variant))
                started = time.perf_counter()
                try:
                    report = read_report(pdf)
                except InputError as e:
                    failed += 1
                    print(f"  {path.stem}: failed record: {e}", file=sys.stderr)
                    continue
                doc = report.document
                assert doc is not None
                per_page.append((time.perf_counter() - started) / max(1, len(doc.pages)))
                want, ledger = _keys(text), build_ledger(report.text)
                total += sum(want.values())
                got = Counter(
                    (f.kind.value, f.value, f.scale, f.unit, f.high) for f in ledger.figures if f.is_indicator_kind
                )
                same += sum((want & got).values())
                spare = want.copy()
                for f in ledger.figures:
                    if not f.is_indicator_kind:
                        continue
                    scanned += 1
                    doubtful = any(d.start < f.end and f.start < d.end for d in doc.doubtful)
                    flagged += doubtful
                    key = (f.kind.value, f.value, f.scale, f.unit, f.high)
                    if spare[key] > 0:
                        spare[key] -= 1
                    elif not doubtful:
                        wrong_unflagged += 1
        print(
            f"{variant}: {len(reports)} reports ({failed} failed records), {total} text figures: "
            f"{same / max(total, 1):.3f} read identically; of {scanned} figures read, {flagged / max(scanned, 1):.3f} "
            f"flagged, {wrong_unflagged} not in the text and not flagged; "
            f"median {statistics.median(per_page or [0]):.1f} s per page"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
