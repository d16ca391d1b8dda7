"""Screenshots of a seed's review page at laptop and phone widths, for the README (headless Chromium).

    python benchmarks/review_screenshots.py [SUMMARY.json REPORT.txt]

Without arguments it uses the gold-built summary of the Bac Tu Liem seed (no model needed); with a saved
summary and its report it shows that. Writes docs/review-wide.png and docs/review-narrow.png.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.evaluation import load_dataset  # noqa: E402
from summarizer.schema import Summary  # noqa: E402
from summarizer.testing.synthetic import perfect_summary  # noqa: E402
from summarizer.writing.review import render_review  # noqa: E402


def main() -> None:
    if len(sys.argv) == 3:
        summary = Summary.model_validate_json(Path(sys.argv[1]).read_text(encoding="utf-8"))
        text = Path(sys.argv[2]).read_text(encoding="utf-8")
    else:
        sample = next(s for s in load_dataset(ROOT / "eval" / "reports") if s.id == "bac-tu-liem-2023-12-15")
        summary, text = perfect_summary(sample), sample.text
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("error: needs Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        page.write_text(render_review(summary, text), encoding="utf-8")
        for name, size in (("wide", "1280,800"), ("narrow", "390,844")):
            out = ROOT / "docs" / f"review-{name}.png"
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    f"--window-size={size}",
                    f"--screenshot={out}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            print(f"wrote {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
