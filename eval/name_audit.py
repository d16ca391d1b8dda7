"""How the program's own names (no model) fare on the audited corpus articles: 241 English names code gave at stop
36 to figures of 54 local-government articles, each judged right, vague or wrong by a reader (``eval/audit/``).
Re-run after a change to see, per verdict, how many of those names code still shows, shows under another name, or
now withholds (the figure then shown in its Vietnamese words), and how many figures it names that the audit never
judged; and the period and basis code gives each audited figure, judged by the reader's verdict where unchanged and
by the reader's right period or basis where changed (the scorer's period match: same years, same span of months).
Seconds, no model:

    python eval/name_audit.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.checking.assembly import build_summary  # noqa: E402
from summarizer.evaluation.scorers import period_matches  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.meeting import find_meeting_facts  # noqa: E402
from summarizer.schema import Draft  # noqa: E402
from summarizer.testing.synthetic import blank_provenance  # noqa: E402

AUDIT = ROOT / "eval" / "audit"


def _judge(row: dict[str, str], field: str, now: str | None) -> bool | None:
    """Is code's ``field`` (period or basis) right now? The reader's verdict where it is unchanged and right, else the
    reader's right value as the scorer matches it (a period judged wrong but of the right year scores right); None
    where the reader gave no value code can be held to (a period with no year and no span of months)."""
    verdict, audited, right = row[f"{field}_verdict"], row[field], row[f"right_{field}"]
    if now == audited and (verdict == "right" or field == "basis"):
        return verdict == "right"
    truth = audited if verdict == "right" else right
    if truth is None:
        return now is None if verdict == "right" else None
    if field == "basis":
        return now == truth
    if not any(ch.isdigit() for ch in truth) and "half" not in truth and "quarter" not in truth:
        return None
    return period_matches(truth, now)


def main() -> int:
    rows = json.loads((AUDIT / "names.json").read_text(encoding="utf-8"))
    by_article: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    now: Counter[tuple[str, str]] = Counter()
    held: Counter[tuple[str, bool | None]] = Counter()
    unjudged = 0
    for article, judged in sorted(by_article.items()):
        ledger = build_ledger((AUDIT / "articles" / f"{article}.txt").read_text(encoding="utf-8"))
        summary = build_summary(Draft.empty(), ledger, find_meeting_facts(ledger), blank_provenance(), [])
        shown = {i.source_text: i for i in summary.indicators}
        for row in judged:
            ind = shown.get(row["figure"])
            if ind is not None:
                held[("period", _judge(row, "period", ind.period))] += 1
                held[("basis", _judge(row, "basis", ind.basis))] += 1
            if ind is None or ind.name_status != "translated":
                now[(row["name_verdict"], "withheld")] += 1
            else:
                now[(row["name_verdict"], "same" if ind.name == row["name"] else "renamed")] += 1
        figures = {row["figure"] for row in judged}
        unjudged += sum(1 for i in summary.indicators if i.name_status == "translated" and i.source_text not in figures)
    print(f"{len(rows)} audited names on {len(by_article)} articles (eval/audit/README.md)")
    print(f"{'verdict':8} {'audited':>8} {'same':>6} {'renamed':>8} {'withheld':>9}")
    for verdict in ("right", "vague", "wrong"):
        counts = [now[(verdict, k)] for k in ("same", "renamed", "withheld")]
        print(f"{verdict:8} {sum(counts):8d} {counts[0]:6d} {counts[1]:8d} {counts[2]:9d}")
    shown_same = sum(now[(v, "same")] for v in ("right", "vague", "wrong"))
    print(
        f"precision of the names still shown as audited: {now[('right', 'same')] / max(shown_same, 1):.3f} right, "
        f"{now[('wrong', 'same')] / max(shown_same, 1):.3f} wrong"
    )
    print(f"figures named now that the audit never judged: {unjudged}")
    for field in ("period", "basis"):
        right, wrong, unknown = held[(field, True)], held[(field, False)], held[(field, None)]
        print(
            f"{field}: {right} right, {wrong} wrong ({right / max(right + wrong, 1):.3f}); "
            f"{unknown} the reader gave no {field} to hold code to"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
