"""How the program's own names (no model) do on the gold figures: named right / named wrong / failing the fit checks /
unnamed, per split. Seconds, no model: the check to run after every change to the termbase or the rules.

    python eval/code_names.py [--split seen|unseen|all] [--show]

For each gold figure, the ledger figure at its span is named by code (``labels.known_name``) and the name judged as
``summarizer eval`` judges it (gold label keys, no bare head noun); a name the fit checks reject counts as
untranslated. ``--show`` lists the wrong names (seen split only: unseen text is not to be read).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.evaluation.dataset import load_dataset  # noqa: E402
from summarizer.reading.fit import fit_problem  # noqa: E402
from summarizer.reading.labels import known_name  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.terminology import is_generic_name  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="seen", choices=["seen", "unseen", "all"])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.show and args.split != "seen":
        print("error: --show lists report text; only on the seen split", file=sys.stderr)
        return 2
    counts: dict[str, Counter[str]] = {}
    for sample in load_dataset(ROOT / "eval" / "reports", ROOT / "eval" / "gold"):
        split = sample.split or "seen"
        if (args.split != "all" and split != args.split) or sample.gold is None:
            continue
        ledger = build_ledger(sample.text)
        c = counts.setdefault(split, Counter())
        for g in sample.gold.indicators:
            fig = next((f for f in ledger.figures if f.end > g.span[0] and f.start < g.span[1]), None)
            name = known_name(fig) if fig is not None else None
            c["gold"] += 1
            if name is None:
                c["unnamed"] += 1
                continue
            if fit_problem(fig, name) if fig is not None else None:
                c["unfit"] += 1
                ok, _ = g.label.judge(name)
                c["unfit_was_right"] += ok and not is_generic_name(name)
                continue
            ok, why = g.label.judge(name)
            ok = ok and not is_generic_name(name)
            c["right" if ok else "wrong"] += 1
            if not ok and args.show:
                print(f"{sample.id}: {name!r} for {g.source_text!r} ({why}; gold: {g.what})")
    for split, c in sorted(counts.items()):
        named = c["right"] + c["wrong"]
        print(
            f"{split}: {c['gold']} gold figures: named right {c['right']}, wrong {c['wrong']} "
            f"(label accuracy {c['right'] / max(named, 1):.3f}), fit checks rejected {c['unfit']} "
            f"({c['unfit_was_right']} of them right), unnamed {c['unnamed']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
