"""Which kinds of code names are right and which wrong, counted per split: the features of each name the program
would show with no model (a standard term of ``data/terminology.tsv`` said whole, a short name, a proper name in the
figure's clause that the name leaves out, …) against the gold's verdict. Counts only, so it may run on the unseen
split: a feature whose names are mostly wrong on text nobody tuned to, and rarely right on the seen reports, is where a
check that withholds names would pay (stop 42: every wrong name on the unseen split that is a standard term said whole
lacks what the gold says is measured; names that left out a proper name of their clause were wrong 5 times in 5 on
held-out articles, so ``owners.proper_name_left_out`` now withholds them).

    python eval/name_features.py --split unseen
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from code_names import named_right, shown_for_gold, split_args, split_samples  # noqa: E402

from summarizer.reading.figures import Figure, Ledger  # noqa: E402
from summarizer.reading.glossary import chunk  # noqa: E402
from summarizer.reading.meaning import around_of  # noqa: E402
from summarizer.reading.owners import proper_name_left_out  # noqa: E402
from summarizer.reading.terminology import load_terminology  # noqa: E402

_TERMS = frozenset(en.lower() for _, en, _ in load_terminology())


def features(ledger: Ledger, fig: Figure, name: str) -> dict[str, bool]:
    """The features of one shown name: each a yes/no."""
    tail = around_of(ledger, fig, None).tail
    low = name.lower()
    nouns = [c for c in chunk(tail) if c.role in ("noun", "measure") and c.en]
    unsaid = [c for c in nouns if not any(w.rstrip("s")[:5] in low for w in re.findall(r"[a-z]{4,}", c.en.lower()))]
    core = re.sub(r"\s*\([^()]*\)", "", name).strip().lower()
    short = len(core.split()) <= 2
    return {
        "a standard term said whole": core in _TERMS,
        "short (two words or fewer)": short,
        "short, not a standard term": short and core not in _TERMS,
        "a known noun of its clause left out": bool(unsaid),
        "two or more known nouns of its clause left out": len(unsaid) >= 2,
        "a proper name of its clause left out": proper_name_left_out(ledger, tail, name) is not None,
        f"a {fig.kind.value}": True,
    }


def main() -> int:
    args = split_args(__doc__ or "")
    if args is None:
        return 2
    counts: dict[str, Counter[tuple[str, bool]]] = {}
    for split, sample in split_samples(args.split):
        ledger, pairs = shown_for_gold(sample)
        c = counts.setdefault(split, Counter())
        for g, ind in pairs:
            fig = ledger.get(ind.figure_id) if ind is not None else None
            if ind is None or fig is None or ind.name_status != "translated":
                continue
            right = named_right(g, ind.name)[0]
            c[("every name", right)] += 1
            for feature, present in features(ledger, fig, ind.name).items():
                c[(feature, right)] += present
    for split, c in sorted(counts.items()):
        print(f"{split}: right / wrong")
        for feature in sorted({f for f, _ in c}):
            print(f"  {feature:<48} {c[(feature, True)]:>4} / {c[(feature, False)]:<4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
