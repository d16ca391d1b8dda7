"""How the program's meeting facts (no model) do against the gold: body in English, per split. Seconds.

    python eval/meeting_bodies.py [--split seen|unseen|all] [--show]

``--show`` prints each wrong body (seen split only: unseen text is not to be read). Every split gets the wrong ones
counted by what went wrong (no body found, another kind of body, the wrong place, another body): counts, no text.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from code_names import split_args, split_samples  # noqa: E402

from summarizer.evaluation.meeting_scores import check_body  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.meeting import find_meeting_facts  # noqa: E402

_FAILURES = ("no body found", "another kind of body", "the wrong place", "another body")


def _failure(body_en: str | None, why: str) -> str:
    """What went wrong with a body, as a count may say it of an unseen report."""
    if not body_en:
        return _FAILURES[0]
    if why.startswith("a '") or "is another body" in why:
        return _FAILURES[1]
    return _FAILURES[2] if "does not name the place" in why else _FAILURES[3]


def main() -> int:
    args = split_args(__doc__ or "")
    if args is None:
        return 2
    counts: dict[str, Counter[str]] = {}
    for split, sample in split_samples(args.split):
        gold = (sample.gold.meeting if sample.gold else None) or {}
        if not gold.get("body_vi"):
            continue
        facts = find_meeting_facts(build_ledger(sample.text))
        ok, why = check_body(gold["body_vi"], gold.get("body_en") or "", facts.body_en or "")
        c = counts.setdefault(split, Counter())
        c["meetings"] += 1
        c["right"] += ok
        if not ok:
            c[_failure(facts.body_en, why)] += 1
        if not ok and args.show:
            print(f"{sample.id}: {facts.body_en!r} ({why}); gold {gold['body_vi']!r} / {gold.get('body_en')!r}")
    for split, c in sorted(counts.items()):
        print(f"{split}: body right {c['right']} of {c['meetings']} ({c['right'] / max(c['meetings'], 1):.3f})")
        wrong = [k for k in _FAILURES if c[k]]
        if wrong:
            print("  wrong: " + ", ".join(f"{k} {c[k]}" for k in wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
